public import Foundation
public import PainmapCore

/// Renders the report model in every format: the facade the pipeline calls.
///
/// Every method is a pure function of its input: the same model gives the same bytes on every run and machine
/// (no clock, locale or time zone is read; keys are sorted; numbers are formatted by fixed rules). Human formats
/// use Russian conventions (`12,5 %`, `−3`, `12 345`); JSON uses plain numbers rounded to four decimals.
///
/// ```swift
/// let renderer = ReportRenderer()
/// for format in ReportFormat.allCases {
///     let bytes = try renderer.render(report, as: format)
///     let name = "\(report.lifeSituation.id).\(format.fileExtension)"
///     try AtomicFileWriter().write(bytes, to: directory.appendingPathComponent(name))
/// }
/// ```
public struct ReportRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report in one format.
    ///
    /// - Parameters:
    ///   - report: The report.
    ///   - format: The format.
    /// - Returns: The file's bytes (UTF-8; CSV starts with a byte-order mark).
    /// - Throws: ``LocatedFailure`` (``FailureCode/reportUnencodable``) for JSON when a number in the model is NaN or infinite (the other formats
    ///   print «—» for such a number).
    public func render(_ report: PainMapReport, as format: ReportFormat) throws(LocatedFailure) -> Data {
        switch format {
        case .html: Data(ReportHTMLRenderer(report: report).render().utf8)
        case .md: Data(ReportMarkdownRenderer(report: report).render().utf8)
        case .json: try ReportJSONEncoder.encode(report.rounded())
        case .csv: Data(ReportCSVRenderer(report: report).render().utf8)
        }
    }

    /// A region's index page (HTML), linking `<situation-id>.html` of each situation, `../index.html` and the
    /// region's workbook `<region-code>.xlsx` in the same directory.
    ///
    /// - Parameter index: The index.
    /// - Returns: The page's bytes.
    public func renderIndex(_ index: RegionIndex) -> Data {
        Data(RegionIndexHTMLRenderer(index: index).render().utf8)
    }

    /// The all-regions overview page of a quarter (HTML), linking `<region-code>/index.html`.
    ///
    /// - Parameter overview: The overview.
    /// - Returns: The page's bytes.
    public func renderOverview(_ overview: QuarterOverview) -> Data {
        Data(QuarterOverviewHTMLRenderer(overview: overview).render().utf8)
    }

    /// A region index as JSON, in the same conventions as a report's JSON.
    ///
    /// - Throws: ``LocatedFailure`` (``FailureCode/reportUnencodable``) when a number is NaN or infinite.
    public func renderIndexJSON(_ index: RegionIndex) throws(LocatedFailure) -> Data {
        try ReportJSONEncoder.encode(index.rounded())
    }

    /// A quarter overview as JSON, in the same conventions as a report's JSON.
    ///
    /// - Throws: ``LocatedFailure`` (``FailureCode/reportUnencodable``) when a number is NaN or infinite.
    public func renderOverviewJSON(_ overview: QuarterOverview) throws(LocatedFailure) -> Data {
        try ReportJSONEncoder.encode(overview.rounded())
    }

    /// A region's workbook: a «Сводка» sheet with every life situation, then one sheet per situation with its
    /// pain table (the CSV columns, with typed numbers).
    ///
    /// - Parameters:
    ///   - reports: The region's reports of one quarter.
    ///   - index: The region's index, which orders the sheets and fills the summary.
    /// - Returns: The `.xlsx` file's bytes.
    /// - Throws: ``XLSXWriteError`` when the workbook cannot be assembled.
    public func regionWorkbook(_ reports: [PainMapReport], index: RegionIndex) throws(XLSXWriteError) -> Data {
        try XLSXWriter().data(RegionWorkbook(reports: reports, index: index).sheets())
    }
}
