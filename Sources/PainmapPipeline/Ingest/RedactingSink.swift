import PainmapCore
import PainmapPrivacy

/// Sits between an adapter and the store's sink: every record is redacted before it is stored, so no adapter
/// can forget it.
///
/// The store receives the redacted record with the original's natural key and fingerprint, the identifiers
/// found and, only with `keep_originals: true`, the original texts (kept in a table of their own). Readers with
/// a thread of their own (the tabular adapters' ``RecordPreparation`` path) redact in parallel batches before the
/// record reaches this sink and hand it over already redacted; the others are redacted here.
final class RedactingSink: RecordSink {
    private let base: any RecordSink
    private let redactor: RecordRedactor
    let preparation: RecordPreparation?

    /// - Parameter threads: How many threads a reader may use to redact a batch; the stored result does not
    ///   depend on it.
    init(base: any RecordSink, redactor: RecordRedactor, threads: Int) {
        self.base = base
        self.redactor = redactor
        preparation = RecordPreparation(preparer: redactor, threads: threads)
    }

    func accept(_ record: FeedbackRecord, line: Int) throws {
        try base.accept(redactor.redact(record), line: line)
    }

    /// Takes a record a reader has already redacted through ``preparation``.
    func accept(_ redacted: RedactedRecord, line: Int) throws {
        try base.accept(redacted, line: line)
    }

    func quarantine(_ row: QuarantinedRow) throws {
        try base.quarantine(row)
    }
}
