public import PainmapCore

/// One span of personal data the redactor found.
public struct RedactedSpan: Sendable, Hashable {
    /// The type the recognizers gave it.
    public var type: PersonalDataType
    /// Its position in the original text, in Unicode scalars.
    public var range: Range<Int>
    /// Digits only for numeric types; case-folded text (ё → е, single spaces) otherwise.
    public var normalized: String

    /// Creates a span.
    public init(type: PersonalDataType, range: Range<Int>, normalized: String) {
        self.type = type
        self.range = range
        self.normalized = normalized
    }
}

/// The result of redacting one text.
public struct Redaction: Sendable, Hashable {
    /// The text with each span replaced by its type's placeholder.
    public var text: String
    /// The spans, in text order, not overlapping.
    public var spans: [RedactedSpan]

    /// Creates a result.
    public init(text: String, spans: [RedactedSpan]) {
        self.text = text
        self.spans = spans
    }
}
