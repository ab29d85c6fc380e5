/// Receives what an adapter reads from one file: exactly one call per row read.
///
/// The store's implementation writes inside the file's transaction, so adapters stream rows and memory
/// does not grow with file size.
public protocol RecordSink: AnyObject {
    /// Takes a record read from `line`.
    /// - Throws: a store failure, which aborts the file's transaction.
    func accept(_ record: FeedbackRecord, line: Int) throws
    /// Takes a row that could not become a record.
    /// - Throws: a store failure, which aborts the file's transaction.
    func quarantine(_ row: QuarantinedRow) throws
    /// Takes a redacted record with its original identity, found identifiers and (optionally) originals.
    ///
    /// The ingest path calls this instead of ``accept(_:line:)`` once it has redacted a record; a store keeps
    /// the identifiers and originals beside the record. The default stores just the record.
    /// - Throws: a store failure, which aborts the file's transaction.
    func accept(_ redacted: RedactedRecord, line: Int) throws
    /// The preparation this sink applies to records it gets through ``accept(_:line:)``, which a reader with a
    /// thread of its own may apply instead, off the writing thread; `nil` (the default) when there is none.
    var preparation: RecordPreparation? { get }
}

extension RecordSink {
    /// Stores only the redacted record (sinks that keep no identifiers).
    public func accept(_ redacted: RedactedRecord, line: Int) throws {
        try accept(redacted.record, line: line)
    }

    /// No preparation.
    public var preparation: RecordPreparation? { nil }
}
