/// A record as the store holds it: its id, the fingerprint of its content, and the record.
///
/// The fingerprint is what the store saw when it last wrote the record; a classification remembers it, so a later
/// export that changes the record makes the classification stale.
public struct StoredRecord: Sendable, Hashable {
    /// The store's id.
    public var id: RecordID
    /// The content fingerprint stored with the record.
    public var fingerprint: UInt64
    /// The record.
    public var record: FeedbackRecord

    /// Creates a stored record.
    ///
    /// - Parameters:
    ///   - id: The store's id.
    ///   - fingerprint: The stored content fingerprint.
    ///   - record: The record.
    public init(id: RecordID, fingerprint: UInt64, record: FeedbackRecord) {
        self.id = id
        self.fingerprint = fingerprint
        self.record = record
    }
}
