/// RFC 4180 quoting for every CSV painmap writes: a field that needs it is wrapped in quotes and its quotes doubled.
///
/// Works on UTF-8 bytes, never `Character`s (a quote followed by a combining mark is one grapheme but still a quote
/// to every CSV reader). Writers differ only in when a field needs quotes: its delimiter, and for reports a leading
/// or trailing space (spreadsheets trim them), for some sample files every field.
public enum CSVField {
    /// When a field is quoted; a field holding the delimiter, a quote, CR or LF always is.
    public struct Rule: Sendable {
        /// The field separator byte.
        public var delimiter: UInt8
        /// Quote a field that starts or ends with a space.
        public var quotesEdgeSpaces = false
        /// Quote every field.
        public var quotesAll = false

        /// Creates a rule.
        ///
        /// - Parameters:
        ///   - delimiter: The field separator byte.
        ///   - quotesEdgeSpaces: Quote a field that starts or ends with a space.
        ///   - quotesAll: Quote every field.
        public init(delimiter: UInt8, quotesEdgeSpaces: Bool = false, quotesAll: Bool = false) {
            self.delimiter = delimiter
            self.quotesEdgeSpaces = quotesEdgeSpaces
            self.quotesAll = quotesAll
        }

        /// Whether a field's bytes need quotes under this rule.
        ///
        /// - Parameter utf8: The field's bytes.
        /// - Returns: `true` when the field must be quoted.
        @inlinable public func needsQuotes(_ utf8: some Collection<UInt8>) -> Bool {
            if quotesAll { return true }
            if quotesEdgeSpaces, utf8.first == 0x20 || utf8.reversed().first == 0x20 { return true }
            return utf8.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        }
    }

    /// Appends a field's UTF-8 bytes to `bytes`, quoted when `rule` asks for it.
    ///
    /// - Parameters:
    ///   - value: The field.
    ///   - rule: When to quote.
    ///   - bytes: The output.
    public static func append(_ value: String, rule: Rule, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { utf8 in
            guard rule.needsQuotes(utf8) else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.reserveCapacity(bytes.count + utf8.count + 8)
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// A field's UTF-8 bytes, quoted when `rule` asks for it.
    ///
    /// - Parameters:
    ///   - value: The field.
    ///   - rule: When to quote.
    /// - Returns: The bytes to write.
    public static func bytes(_ value: String, rule: Rule) -> [UInt8] {
        var bytes: [UInt8] = []
        append(value, rule: rule, to: &bytes)
        return bytes
    }

    /// A field as text, quoted when `rule` asks for it.
    ///
    /// - Parameters:
    ///   - value: The field.
    ///   - rule: When to quote.
    /// - Returns: The text to write.
    public static func text(_ value: String, rule: Rule) -> String {
        var value = value
        let needsQuotes = value.withUTF8 { rule.needsQuotes($0) }
        guard needsQuotes else { return value }
        return String(decoding: bytes(value, rule: rule), as: UTF8.self)
    }
}
