import PainmapCore
import PainmapPrivacy

/// Sits between an adapter and the store's sink: every record is redacted before it is stored, so no adapter
/// can forget it.
///
/// The store receives the redacted record with the original's natural key and fingerprint, the identifiers
/// found and, only with `keep_originals: true`, the original texts (kept in a table of their own).
final class RedactingSink: RecordSink {
    private let base: any RecordSink
    private let redactor: RecordRedactor

    init(base: any RecordSink, redactor: RecordRedactor) {
        self.base = base
        self.redactor = redactor
    }

    func accept(_ record: FeedbackRecord, line: Int) throws {
        try base.accept(redactor.redact(record), line: line)
    }

    func accept(_ redacted: RedactedRecord, line: Int) throws {
        try base.accept(redacted, line: line)
    }

    func quarantine(_ row: QuarantinedRow) throws {
        try base.quarantine(row)
    }
}
