/// Removes the markup that web forms and mail clients leave in a citizen's text: HTML tags (with their inline styles),
/// comments and character entities.
///
/// Portal exports keep the message as the form stored it — `<p>`, `<br>`, `&nbsp;`, `<span style="color:rgb(…)">`
/// pasted from a browser — and the words inside tags («span», «style», «background», «color») would otherwise be
/// counted as content, so that every message pasted from one page looks alike. The stripper:
/// 1. decodes character entities (`&nbsp;`, `&quot;`, `&laquo;`, `&#171;`, `&#x00AB;` …), twice, so that escaped
///    markup (`&lt;p&gt;`, `&amp;nbsp;`) is decoded too; an unknown named entity of two letters or more becomes a space;
/// 2. replaces every tag — `<` followed by a letter, `/` or `!`, up to the next `>` — and every comment (`<!-- … -->`)
///    by a space. A `<` that does not start a tag («<5 минут», «a < b») is kept, and so is the rest of the text
///    when a tag is not closed.
///
/// URLs, e-mail addresses and digits are left to ``TextNormalizer``. A text without `<` or `&` is returned as it is,
/// without copying.
///
/// ```swift
/// MarkupStripper().strip("<p>Нет&nbsp;света</p>")  // " Нет света "
/// ```
public struct MarkupStripper: Sendable {
    /// Creates a stripper.
    public init() {}

    /// Returns the text without tags, comments and entities.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The visible text; removed spans become spaces.
    public func strip(_ text: String) -> String {
        guard Self.mayHoldMarkup(text) else { return text }
        var bytes = Array(text.utf8)
        bytes = Self.decodingEntities(bytes)
        bytes = Self.decodingEntities(bytes)
        bytes = Self.removingTags(bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the text holds a `<` or an `&`: the only texts the stripper can change.
    static func mayHoldMarkup(_ text: String) -> Bool {
        // Over the contiguous bytes when there are some: String.UTF8View's own iteration was 3 % of a clustering run.
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes in
            bytes.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }
        }) {
            return found
        }
        return text.utf8.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }
    }

    private static let space = UInt8(ascii: " ")

    /// Named entities decoded to text; any other well-formed named entity becomes a space.
    private static let namedEntities: [String: String] = [
        "nbsp": " ", "ensp": " ", "emsp": " ", "thinsp": " ", "shy": "", "zwnj": "", "zwj": "",
        "quot": "\"", "apos": "'", "amp": "&", "lt": "<", "gt": ">",
        "laquo": "«", "raquo": "»", "bdquo": "„", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’",
        "mdash": "—", "ndash": "–", "minus": "-", "hellip": "…", "numero": "№", "middot": "·", "bull": "·",
        "copy": " ", "reg": " ", "trade": " ", "deg": "°",
    ]

    /// Decodes `&name;`, `&#NNN;` and `&#xHHH;`; an `&` that starts none of them stays.
    private static func decodingEntities(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&"), let (decoded, end) = entity(in: bytes, at: index) else {
                result.append(byte)
                index += 1
                continue
            }
            result.append(contentsOf: decoded)
            index = end
        }
        return result
    }

    /// The decoded bytes of the entity starting at `start` (an `&`) and the index after its `;`, or `nil`.
    private static func entity(in bytes: [UInt8], at start: Int) -> ([UInt8], Int)? {
        var index = start + 1
        let limit = min(bytes.count, start + 12)
        var name: [UInt8] = []
        while index < limit, bytes[index] != UInt8(ascii: ";") {
            let byte = bytes[index]
            guard byte < 0x80, isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "#") else { return nil }
            name.append(byte | (isASCIILetter(byte) ? 0x20 : 0))
            index += 1
        }
        guard index < limit, !name.isEmpty else { return nil }
        let end = index + 1
        if name.first == UInt8(ascii: "#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == UInt8(ascii: "x") {
                value = UInt32(String(decoding: digits.dropFirst(), as: UTF8.self), radix: 16)
            } else {
                value = UInt32(String(decoding: digits, as: UTF8.self), radix: 10)
            }
            guard let value, let scalar = Unicode.Scalar(value), value >= 0x20 else { return ([space], end) }
            return (Array(String(Character(scalar)).utf8), end)
        }
        let key = String(decoding: name, as: UTF8.self)
        guard let decoded = namedEntities[key] else {
            return name.count >= 2 && name.allSatisfy(isASCIILetter) ? ([space], end) : nil
        }
        return (Array(decoded.utf8), end)
    }

    /// Replaces tags and comments by a space.
    private static func removingTags(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "<")) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<"), index + 1 < bytes.count, startsTag(bytes[index + 1]) else {
                result.append(byte)
                index += 1
                continue
            }
            let closing: [UInt8] =
                bytes[index...].starts(with: Array("<!--".utf8)) ? Array("-->".utf8) : [UInt8(ascii: ">")]
            guard let end = firstIndex(of: closing, in: bytes, from: index + 1) else {
                result.append(byte)
                index += 1
                continue
            }
            result.append(space)
            index = end + closing.count
        }
        return result
    }

    /// The longest tag or comment removed (inline styles pasted from a browser run to a few hundred bytes); a `<`
    /// with no `>` within it is text, which also keeps the pass linear.
    static let maxTagBytes = 4_096

    private static func startsTag(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!")
    }

    /// The first `needle` at or after `start`, looked for within ``maxTagBytes``.
    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        let end = min(bytes.count, start + maxTagBytes)
        var index = start
        while index + needle.count <= end {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
