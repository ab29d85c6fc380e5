/// Turns a record as read into the record a store keeps (at ingest: redaction of its free text).
///
/// A preparer is a pure function of the record, so readers may call it on their own threads, in parallel,
/// and the stored result is the same whatever the thread count.
public protocol RecordPreparer: Sendable {
    /// Prepares one record.
    func prepare(_ record: FeedbackRecord) -> RedactedRecord
}

/// What a sink asks readers to do to every record before handing it over: the preparer and how many threads a
/// reader may spend on it.
///
/// A reader that uses it calls ``RecordSink/accept(_:line:)-(RedactedRecord,_)`` with the prepared record;
/// a reader that ignores it calls ``RecordSink/accept(_:line:)-(FeedbackRecord,_)`` and the sink prepares the
/// record itself, on the writing thread.
public struct RecordPreparation: Sendable {
    /// The preparation of one record.
    public var preparer: any RecordPreparer
    /// Threads a reader may use for a batch (at least 1).
    public var threads: Int

    /// Creates a preparation.
    public init(preparer: any RecordPreparer, threads: Int) {
        self.preparer = preparer
        self.threads = max(1, threads)
    }
}
