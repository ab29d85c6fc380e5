/// One identifier the redactor removed from a record: its type and its normalised form.
///
/// The normalised form is digits only for numeric types and case-folded text (ё → е, single spaces) for
/// names, addresses, e-mails and plates; the report gate matches rendered reports against it.
public struct FoundIdentifier: Sendable, Hashable, Codable {
    /// The type the redactor gave the span.
    public var type: PersonalDataType
    /// The normalised identifier.
    public var normalized: String

    /// Creates a found identifier.
    public init(type: PersonalDataType, normalized: String) {
        self.type = type
        self.normalized = normalized
    }
}

/// A record after redaction, with what the store keeps beside it.
///
/// The natural key and fingerprint are computed over the record as read, before redaction, so the record's
/// identity does not change when the redactor improves (re-ingesting a later export still finds it).
public struct RedactedRecord: Sendable {
    /// The record whose free-text fields hold placeholders instead of personal data.
    public var record: FeedbackRecord
    /// ``FeedbackRecord/naturalKey`` of the original record.
    public var naturalKey: String
    /// ``FeedbackRecord/contentFingerprint`` of the original record.
    public var fingerprint: UInt64
    /// The identifiers removed from the record's text and answer, without repeats, in text order.
    public var identifiers: [FoundIdentifier]
    /// The original text and answer, only when `keep_originals` is on; `nil` otherwise.
    public var originals: OriginalTexts?

    /// Creates a redacted record.
    public init(
        record: FeedbackRecord,
        naturalKey: String,
        fingerprint: UInt64,
        identifiers: [FoundIdentifier],
        originals: OriginalTexts?
    ) {
        self.record = record
        self.naturalKey = naturalKey
        self.fingerprint = fingerprint
        self.identifiers = identifiers
        self.originals = originals
    }
}

/// A record's free-text fields before redaction, kept apart from the record (never read by analysis or reports).
public struct OriginalTexts: Sendable, Hashable {
    /// The citizen's text as read.
    public var text: String
    /// The answer as read.
    public var answerText: String?

    /// Creates the originals.
    public init(text: String, answerText: String?) {
        self.text = text
        self.answerText = answerText
    }
}
