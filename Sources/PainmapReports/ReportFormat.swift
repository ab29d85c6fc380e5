/// A file format a single «Карта болей» report is rendered in.
///
/// The region workbook (XLSX) is not a case: it holds every life situation of a region at once, see
/// ``ReportRenderer/regionWorkbook(_:index:)``.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// A self-contained HTML page (inline CSS and SVG, no scripts).
    case html
    /// GitHub-flavoured Markdown.
    case md
    /// JSON in the documented, versioned schema (`docs/report-schema.md`).
    case json
    /// CSV for spreadsheet programs: UTF-8 with BOM, `;`, CRLF, one row per pain.
    case csv

    /// The file name extension, without the dot; also the file name of the report is `<situation-id>.<ext>`.
    public var fileExtension: String { rawValue }
}
