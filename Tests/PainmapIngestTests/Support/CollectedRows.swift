import PainmapCore

/// Everything an adapter yields for one file, pulled to the end, for assertions.
struct CollectedRows {
    var records: [FeedbackRecord] = []
    var lines: [Int] = []
    var quarantined: [QuarantinedRow] = []
    var summary: FileReadSummary

    /// Opens `file` with `adapter` and pulls every row.
    init(_ adapter: some IngestAdapter, _ file: FeedFile) throws {
        var reader = try adapter.open(file)
        while let outcome = try reader.next() {
            switch outcome {
            case .record(let record, let line):
                records.append(record)
                lines.append(line)
            case .quarantined(let row):
                quarantined.append(row)
            }
        }
        summary = reader.summary
    }

    var reasons: [QuarantineReason] { quarantined.map(\.reason) }
}
