/// A token of a scanned text, with its position in Unicode scalars.
struct Token {
    /// What the token holds.
    enum Kind: UInt8 {
        /// Letters (Cyrillic or Latin), with inner hyphens: «пр-т», «Петрова-Водкина».
        case word
        /// A run of ASCII digits.
        case number
        /// A run of white space.
        case space
        /// One other character.
        case symbol
    }

    var kind: Kind
    /// The first scalar's offset.
    var start: Int
    /// The offset after the last scalar.
    var end: Int
    /// Words: lower-cased with ё → е; numbers: the digits; symbols: the character; spaces: empty.
    var lower: String
    /// Words: the first letter is upper case.
    var isCapitalized: Bool
    /// Words: every letter is upper case.
    var isUpper: Bool
    /// Spaces: the run holds a line break.
    var hasLineBreak: Bool

    var length: Int { end - start }
    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    var isSpace: Bool { kind == .space }
    var isSymbol: Bool { kind == .symbol }

    /// Whether the token is the symbol `character`.
    func isSymbol(_ character: Unicode.Scalar) -> Bool {
        kind == .symbol && lower.unicodeScalars.first == character
    }
}
