import PainmapCore

/// A text split once into tokens that every recognizer reads.
///
/// Offsets are in Unicode scalars of the original text; the scan is one pass, and a word or number carries its
/// folded form as a ``WordKey`` (integers, no string per token). A redactor placeholder (`[ТЕЛЕФОН]`) is one
/// ``Token/Kind/placeholder`` token, so the words inside it are never read as cues or names.
struct ScannedText {
    let scalars: [Unicode.Scalar]
    private(set) var tokens: [Token] = []
    /// Whether any token is a placeholder.
    private(set) var hasPlaceholders = false

    /// Scans `text`.
    init(_ text: String) {
        self.init(scalars: ScannedText.scalars(of: text))
    }

    /// The scalars of `text`, decoded from its UTF-8 in one loop (a Swift string's UTF-8 is always valid).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        let decoded = text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar] in
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(bytes.count)
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = UInt32(bytes[index])
                var value: UInt32
                if lead < 0x80 {
                    value = lead
                    index &+= 1
                } else if lead < 0xE0, index &+ 1 < count {
                    value = (lead & 0x1F) << 6 | UInt32(bytes[index &+ 1] & 0x3F)
                    index &+= 2
                } else if lead < 0xF0, index &+ 2 < count {
                    value =
                        (lead & 0x0F) << 12 | UInt32(bytes[index &+ 1] & 0x3F) << 6 | UInt32(bytes[index &+ 2] & 0x3F)
                    index &+= 3
                } else if index &+ 3 < count {
                    value = (lead & 0x07) << 18 | UInt32(bytes[index &+ 1] & 0x3F) << 12
                    value |= UInt32(bytes[index &+ 2] & 0x3F) << 6 | UInt32(bytes[index &+ 3] & 0x3F)
                    index &+= 4
                } else {
                    value = 0xFFFD
                    index = count
                }
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
            return scalars
        }
        return decoded ?? Array(text.unicodeScalars)
    }

    /// Scans a text given as its scalars (a redacted text between passes).
    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        tokens.reserveCapacity(scalars.count / 3 + 4)
        var index = 0
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            let start = index
            if scalar == "[", let (type, length) = ScannedText.placeholder(at: index, in: scalars) {
                index += length
                hasPlaceholders = true
                tokens.append(
                    Token(
                        kind: .placeholder,
                        start: start,
                        end: index,
                        key: WordKey(),
                        scalar: scalar,
                        placeholder: type
                    )
                )
            } else if ScannedText.isDigit(scalar) {
                var key = WordKey()
                while index < count, ScannedText.isDigit(scalars[index]) {
                    key.append(UInt8(truncatingIfNeeded: scalars[index].value))
                    index += 1
                }
                tokens.append(
                    Token(
                        kind: .number,
                        start: start,
                        end: index,
                        key: key,
                        scalar: scalar
                    )
                )
            } else if ScannedText.isLetter(scalar) {
                var key = WordKey()
                var upperCount = 0
                var letterCount = 0
                while index < count {
                    let current = scalars[index]
                    if ScannedText.isLetter(current) {
                        letterCount += 1
                        if ScannedText.isUpper(current) { upperCount += 1 }
                        key.append(WordKey.byte(ScannedText.folded(current)))
                        index += 1
                    } else if current == "-" || current == "\u{2010}", index + 1 < count,
                        ScannedText.isLetter(scalars[index + 1])
                    {
                        key.append(UInt8(ascii: "-"))
                        index += 1
                    } else {
                        break
                    }
                }
                tokens.append(
                    Token(
                        kind: .word,
                        start: start,
                        end: index,
                        key: key,
                        scalar: scalar,
                        isCapitalized: ScannedText.isUpper(scalar),
                        isUpper: upperCount == letterCount,
                        hasLineBreak: false
                    )
                )
            } else if ScannedText.isSpace(scalar) {
                var lineBreak = false
                while index < count, ScannedText.isSpace(scalars[index]) {
                    if scalars[index] == "\n" || scalars[index] == "\r" { lineBreak = true }
                    index += 1
                }
                tokens.append(
                    Token(
                        kind: .space,
                        start: start,
                        end: index,
                        key: WordKey(),
                        scalar: scalar,
                        isCapitalized: false,
                        isUpper: false,
                        hasLineBreak: lineBreak
                    )
                )
            } else {
                index += 1
                tokens.append(
                    Token(
                        kind: .symbol,
                        start: start,
                        end: index,
                        key: WordKey(),
                        scalar: scalar
                    )
                )
            }
        }
    }

    // MARK: Placeholders

    /// The placeholders' scalars, by type.
    private static let placeholders: [(PersonalDataType, [Unicode.Scalar])] = PersonalDataType.allCases.map { type in
        (type, Array(type.placeholder.unicodeScalars))
    }

    /// The placeholder starting at `index` (a «[»), with its length in scalars, if one does.
    static func placeholder(at index: Int, in scalars: [Unicode.Scalar]) -> (PersonalDataType, Int)? {
        guard index + 1 < scalars.count else { return nil }
        for (type, placeholder) in placeholders
        where placeholder[1] == scalars[index + 1] && index + placeholder.count <= scalars.count {
            if scalars[index..<(index + placeholder.count)].elementsEqual(placeholder) {
                return (type, placeholder.count)
            }
        }
        return nil
    }

    // MARK: Navigation

    /// The index of the next token after `index` that is not white space, or `nil`.
    func next(after index: Int) -> Int? {
        var cursor = index + 1
        while cursor < tokens.count {
            if !tokens[cursor].isSpace { return cursor }
            cursor += 1
        }
        return nil
    }

    /// The index of the previous token before `index` that is not white space, or `nil`.
    func previous(before index: Int) -> Int? {
        var cursor = index - 1
        while cursor >= 0 {
            if !tokens[cursor].isSpace { return cursor }
            cursor -= 1
        }
        return nil
    }

    /// The token at `index` if it exists and is a word.
    func word(_ index: Int?) -> Token? {
        guard let index, index >= 0, index < tokens.count, tokens[index].isWord else { return nil }
        return tokens[index]
    }

    /// Whether `index` is a symbol token `character`.
    func isSymbol(_ index: Int?, _ character: Unicode.Scalar) -> Bool {
        guard let index, index >= 0, index < tokens.count else { return false }
        return tokens[index].isSymbol(character)
    }

    /// Whether a line break separates tokens `a` and `b` (a < b).
    func lineBreak(between a: Int, _ b: Int) -> Bool {
        guard a + 1 < b else { return false }
        for index in (a + 1)..<b where tokens[index].hasLineBreak { return true }
        return false
    }

    /// Whether token `index` ends a sentence: «!», «?», or a dot after a word of four or more letters, a number or a
    /// placeholder, which stands for one («тел.», «ул.», «г.» are abbreviations, not sentence ends).
    func endsSentence(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.isSymbol else { return token.hasLineBreak }
        if token.isSymbol("!") || token.isSymbol("?") { return true }
        guard token.isSymbol("."), index > 0 else { return false }
        let before = tokens[index - 1]
        return (before.isWord && before.length >= 4) || before.isNumber || before.isPlaceholder
    }

    // MARK: Characters

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value &- 48 < 10 }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return (value | 0x20) &- 97 < 26 }
        if value >= 0x410, value <= 0x44F { return true }
        if value == 0x401 || value == 0x451 { return true }
        if value < 0xC0 { return false }
        return scalar.properties.isAlphabetic
    }

    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return value &- 65 < 26 }
        if value >= 0x410, value <= 0x42F { return true }
        if value == 0x401 { return true }
        if value < 0xC0 || (value >= 0x430 && value <= 0x45F) { return false }
        return scalar.properties.isUppercase
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2007, 0x202F, 0x2009: true
        default: false
        }
    }

    /// Lower case with ё → е, for Cyrillic and Latin; other letters through the Unicode tables.
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value &- 65 < 26 { return Unicode.Scalar(value + 32) ?? scalar }
        if value < 128 { return scalar }
        if value >= 0x410, value <= 0x42F { return Unicode.Scalar(value + 32) ?? scalar }
        if value == 0x401 || value == 0x451 { return "е" }
        if value >= 0x430, value <= 0x44F { return scalar }
        return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }
}
