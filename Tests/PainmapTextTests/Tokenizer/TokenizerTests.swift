import Testing

@testable import PainmapText

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    @Test(arguments: [
        ("кто-то из-за северо-запад", ["кто-то", "из-за", "северо-запад"]),
        ("-кто- то- -из", ["кто", "то", "из"]),  // a hyphen joins only between two characters
        ("а--б", []),  // a double hyphen does not join; each side is one letter
        ("во-первых,вовторых", ["во-первых", "вовторых"]),
    ])
    func keepsHyphenatedWords(text: String, expected: [String]) {
        #expect(tokenizer.tokens(in: text) == expected)
    }

    @Test(arguments: [
        ("я в шоке и т.д.", ["шоке"]),
        ("123 2024-2025 12.05 мфц2 a1", ["мфц2", "a1"]),
        ("x y z ab", ["ab"]),
        ("кто-то из-за 3 дней и т.д.", ["кто-то", "из-за", "дней"]),
    ])
    func dropsShortAndDigitOnlyTokens(text: String, expected: [String]) {
        #expect(tokenizer.tokens(in: text) == expected)
    }

    @Test func keepsCombiningMarksWithTheirLetter() {
        #expect(tokenizer.tokens(in: "за\u{301}мок \u{301}\u{301} о\u{301}") == ["за\u{301}мок"])
    }

    @Test func splitsOnEmojiPunctuationAndNUL() {
        #expect(tokenizer.tokens(in: "очередь😀в\u{0}садик,детсад!!!ДОУ") == ["очередь", "садик", "детсад", "ДОУ"])
        #expect(tokenizer.tokens(in: "👨‍👩‍👧 🇷🇺 ✅ \u{0}\u{1}") == [])
    }

    @Test func readsLettersOfOtherScripts() {
        #expect(tokenizer.tokens(in: "Ελλάδα 日本語 مرحبا") == ["Ελλάδα", "日本語", "مرحبا"])
    }

    @Test(arguments: [UInt64(1), 2, 3, 42, 0xDEAD_BEEF])
    func isTotalOnRandomText(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        // Scalars from ranges that stress the byte classes: ASCII incl. controls and hyphen, Cyrillic, marks,
        // Latin-1, CJK, emoji with joiners and variation selectors, private use, the last scalar.
        let ranges: [ClosedRange<UInt32>] = [
            0x00...0x7F, 0x400...0x4FF, 0x300...0x36F, 0xA0...0xFF, 0x2010...0x2015, 0x4E00...0x4E10,
            0x1F600...0x1F64F, 0x200B...0x200D, 0xFE00...0xFE0F, 0xE000...0xE010, 0x10FFFF...0x10FFFF,
        ]
        for _ in 0..<500 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 40) {
                let range = ranges[Int(generator.next() % UInt64(ranges.count))]
                let value = range.lowerBound + UInt32(generator.next() % UInt64(range.count))
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            let text = String(scalars)
            for token in tokenizer.tokens(in: text) {
                // Bytes, not Characters: a token may end inside a grapheme cluster (a letter before a joiner).
                #expect(Self.bytes(of: text, contain: token))
                #expect(
                    token.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.count
                        >= 2
                )
                #expect(!token.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "-" })
                #expect(!token.contains(" ") && !token.hasPrefix("-") && !token.hasSuffix("-"))
            }
        }
    }

    @Test(arguments: [UInt64(7), 8, 9])
    func isTotalOnArbitraryBytes(seed: UInt64) {
        // The byte core must survive what a String can never hold: truncated, overlong and stray sequences.
        var generator = SplitMix64(seed: seed)
        let alphabet: [UInt8] = [
            0x00, 0x2D, 0x41, 0x61, 0x30, 0x20, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xCC, 0xD0, 0xD1, 0xB0, 0x91, 0xE0,
            0xE2, 0xED, 0xA0, 0xF0, 0xF4, 0xF5, 0xFF,
        ]
        for _ in 0..<2_000 {
            let bytes = (0..<Int(generator.next() % 32)).map { _ in
                alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
            bytes.withUnsafeBufferPointer { buffer in
                var previousEnd = 0
                tokenizer.forEachToken(in: buffer) { range in
                    #expect(range.lowerBound >= previousEnd && range.upperBound <= buffer.count && !range.isEmpty)
                    previousEnd = range.upperBound
                }
            }
        }
    }

    static func bytes(of text: String, contain token: String) -> Bool {
        let haystack = Array(text.utf8)
        let needle = Array(token.utf8)
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains {
            haystack[$0..<($0 + needle.count)].elementsEqual(needle)
        }
    }
}
