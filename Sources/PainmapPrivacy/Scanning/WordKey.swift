/// A word folded to one byte per letter and packed into integers, so lexicon lookups hash and compare a few
/// machine words instead of a Unicode `String`.
///
/// Bytes: Latin letters lower case as ASCII, Cyrillic «а»…«я» (ё folded to е) as 0xE0…0xFF (the CP1251 order),
/// the inner hyphen as «-», digits as ASCII, and any other letter as 0x01, which no lexicon entry holds. The
/// first 16 bytes are kept (`head0`, `head1`) for whole-word lookups and the last 8 (`tail`, last byte lowest)
/// for ending lookups; no lexicon word is longer than 16 letters, so a longer word simply matches none.
struct WordKey: Hashable {
    /// Bytes 0…7, byte `i` at bits `8 i`.
    var head0: UInt64 = 0
    /// Bytes 8…15.
    var head1: UInt64 = 0
    /// The last eight bytes, the last one in the lowest bits.
    var tail: UInt64 = 0
    /// The word's length in bytes (= letters and hyphens = Unicode scalars).
    var length: Int = 0

    /// The longest word the head holds.
    static let headCapacity = 16

    /// An empty key, extended with ``append(_:)``.
    init() {}

    /// The key of a lexicon entry, folded the way the scanner folds a text.
    init(_ word: String) {
        for scalar in word.unicodeScalars {
            append(scalar == "-" ? UInt8(ascii: "-") : WordKey.byte(ScannedText.folded(scalar)))
        }
    }

    /// Adds one byte at the end.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if length < 8 {
            head0 |= UInt64(byte) << UInt64(length &* 8)
        } else if length < 16 {
            head1 |= UInt64(byte) << UInt64((length &- 8) &* 8)
        }
        tail = (tail << 8) | UInt64(byte)
        length &+= 1
    }

    /// The byte of a folded letter or digit.
    @inline(__always)
    static func byte(_ folded: Unicode.Scalar) -> UInt8 {
        let value = folded.value
        if value < 128 { return UInt8(truncatingIfNeeded: value) }
        if value >= 0x430, value <= 0x44F { return UInt8(truncatingIfNeeded: value &- 0x430 &+ 0xE0) }
        return 0x01
    }

    /// Whether the word fits the head, so that it can equal a lexicon entry.
    var isLexical: Bool { length <= WordKey.headCapacity }

    /// The byte at `index` (0…15; 0 past the head).
    func byte(at index: Int) -> UInt8 {
        if index < 8 { return UInt8(truncatingIfNeeded: head0 >> UInt64(index &* 8)) }
        if index < 16 { return UInt8(truncatingIfNeeded: head1 >> UInt64((index &- 8) &* 8)) }
        return 0
    }

    /// The key of the first `count` bytes (at most 16).
    func prefix(_ count: Int) -> WordKey {
        var key = WordKey()
        for index in 0..<min(count, length, WordKey.headCapacity) { key.append(byte(at: index)) }
        return key
    }

    /// The last byte (0 for an empty key).
    var last: UInt8 { UInt8(truncatingIfNeeded: tail) }

    /// The key of the last `count` bytes (1…8), comparable with ``init(_:)`` of an ending via ``ending``.
    @inline(__always)
    func suffix(_ count: Int) -> WordKey {
        var key = WordKey()
        key.head0 = count >= 8 ? tail : tail & ((1 << UInt64(count &* 8)) &- 1)
        key.length = count
        return key
    }

    /// This key (of at most 8 bytes) in the form ``suffix(_:)`` produces, for a table of endings.
    var ending: WordKey { suffix(length) }

    /// Whether the word ends with `ending` (a key built with ``init(_:)``, at most 8 bytes).
    @inline(__always)
    func hasSuffix(_ ending: WordKey) -> Bool {
        length >= ending.length && suffix(ending.length).head0 == ending.ending.head0
    }

    /// A cheap, well-mixed hash for the open-addressing tables.
    @inline(__always)
    var mixed: UInt64 {
        var hash = head0 &* 0x9E37_79B9_7F4A_7C15
        hash ^= (head1 &+ UInt64(length)) &* 0xC2B2_AE3D_27D4_EB4F
        hash ^= hash >> 29
        return hash &* 0x1656_67B1_9E37_79F9
    }

    /// Equality of the packed head, which decides lexicon membership.
    @inline(__always)
    func sameHead(_ other: WordKey) -> Bool {
        head0 == other.head0 && head1 == other.head1 && length == other.length
    }
}
