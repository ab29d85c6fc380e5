public import Foundation
public import PainmapCore

/// Reads agency internet-reception (59-ФЗ) exports: CSV and XLSX, with an optional ТОТК code.
public struct SiteAdapter: IngestAdapter {
    /// Always ``SourceKind/site``.
    public var kind: SourceKind { .site }
    private let tabular: TabularFeedReader

    /// Creates the adapter.
    public init(regions: RegionDirectory, now: Date = Date()) {
        tabular = TabularFeedReader(regions: regions, now: now)
    }

    /// Opens a CSV or XLSX export.
    public func open(_ file: FeedFile) throws -> any RowReader {
        try tabular.open(file, step: TOTKStep())
    }
}

/// Keeps a ТОТК code only when it has the classifier's shape `0005.0005.0056.1149`.
///
/// A malformed code is moved into the category text rather than dropped, so nothing the export held is lost.
struct TOTKStep: TabularRowStep, PreparedRowStep {
    var extraColumns: [String] { [] }
    func prepare(header: [String], location: SourceLocation) throws -> TOTKStep { self }

    func complete(_ record: inout FeedbackRecord, cells: [CellValue], line: Int, raw: [UInt8]) -> QuarantinedRow? {
        if let problem = TextRequiredStep().complete(&record, cells: cells, line: line, raw: raw) { return problem }
        if let code = record.categoryCode, !TOTKStep.isWellFormed(code) {
            record.categoryCode = nil
            record.categoryRaw = [record.categoryRaw, code].compactMap { $0 }.joined(separator: " / ")
        }
        return nil
    }

    static func isWellFormed(_ code: String) -> Bool {
        let parts = code.split(separator: ".", omittingEmptySubsequences: false)
        return (1...4).contains(parts.count)
            && parts.allSatisfy { $0.count == 4 && $0.allSatisfy(\.isASCIIDigitCharacter) }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
