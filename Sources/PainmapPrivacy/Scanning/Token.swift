import PainmapCore

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
        /// A redactor placeholder (`[ТЕЛЕФОН]`, `[ФИО]` …), one opaque token: never a word, a cue, a number or a
        /// joiner, so the text around it reads the same to every recognizer on every pass.
        case placeholder
    }

    var kind: Kind
    /// The first scalar's offset.
    var start: Int
    /// The offset after the last scalar.
    var end: Int
    /// Words: lower-cased with ё → е, one byte per letter; numbers: the digits; otherwise empty.
    var key: WordKey
    /// Symbols: the character; otherwise the first scalar.
    var scalar: Unicode.Scalar
    /// Words: the first letter is upper case.
    var isCapitalized: Bool = false
    /// Words: every letter is upper case.
    var isUpper: Bool = false
    /// Spaces: the run holds a line break.
    var hasLineBreak: Bool = false
    /// Placeholders: the type the placeholder stands for; otherwise `nil`.
    var placeholder: PersonalDataType? = nil

    var length: Int { end - start }
    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    var isSpace: Bool { kind == .space }
    var isSymbol: Bool { kind == .symbol }
    var isPlaceholder: Bool { kind == .placeholder }

    /// Whether the token is the symbol `character`.
    @inline(__always)
    func isSymbol(_ character: Unicode.Scalar) -> Bool {
        kind == .symbol && scalar == character
    }

    /// Whether the token is a word equal to `key`.
    @inline(__always)
    func isWord(_ key: WordKey) -> Bool {
        kind == .word && self.key.sameHead(key)
    }
}
