/// A stored record with its classification: what the report stage reads per region and quarter.
public struct ClassifiedRecord: Sendable, Hashable {
    /// The store's id of the record.
    public var id: RecordID
    /// The record's content fingerprint the classification was made from.
    public var fingerprint: UInt64
    /// The record.
    public var record: FeedbackRecord
    /// Its situation and stage.
    public var classification: RecordClassification
    /// The digest of the life-situation configuration (and classifier version) that produced the classification.
    public var configDigest: String

    /// Creates a classified record.
    ///
    /// - Parameters:
    ///   - id: The store's id.
    ///   - fingerprint: The content fingerprint classified.
    ///   - record: The record.
    ///   - classification: Its classification.
    ///   - configDigest: The configuration digest.
    public init(
        id: RecordID,
        fingerprint: UInt64,
        record: FeedbackRecord,
        classification: RecordClassification,
        configDigest: String
    ) {
        self.id = id
        self.fingerprint = fingerprint
        self.record = record
        self.classification = classification
        self.configDigest = configDigest
    }

    /// Pairs a stored record with its new classification.
    ///
    /// - Parameters:
    ///   - stored: The record as fetched from the store.
    ///   - classification: Its classification.
    ///   - configDigest: The configuration digest.
    public init(_ stored: StoredRecord, classification: RecordClassification, configDigest: String) {
        self.init(
            id: stored.id,
            fingerprint: stored.fingerprint,
            record: stored.record,
            classification: classification,
            configDigest: configDigest
        )
    }
}
