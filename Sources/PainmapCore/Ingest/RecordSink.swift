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
}
