public import Foundation

/// A message of the independent evaluation corpus (`Tests/Fixtures/pii-independent/corpus.jsonl`), written without
/// reading the recognizers: its personal-data spans and the look-alikes that must stay.
///
/// Offsets are Unicode code-point (scalar) indices into ``text``.
public struct IndependentMessage: Sendable, Hashable, Codable {
    /// A planted personal-data span that must be redacted.
    public struct Span: Sendable, Hashable, Codable {
        /// Its first scalar.
        public var start: Int
        /// The scalar after its last one.
        public var end: Int
        /// The corpus's type: name, address, phone, email, inn, snils, passport, card, plate, ogrn, birthdate.
        public var type: String
        /// The spelling category (`name_lowercase_2w`, `address_snt` …).
        public var category: String
    }

    /// A look-alike that must not be redacted (a public number, a public office's address, a sum, a date …).
    public struct Keep: Sendable, Hashable, Codable {
        /// Its first scalar.
        public var start: Int
        /// The scalar after its last one.
        public var end: Int
        /// What it is (`public_number`, `sum`, `organisation_inn` …).
        public var kind: String
        /// Its category (`hotline_122`, `mfc_address` …).
        public var category: String
    }

    /// The corpus's id of the message.
    public var id: String
    /// The message.
    public var text: String
    /// Spans to redact.
    public var spans: [Span]
    /// Look-alikes to keep.
    public var keep: [Keep]

    /// Reads a JSON-lines corpus, one message per non-empty line.
    /// - Throws: `DecodingError` naming the line when a line is not a message.
    public static func load(_ url: URL) throws -> [IndependentMessage] {
        let data = try Data(contentsOf: url)
        let decoder = JSONDecoder()
        var messages: [IndependentMessage] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated()
        where !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
            do {
                messages.append(try decoder.decode(IndependentMessage.self, from: Data(line)))
            } catch {
                throw CocoaError(
                    .fileReadCorruptFile,
                    userInfo: [NSLocalizedDescriptionKey: "\(url.path):\(number + 1): not a corpus message"]
                )
            }
        }
        return messages
    }
}
