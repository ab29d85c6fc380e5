import Foundation
public import PainmapCore

/// A span of the gold standard: where an identifier (or a look-alike) was planted.
public struct GoldSpan: Sendable, Hashable, Codable {
    /// Whether the span must be redacted.
    public enum Role: String, Sendable, Hashable, Codable {
        /// Personal data in a valid format.
        case positive
        /// Personal data with a wrong control number (still personal data: must be redacted).
        case invalidChecksum = "invalid_checksum"
        /// A look-alike that is not personal data (must stay).
        case decoy
    }

    /// The type the span is (or imitates).
    public var type: PersonalDataType
    /// Its position, in Unicode scalars.
    public var range: Range<Int>
    /// Its role.
    public var role: Role

    /// Whether the span must be redacted.
    public var mustRedact: Bool { role != .decoy }

    /// Creates a gold span.
    public init(type: PersonalDataType, range: Range<Int>, role: Role) {
        self.type = type
        self.range = range
        self.role = role
    }
}

/// A generated feedback message with its gold spans.
public struct LabelledMessage: Sendable, Hashable, Codable {
    /// The message.
    public var text: String
    /// The planted spans, in text order.
    public var spans: [GoldSpan]
    /// Whether the message was generated without any planted span (clean).
    public var isClean: Bool

    /// Creates a message.
    public init(text: String, spans: [GoldSpan], isClean: Bool) {
        self.text = text
        self.spans = spans
        self.isClean = isClean
    }
}

/// Builds a message piece by piece, tracking offsets in Unicode scalars.
struct MessageBuilder {
    private(set) var text = ""
    private(set) var length = 0
    private(set) var spans: [GoldSpan] = []

    mutating func append(_ piece: String) {
        text += piece
        length += piece.unicodeScalars.count
    }

    mutating func append(_ piece: String, as type: PersonalDataType, role: GoldSpan.Role) {
        let start = length
        append(piece)
        spans.append(GoldSpan(type: type, range: start..<length, role: role))
    }

    /// Appends a template `prefix{}suffix` with `planted` in place of `{}`; `prefix`/`suffix` around the planted text
    /// (a planted value may carry its own unlabelled lead-in, such as «серия … номер …») are kept outside the span.
    mutating func append(template: String, planted: Planted, role: GoldSpan.Role) {
        let parts = template.components(separatedBy: "{}")
        append(parts[0])
        append(planted.lead)
        append(planted.core, as: planted.type, role: planted.isPublic ? .decoy : role)
        append(planted.tail)
        if parts.count > 1 { append(parts[1]) }
    }
}

/// A planted value: the span itself (`core`) and text around it that is not part of the identifier.
struct Planted {
    var type: PersonalDataType
    var core: String
    var lead: String = ""
    var tail: String = ""
    /// An organisation's number (ИНН of 10 digits, ОГРН of 13): public registry data that must stay.
    var isPublic = false
}
