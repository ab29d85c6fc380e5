/// Reduces a lower-case Russian word to its stem with the Snowball Russian algorithm.
///
/// A hand-written port of the official Snowball stemmer (snowballstem.org/algorithms/russian, `russian.sbl`):
/// it folds `ё` to `е`, marks the RV and R2 regions, then removes in turn a perfective gerund, or a reflexive
/// ending followed by an adjectival, verb or noun ending; then a final `и`, a derivational `ост(ь)` in R2, a
/// superlative `ейш(е)`, a doubled `н` and a soft sign. It reproduces all 49,785 pairs of the Snowball
/// test vocabulary.
///
/// Every step of the algorithm only ever removes letters from the end of the word, so the stem is always a prefix
/// of the input (with `ё` read as `е`). The stemmer works on UTF-8 bytes: each lower-case Cyrillic letter becomes a
/// small letter code and every other byte becomes a code of its own that is neither a vowel nor part of any
/// ending, which is exactly how Snowball treats characters outside its alphabet. Upper-case letters are not
/// folded here; ``TextNormalizer`` does that before.
///
/// ```swift
/// let stemmer = RussianStemmer()
/// stemmer.stem("записаться")  // "записа"
/// stemmer.stem("берёзы")      // "берез"
/// ```
public struct RussianStemmer: Sendable {
    /// The suffix tables, built once per process and shared by every instance.
    private let rules: Rules

    /// Creates a stemmer; instances are cheap and share their suffix tables.
    public init() {
        rules = Rules.shared
    }

    /// Returns the Snowball Russian stem of a lower-case word.
    ///
    /// - Parameter word: One word, already lower-cased. Characters other than lower-case Cyrillic letters are kept
    ///   and never start or end a removable ending, as in Snowball.
    /// - Returns: The stem: a prefix of `word`, with every `ё` replaced by `е`. An empty word gives an empty stem.
    public func stem(_ word: String) -> String {
        var word = word
        let prefix = word.withUTF8 { stemmedPrefix(of: $0) }
        if !prefix.containsYo && prefix.byteCount == word.utf8.count {
            return word  // nothing removed, nothing folded: no allocation
        }
        return word.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: prefix.byteCount) { buffer in
                Self.copyFoldingYo(from: bytes, count: prefix.byteCount, into: buffer)
            }
        }
    }

    /// Returns how many leading bytes of a UTF-8 encoded lower-case word form its stem.
    ///
    /// This is the allocation-free path for callers that already hold the word's bytes: the stem is
    /// `word[..<stemPrefixLength(utf8: word)]`, except that the stemmer reads `ё` (bytes `D1 91`) as `е`
    /// (bytes `D0 B5`), so a caller that did not fold `ё` before must do it in the prefix too. Invalid UTF-8 never
    /// traps: stray bytes count as letters outside the alphabet.
    /// - Parameter word: The word's UTF-8 bytes.
    /// - Returns: The byte count of the stem, between 0 and `word.count`, always on a character boundary.
    public func stemPrefixLength(utf8 word: UnsafeBufferPointer<UInt8>) -> Int {
        stemmedPrefix(of: word).byteCount
    }

    /// Finds the stem of a UTF-8 word as a byte prefix, and whether that prefix holds a `ё` to fold.
    func stemmedPrefix(of bytes: UnsafeBufferPointer<UInt8>) -> (byteCount: Int, containsYo: Bool) {
        if bytes.isEmpty {
            return (0, false)
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { codes in
            // One code per Cyrillic letter (two bytes) or per other byte; codes never outnumber bytes.
            var count = 0
            var firstYo = Int.max
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead & 0xFE == 0xD0, index + 1 < bytes.count {
                    let code = Self.letterCode(lead: lead, trail: bytes[index + 1])
                    if code != 0 {
                        if lead == 0xD1 && bytes[index + 1] == 0x91 && firstYo == Int.max {
                            firstYo = count
                        }
                        codes[count] = code
                        count += 1
                        index += 2
                        continue
                    }
                }
                codes[count] = Letter.other
                count += 1
                index += 1
            }
            let end = stemEnd(UnsafeBufferPointer(rebasing: codes[..<count]))
            var byteCount = 0
            for position in 0..<end {
                byteCount += codes[position] == Letter.other ? 1 : 2
            }
            return (byteCount, firstYo < end)
        }
    }

    /// Runs the Snowball steps over letter codes and returns how many codes the stem keeps.
    private func stemEnd(_ codes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = codes.count
        // mark_regions: RV starts after the first vowel; R2 is R1 of R1 (after vowel, non-vowel, twice).
        var rv = count
        var r2 = count
        var cursor = 0
        while cursor < count && !Letter.isVowel(codes[cursor]) { cursor += 1 }
        if cursor < count {
            rv = cursor + 1
            cursor += 1
            while cursor < count && Letter.isVowel(codes[cursor]) { cursor += 1 }
            if cursor < count {
                cursor += 1
                while cursor < count && !Letter.isVowel(codes[cursor]) { cursor += 1 }
                if cursor < count {
                    cursor += 1
                    while cursor < count && Letter.isVowel(codes[cursor]) { cursor += 1 }
                    if cursor < count { r2 = cursor + 1 }
                }
            }
        }
        if rv >= count {
            return count  // no ending fits inside RV; the step sequence could only fail
        }
        var end = count

        // Step 1. Snowball's `among` takes the longest ending only; when that ending's condition fails, the whole
        // routine fails and no shorter ending is tried, hence `match` returns the longest and nothing else.
        if let gerund = rules.perfectiveGerund.longestMatch(in: codes, end: end, limit: rv),
            Self.conditionHolds(gerund, codes: codes, end: end, limit: rv)
        {
            end -= gerund.length
        } else {
            // `try reflexive` keeps its deletion even when no later ending matches: Snowball never rolls back.
            if let reflexive = rules.reflexive.longestMatch(in: codes, end: end, limit: rv) {
                end -= reflexive.length
            }
            if let adjective = rules.adjective.longestMatch(in: codes, end: end, limit: rv) {
                end -= adjective.length
                if let participle = rules.participle.longestMatch(in: codes, end: end, limit: rv),
                    Self.conditionHolds(participle, codes: codes, end: end, limit: rv)
                {
                    end -= participle.length
                }
            } else if let verb = rules.verb.longestMatch(in: codes, end: end, limit: rv),
                Self.conditionHolds(verb, codes: codes, end: end, limit: rv)
            {
                end -= verb.length
            } else if let noun = rules.noun.longestMatch(in: codes, end: end, limit: rv) {
                end -= noun.length
            }
        }

        // Step 2. A final и.
        if end > rv && codes[end - 1] == Letter.i {
            end -= 1
        }

        // Step 3. Derivational ост/ость, only when it starts inside R2.
        if let derivational = rules.derivational.longestMatch(in: codes, end: end, limit: rv),
            end - derivational.length >= r2
        {
            end -= derivational.length
        }

        // Step 4. Superlative ейш(е), then нн → н; or нн → н alone; or a final soft sign.
        if let tidy = rules.tidyUp.longestMatch(in: codes, end: end, limit: rv) {
            switch codes[end - 1] {
            case Letter.n:
                if end - 2 >= rv && codes[end - 2] == Letter.n { end -= 1 }
            case Letter.softSign:
                end -= 1
            default:
                end -= tidy.length
                if end - 2 >= rv && codes[end - 1] == Letter.n && codes[end - 2] == Letter.n { end -= 1 }
            }
        }
        return end
    }

    /// Checks the «preceded by а or я inside RV» condition of the endings that carry it.
    @inline(__always)
    private static func conditionHolds(
        _ ending: SuffixSet.Ending,
        codes: UnsafeBufferPointer<UInt8>,
        end: Int,
        limit: Int
    ) -> Bool {
        guard ending.needsAOrYa else { return true }
        let before = end - ending.length - 1
        return before >= limit && (codes[before] == Letter.a || codes[before] == Letter.ya)
    }

    /// Maps a two-byte UTF-8 sequence to a lower-case Cyrillic letter code, `ё` to the code of `е`, else 0.
    @inline(__always)
    static func letterCode(lead: UInt8, trail: UInt8) -> UInt8 {
        if lead == 0xD0 {
            return trail >= 0xB0 && trail <= 0xBF ? trail - 0xB0 + 1 : 0  // а…п
        }
        if trail >= 0x80 && trail <= 0x8F {
            return trail - 0x80 + 17  // р…я
        }
        return trail == 0x91 ? Letter.e : 0  // ё reads as е, as the first line of russian.sbl does
    }

    /// Copies a stem prefix into a new string's storage, writing `е` for every `ё`.
    private static func copyFoldingYo(
        from bytes: UnsafeBufferPointer<UInt8>,
        count: Int,
        into buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var index = 0
        while index < count {
            if bytes[index] == 0xD1 && index + 1 < count && bytes[index + 1] == 0x91 {
                buffer[index] = 0xD0
                buffer[index + 1] = 0xB5
                index += 2
            } else {
                buffer[index] = bytes[index]
                index += 1
            }
        }
        return count
    }
}

/// Letter codes: а = 1 … я = 32 in alphabet order without ё; 0 for anything else.
private enum Letter {
    static let other: UInt8 = 0
    static let a: UInt8 = 1
    static let e: UInt8 = 6
    static let i: UInt8 = 9
    static let n: UInt8 = 14
    static let softSign: UInt8 = 29
    static let ya: UInt8 = 32

    /// а е и о у ы э ю я (codes 1, 6, 9, 15, 20, 28, 30, 31, 32) as bits of a mask indexed by code.
    ///
    /// A literal, so the compiler folds it into the loop instead of guarding a lazily built global.
    private static let vowelMask: UInt64 = 0x1_D010_8242

    @inline(__always)
    static func isVowel(_ code: UInt8) -> Bool {
        (vowelMask >> UInt64(code & 63)) & 1 == 1
    }

    /// Codes of a word written in lower-case Cyrillic, for building the tables.
    static func codes(of word: String) -> [UInt8] {
        let bytes = Array(word.utf8)
        var codes: [UInt8] = []
        var index = 0
        while index + 1 < bytes.count {
            codes.append(RussianStemmer.letterCode(lead: bytes[index], trail: bytes[index + 1]))
            index += 2
        }
        return codes
    }
}

/// The endings of one Snowball `among`, searched longest first from the end of the word.
private struct SuffixSet: Sendable {
    /// One ending: its letter codes packed last letter first, one byte each.
    struct Ending: Sendable {
        let packed: UInt64
        let mask: UInt64
        let length: Int
        /// Whether the ending counts only after а or я (the first group of several Snowball lists).
        let needsAOrYa: Bool
    }

    /// Endings grouped by their last letter code, each group longest first.
    private let byLastLetter: [[Ending]]
    private static let longest = 6

    init(afterAOrYa: [String] = [], plain: [String]) {
        var groups = [[Ending]](repeating: [], count: 33)
        for (words, needsAOrYa) in [(afterAOrYa, true), (plain, false)] {
            for word in words {
                let codes = Letter.codes(of: word)
                var packed: UInt64 = 0
                for (offset, code) in codes.reversed().enumerated() {
                    packed |= UInt64(code) << UInt64(8 * offset)
                }
                let mask: UInt64 = (1 << UInt64(8 * codes.count)) - 1
                let ending = Ending(packed: packed, mask: mask, length: codes.count, needsAOrYa: needsAOrYa)
                if let last = codes.last {
                    groups[Int(last)].append(ending)
                }
            }
        }
        byLastLetter = groups.map { $0.sorted { $0.length > $1.length } }
    }

    /// Returns the longest ending that ends at `end` and starts at or after `limit`.
    @inline(__always)
    func longestMatch(in codes: UnsafeBufferPointer<UInt8>, end: Int, limit: Int) -> Ending? {
        guard end > limit else { return nil }
        let available = end - limit
        var tail: UInt64 = 0
        var position = end - 1
        var shift: UInt64 = 0
        let stop = max(limit, end - Self.longest)
        while position >= stop {
            tail |= UInt64(codes[position]) << shift
            shift += 8
            position -= 1
        }
        for ending in byLastLetter[Int(codes[end - 1])]
        where ending.length <= available && tail & ending.mask == ending.packed {
            return ending
        }
        return nil
    }
}

/// The Snowball Russian endings, list by list, as in `russian.sbl`.
///
/// A class, so that copying a stemmer (or an analyzer holding one) retains one object instead of nine arrays.
private final class Rules: Sendable {
    let perfectiveGerund = SuffixSet(
        afterAOrYa: ["в", "вши", "вшись"],
        plain: ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"]
    )
    let adjective = SuffixSet(plain: [
        "ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым",
        "ом", "его", "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею",
    ])
    let participle = SuffixSet(afterAOrYa: ["ем", "нн", "вш", "ющ", "щ"], plain: ["ивш", "ывш", "ующ"])
    let reflexive = SuffixSet(plain: ["ся", "сь"])
    let verb = SuffixSet(
        afterAOrYa: [
            "ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно",
        ],
        plain: [
            "ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым", "ен",
            "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю",
        ]
    )
    let noun = SuffixSet(plain: [
        "а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой", "ий", "й",
        "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю", "ия", "ья",
        "я",
    ])
    let derivational = SuffixSet(plain: ["ост", "ость"])
    let tidyUp = SuffixSet(plain: ["ейш", "ейше", "н", "ь"])

    static let shared = Rules()
}
