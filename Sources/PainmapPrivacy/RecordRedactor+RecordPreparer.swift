public import PainmapCore

/// Redaction is the preparation every ingested record gets, so readers can run it on their own threads.
extension RecordRedactor: RecordPreparer {
    /// Redacts `record` (see ``redact(_:)``).
    public func prepare(_ record: FeedbackRecord) -> RedactedRecord { redact(record) }
}
