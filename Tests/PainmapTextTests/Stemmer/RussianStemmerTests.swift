import Foundation
import PainmapTestSupport
import PainmapText
import Testing

@Suite struct RussianStemmerTests {
    /// `<package root>/../shared/testdata/snowball-russian/`.
    static let snowballDirectory = RepositoryRoot.shared.appendingPathComponent(
        "testdata/snowball-russian",
        isDirectory: true
    )
    .standardizedFileURL

    /// The lines of one data file, without the empty string after the final newline.
    static func lines(of name: String) throws -> [String] {
        let text = try String(contentsOf: snowballDirectory.appendingPathComponent(name), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    let stemmer = RussianStemmer()

    @Test func reproducesEverySnowballVocabularyPair() throws {
        let words = try Self.lines(of: "voc.txt")
        let expected = try Self.lines(of: "output.txt")
        try #require(words.count == 49_785)
        try #require(expected.count == words.count)
        var mismatches: [(word: String, expected: String, got: String)] = []
        for (word, stem) in zip(words, expected) {
            let got = stemmer.stem(word)
            if got != stem { mismatches.append((word, stem, got)) }
        }
        let firstTwenty = mismatches.prefix(20).map { "\($0.word) → \($0.expected), got \($0.got)" }
        #expect(
            mismatches.count == 0,
            "\(mismatches.count) of \(words.count) mismatches; first 20: \(firstTwenty.joined(separator: "; "))"
        )
    }

    @Test func bytePrefixMatchesEverySnowballStem() throws {
        let words = try Self.lines(of: "voc.txt")
        let expected = try Self.lines(of: "output.txt")
        try #require(expected.count == words.count)
        var wrong: [String] = []
        for (word, stem) in zip(words, expected) {
            // ё and е have the same UTF-8 length, so the byte count holds for words with ё too.
            let length = Array(word.utf8).withUnsafeBufferPointer { stemmer.stemPrefixLength(utf8: $0) }
            if length != stem.utf8.count { wrong.append(word) }
        }
        #expect(wrong.count == 0, "wrong prefix lengths, first 20: \(wrong.prefix(20).joined(separator: ", "))")
    }

    @Test(arguments: [
        ("записаться", "записа"),
        ("берёзы", "берез"),  // ё folds to е, as Snowball ≥ 2.0 does
        ("актёр", "актер"),
        ("красивейшими", "красив"),  // adjective, then superlative
        ("бегавшая", "бега"),  // adjective, then participle after а
        ("длинный", "длин"),  // adjective, then нн undoubled
        ("радостью", "радост"),  // ость outside R2 stays
        ("пенсионного", "пенсион"),
        ("врачу", "врач"),
        ("а", "а"),
        ("", ""),
    ])
    func stemsKnownWords(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test(arguments: ["iphone", "МОЛОКО", "123", "covid-19", "😀😀", "e\u{301}"])
    func leavesWordsOutsideTheAlphabetAlone(word: String) {
        // Snowball does not fold case and has no endings outside lower-case Cyrillic.
        #expect(stemmer.stem(word) == word)
    }

    @Test func keepsNonCyrillicCharactersInsideAStem() {
        #expect(stemmer.stem("covid-вакцинами") == "covid-вакцин")
        #expect(stemmer.stem("мо\u{301}локо") == "мо\u{301}лок")
    }

    @Test func neverTrapsOnArbitraryBytes() {
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 24)
            // Bytes around the Cyrillic leads and continuation bytes, to hit truncated and ill-formed sequences.
            let alphabet: [UInt8] = [0xD0, 0xD1, 0xB0, 0xB5, 0x80, 0x8F, 0x91, 0xBF, 0xFF, 0x00, 0x41, 0xC3, 0xE2]
            let bytes = (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let length = bytes.withUnsafeBufferPointer { stemmer.stemPrefixLength(utf8: $0) }
            #expect((0...bytes.count).contains(length))
        }
    }
}

/// A small seeded generator, so a failing case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
