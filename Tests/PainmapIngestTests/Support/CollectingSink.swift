import PainmapCore

/// A sink that keeps what an adapter produced, for assertions.
final class CollectingSink: RecordSink {
    var records: [FeedbackRecord] = []
    var lines: [Int] = []
    var quarantined: [QuarantinedRow] = []

    func accept(_ record: FeedbackRecord, line: Int) throws {
        records.append(record)
        lines.append(line)
    }

    func quarantine(_ row: QuarantinedRow) throws { quarantined.append(row) }

    var reasons: [QuarantineReason] { quarantined.map(\.reason) }
}
