import Foundation
import PainmapCore

/// The shared read loop of the column-mapped adapters (pos CSV, site, hotline, survey).
///
/// Each kind adds its own per-row step through ``TabularRowStep``.
struct TabularFeedReader {
    let regions: RegionDirectory
    let now: Date

    /// Reads `file` into `sink`, one call per data row.
    func read(_ file: FeedFile, into sink: some RecordSink, step: some TabularRowStep) throws -> FileReadSummary {
        var source = try TabularRowSource(file: file)
        let header = try source.header()
        let location = SourceLocation(path: file.displayPath, line: 1)
        let mapper = try RowMapper(feed: file.feed, regions: regions, header: header, location: location, now: now)
        let prepared = try step.prepare(header: header, location: location)
        while let item = try source.next() {
            switch item {
            case .unreadable(let row):
                try sink.quarantine(row)
            case .row(let line, let cells, let raw):
                if cells.count != header.count {
                    try sink.quarantine(
                        QuarantinedRow(
                            line: line, reason: .wrongFieldCount,
                            message: "полей в строке \(cells.count), в заголовке \(header.count); проверьте разделитель и кавычки",
                            raw: raw))
                    continue
                }
                switch mapper.map(cells, line: line, raw: raw) {
                case .failure(let row):
                    try sink.quarantine(row)
                case .success(var record):
                    if let problem = prepared.complete(&record, cells: cells, line: line, raw: raw) {
                        try sink.quarantine(problem)
                    } else {
                        try sink.accept(record, line: line)
                    }
                }
            }
        }
        let unmapped = RowMapper.unmapped(header: header, feed: file.feed, extra: prepared.extraColumns)
        return FileReadSummary(encoding: source.encodingName, unmappedColumns: unmapped)
    }
}

/// A kind-specific step applied to every mapped row.
protocol TabularRowStep {
    associatedtype Prepared: PreparedRowStep
    /// Checks the header for the step's own columns.
    func prepare(header: [String], location: SourceLocation) throws -> Prepared
}

/// A step bound to one file's header.
protocol PreparedRowStep {
    /// Columns the step reads, so they do not count as schema drift.
    var extraColumns: [String] { get }
    /// Completes or rejects a mapped record.
    func complete(_ record: inout FeedbackRecord, cells: [CellValue], line: Int, raw: [UInt8]) -> QuarantinedRow?
}

/// The step of feeds whose records need a non-empty citizen text (pos, site, hotline).
struct TextRequiredStep: TabularRowStep, PreparedRowStep {
    var extraColumns: [String] { [] }
    func prepare(header: [String], location: SourceLocation) throws -> TextRequiredStep { self }
    func complete(_ record: inout FeedbackRecord, cells: [CellValue], line: Int, raw: [UInt8]) -> QuarantinedRow? {
        record.text.isEmpty
            ? QuarantinedRow(line: line, column: nil, reason: .missingRequired, message: "пустой текст сообщения", raw: raw)
            : nil
    }
}
