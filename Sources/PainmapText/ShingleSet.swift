/// The character 4-gram shingles of a text, for telling near-identical wordings apart from different ones.
///
/// The text is folded first (lowercase, ё as е, every run of characters that are not letters or digits one space), so
/// punctuation, capitals and spacing do not count; a typo changes only the few shingles around it. Two texts whose
/// ``jaccard(_:)`` is at least about 0.5 read as the same message.
///
/// ```swift
/// ShingleSet("Течёт крыша, УК молчит!").jaccard(ShingleSet("течет крыша ук молчит"))  // 1.0
/// ```
public struct ShingleSet: Sendable, Hashable {
    /// The shingle hashes, sorted and unique.
    public let hashes: [UInt64]

    /// Shingles of this many characters.
    public static let width = 4

    /// Shingles a text.
    public init(_ text: String) {
        var folded: [Character] = []
        var lastWasSpace = true
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                folded.append(character == "ё" ? "е" : character)
                lastWasSpace = false
            } else if !lastWasSpace {
                folded.append(" ")
                lastWasSpace = true
            }
        }
        if folded.last == " " { folded.removeLast() }
        var hashes = Set<UInt64>()
        if folded.count <= Self.width {
            if !folded.isEmpty { hashes.insert(Self.hash(folded[...])) }
        } else {
            for start in 0...(folded.count - Self.width) {
                hashes.insert(Self.hash(folded[start..<(start + Self.width)]))
            }
        }
        self.hashes = hashes.sorted()
    }

    /// Shared shingles over all shingles of the two texts: 1 for the same wording, 0 for nothing in common.
    public func jaccard(_ other: ShingleSet) -> Double {
        var i = 0
        var j = 0
        var shared = 0
        while i < hashes.count, j < other.hashes.count {
            if hashes[i] == other.hashes[j] {
                shared += 1
                i += 1
                j += 1
            } else if hashes[i] < other.hashes[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let union = hashes.count + other.hashes.count - shared
        return union == 0 ? 1 : Double(shared) / Double(union)
    }

    /// FNV-1a over the characters' scalars: stable across runs, unlike `Hasher`.
    private static func hash(_ characters: ArraySlice<Character>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for character in characters {
            for scalar in character.unicodeScalars {
                value = (value ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01b3
            }
        }
        return value
    }
}
