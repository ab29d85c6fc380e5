/// An identifier the redactor removed from a stored record, as the store recorded it at ingest.
public struct RedactedIdentifier: Sendable, Hashable, Codable {
    /// The record it was removed from.
    public var recordID: RecordID
    /// The record's region.
    public var region: String
    /// The record's quarter.
    public var quarter: Quarter
    /// The type of the identifier.
    public var type: PersonalDataType
    /// Digits only for numeric types, case-folded text otherwise.
    public var normalized: String

    /// Creates an entry.
    public init(recordID: RecordID, region: String, quarter: Quarter, type: PersonalDataType, normalized: String) {
        self.recordID = recordID
        self.region = region
        self.quarter = quarter
        self.type = type
        self.normalized = normalized
    }
}
