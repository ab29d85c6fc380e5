/// Accumulates the UTF-8 bytes of one XML part, escaping text on the way in.
struct XLSXMarkup {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4_096) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends trusted markup written by the writer itself.
    mutating func append(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Whether ``appendEscaped(_:inAttribute:)`` drops `scalar` (XML 1.0 cannot carry it).
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// Appends text as element content or an attribute value.
    ///
    /// Escapes `& < > "`, writes a carriage return as `&#13;` (a parser would turn a literal one into a line
    /// feed) and, in attributes, tab and line feed as character references (a parser would turn them into
    /// spaces). Drops what XML 1.0 cannot carry at all: U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE and
    /// U+FFFF. Works on UTF-8 bytes; every byte it tests is ASCII except the two non-characters' `EF BF BE/BF`.
    mutating func appendEscaped(_ text: String, inAttribute: Bool = false) {
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                switch byte {
                case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
                case 0x0D: bytes.append(contentsOf: "&#13;".utf8)
                case 0x09: inAttribute ? bytes.append(contentsOf: "&#9;".utf8) : bytes.append(byte)
                case 0x0A: inAttribute ? bytes.append(contentsOf: "&#10;".utf8) : bytes.append(byte)
                case 0x00...0x1F: break
                case 0xEF where index + 2 < utf8.count && utf8[index + 1] == 0xBF && utf8[index + 2] >= 0xBE:
                    index += 2  // U+FFFE or U+FFFF
                default: bytes.append(byte)
                }
                index += 1
            }
        }
    }
}
