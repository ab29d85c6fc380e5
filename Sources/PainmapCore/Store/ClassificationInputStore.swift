/// A store that hands classification only the fields it reads, which costs a fraction of decoding whole records.
///
/// `ClassifyJob` uses it when the store offers it and ``FeedbackStore/storedRecords(region:quarter:)`` /
/// ``FeedbackStore/unclassifiedRecords(configDigest:region:quarter:)`` otherwise; both give the same classification.
public protocol ClassificationInputStore: Sendable {
    /// The records of one region and quarter with the fields classification reads, in the store's id order.
    ///
    /// Each record carries its source, region, quarter, text, category, subcategory, category code, service id and
    /// name, survey answer and ratings; its other fields are empty (feed `""`, received at the epoch, raw region `""`)
    /// and must not be read.
    /// - Parameters:
    ///   - region: The 2-digit region.
    ///   - quarter: The quarter.
    ///   - configDigest: When given, only the records whose classification is missing, was made under another
    ///     digest, or predates a later export of the record.
    /// - Returns: The records, with their ids and fingerprints.
    /// - Throws: A ``PainmapFailure`` when the store cannot be read.
    func classificationInputs(region: String, quarter: Quarter, staleFor configDigest: String?) async throws
        -> [StoredRecord]
}
