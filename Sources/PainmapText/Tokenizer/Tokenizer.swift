/// Splits normalized text into word tokens.
///
/// A token is a run of letters and digits of any script; a single ASCII hyphen between two such characters stays
/// inside the token, so «кто-то», «из-за» and «северо-запад» are one token each. Combining marks stay with the
/// letter they follow. Tokens of fewer than two letters or digits and tokens made of digits (and hyphens) only
/// are dropped. The tokenizer reads UTF-8 bytes and is total: any string, including control characters, emoji,
/// stray combining marks and NUL, gives a (possibly empty) token list and never traps.
///
/// It does not change case; run ``TextNormalizer`` first, as ``TextAnalyzer`` does.
///
/// ```swift
/// Tokenizer().tokens(in: "кто-то из-за 3 дней и т.д.")  // ["кто-то", "из-за", "дней"]
/// ```
public struct Tokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// Returns the tokens of a text in order of appearance.
    ///
    /// - Parameter text: Text, normally the output of ``TextNormalizer/normalize(_:)``.
    /// - Returns: The kept tokens, each a substring of `text` turned into a `String`.
    public func tokens(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var tokens: [String] = []
            forEachToken(in: bytes) { range in
                // Ranges start and end on scalar boundaries of valid UTF-8, so validation cannot fail.
                if let token = String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) {
                    tokens.append(token)
                }
            }
            return tokens
        }
    }

    /// Calls `body` with the byte range of every kept token, in order.
    ///
    /// The allocation-free core of ``tokens(in:)``, used by ``TextAnalyzer``.
    func forEachToken(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var index = 0
        var start = -1  // start of the token being read, or -1 between tokens
        var end = 0  // end of the last letter, digit or mark of that token
        var characters = 0  // letters and digits in it
        var onlyDigits = true

        func finish() {
            if start >= 0 && characters >= 2 && !onlyDigits {
                body(start..<end)
            }
            start = -1
        }

        while index < bytes.count {
            let (kind, length) = WordCharacter.classify(bytes, at: index)
            switch kind {
            case .letter, .digit:
                if start < 0 {
                    start = index
                    characters = 0
                    onlyDigits = true
                }
                characters += 1
                onlyDigits = onlyDigits && kind == .digit
                end = index + length
            case .mark:
                // A mark continues a token; on its own it starts nothing.
                if start >= 0 && end == index { end = index + length }
            case .hyphen:
                // Keep the token open only if the hyphen directly follows a character and precedes another.
                let next = index + 1
                let joins =
                    start >= 0 && end == index && next < bytes.count
                    && Self.isLetterOrDigit(WordCharacter.classify(bytes, at: next).0)
                if !joins { finish() }
            case .other:
                finish()
            }
            index += length
        }
        finish()
    }

    private static func isLetterOrDigit(_ kind: WordCharacter) -> Bool {
        kind == .letter || kind == .digit
    }
}

/// The role one Unicode scalar plays in a word, read straight from UTF-8 bytes.
///
/// ASCII and Cyrillic are answered from the bytes alone; only other scripts decode the scalar and ask its Unicode
/// properties, so the common case stays a few comparisons.
private enum WordCharacter: Equatable {
    /// A lower- or upper-case letter of any script.
    case letter
    /// A decimal digit of any script.
    case digit
    /// A combining mark, which belongs to the letter before it (a stress mark over a vowel).
    case mark
    /// The ASCII hyphen-minus, which joins two parts of a word such as «кто-то».
    case hyphen
    /// Anything else: spaces, punctuation, symbols, emoji, control characters, invalid bytes.
    case other

    /// Classifies the scalar starting at `index` and returns how many bytes it spans.
    ///
    /// Invalid UTF-8 never traps: a byte that does not start a well-formed sequence is one `other` byte.
    /// - Parameters:
    ///   - bytes: UTF-8 text.
    ///   - index: A position inside `bytes`.
    /// - Returns: The class and the byte length (1 to 4) of the scalar at `index`.
    @inline(__always)
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (WordCharacter, Int) {
        let lead = bytes[index]
        if lead < 0x80 {
            return (asciiClass(lead), 1)
        }
        if lead & 0xFE == 0xD0, index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 {
            // U+0400…U+047F: letters, except ҂ and the combining titlo marks of U+0482…U+0489 (in D2).
            return (.letter, 2)
        }
        let (scalar, length) = decode(bytes, at: index)
        guard let scalar else { return (.other, 1) }
        let properties = scalar.properties
        if properties.isAlphabetic {
            return (properties.generalCategory.isMark ? .mark : .letter, length)
        }
        if properties.numericType == .decimal {
            return (.digit, length)
        }
        return (properties.generalCategory.isMark ? .mark : .other, length)
    }

    /// Classifies an ASCII byte.
    @inline(__always)
    static func asciiClass(_ byte: UInt8) -> WordCharacter {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): .digit
        case UInt8(ascii: "-"): .hyphen
        default: .other
        }
    }

    /// Decodes one well-formed UTF-8 sequence, or returns `nil` with length 1 for an ill-formed one.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF:
            length = 2
            value = UInt32(lead & 0x1F)
        case 0xE0...0xEF:
            length = 3
            value = UInt32(lead & 0x0F)
        case 0xF0...0xF4:
            length = 4
            value = UInt32(lead & 0x07)
        default:
            return (nil, 1)
        }
        guard index + length <= bytes.count else { return (nil, 1) }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        // Overlong forms and surrogates are rejected here; Unicode.Scalar rejects the rest.
        let smallest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= smallest, let scalar = Unicode.Scalar(value) else { return (nil, 1) }
        return (scalar, length)
    }
}

extension Unicode.GeneralCategory {
    /// Whether the category is one of the three mark categories (Mn, Mc, Me).
    fileprivate var isMark: Bool {
        switch self {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
