import Foundation
import Testing

@testable import PainmapPrivacy

/// The gate splits rendered text scalar by scalar where every scalar is a character of its own, and by characters
/// otherwise; both must give the same segments.
@Suite struct LeakScannerSegmentsTests {
    /// Texts where characters and scalars differ, or nearly do.
    static let hostile = [
        "Иванов|Иван;Петрович\t«цитата»\"кавычки\"",
        "строка\r\nследующая\rодна\nдругая\r\n\r\n",
        "знак|\u{0301}после черты; «\u{0301}ударение»",
        "кириллица\u{0483}титло;дальше",
        "мягкий\u{00AD}перенос|неразрывный\u{202F}пробел|\u{00A0}",
        "эмодзи 👍🏽|семья 👨‍👩‍👧;флаг 🇷🇺|конец",
        "한국어|텍스트;\u{200D}|\u{2028}строка",
        "   |\t\t|\r\n|  \u{00A0}  ;x",
        "",
        "|||;;;",
        "8 (913) 555-12-34 | СНИЛС 112-233-445 95 ; № 5 — ₽ → ▲",
        "\u{FEFF}p\u{0302} = Δ₀ | x\u{0302}\u{0301}; \u{0302}после пробела|\u{FEFF}\u{0302}",
        "строка\nэмодзи 👍🏽|дальше\nпосле; «кавычки»\r\n\u{0301}знак\tтаб 👨‍👩‍👧\rконец|\n\u{0302}",
        "\n\n👍\n\n|👍;\t\u{200D}\t\r\n\u{0301}\r\u{0301}|x",
        "\u{0301}начало|😀|日本語;\u{10FFFF}\u{E000}|ё\u{0301}|9\u{0301}\r\n",
    ]

    @Test func scalarsSplitAsCharactersDo() throws {
        var texts = Self.hostile
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("PainmapReportsTests/Golden")
        for name in ["index.html", "kindergarten.md", "kindergarten.csv", "kindergarten.json", "overview.html"] {
            texts.append(try String(contentsOf: golden.appendingPathComponent(name), encoding: .utf8))
        }
        for text in texts {
            #expect(LeakScanner.segments(text) == LeakScanner.characterSegments(text), "\(text.prefix(40))")
        }
    }

    /// The 1,500 and 2,750 messages of the two independent corpora (written without reading the scanner): one at a
    /// time and joined into one page, as the gate sees them.
    @Test func independentCorporaSplitAsCharactersDo() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures")
        var texts: [String] = []
        for name in ["pii-independent/corpus.jsonl", "classify-independent/messages.jsonl"] {
            let lines = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n")
            for line in lines {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                texts.append(try #require(object?["text"] as? String))
            }
        }
        #expect(texts.count >= 3_000)
        for text in texts {
            #expect(LeakScanner.segments(text) == LeakScanner.characterSegments(text), "\(text.prefix(40))")
        }
        let page = texts.joined(separator: " | ")
        #expect(LeakScanner.segments(page) == LeakScanner.characterSegments(page))
    }

    @Test func plainRussianTextTakesTheScalarPath() {
        #expect(LeakScanner.simpleSegments("Детский сад | очередь; «запись» 8 (913) 555-12-34 — № 5\r\n") != nil)
        #expect(LeakScanner.simpleSegments("знак|\u{0301}после") == nil)
        #expect(LeakScanner.simpleSegments("семья 👨‍👩‍👧") == nil)
        #expect(LeakScanner.simpleSegments("\u{FEFF}доля p\u{0302} | ΔN₀") != nil)
        #expect(LeakScanner.simpleSegments("пробел \u{0302}знак") == nil)
        #expect(LeakScanner.segments("a\r\nb|c\rd") == ["a\r\nb", "c", "d"])
    }

    /// A line break or tab stands alone, so a scalar that may join its neighbours sends only its own line to the
    /// character split: a page with one emoji is not split by characters as a whole.
    @Test func onlyTheLineWithAJoiningScalarIsSplitByCharacters() {
        var split: [Substring] = []
        let text = "Детский сад | очередь\nсемья 👨‍👩‍👧|мест нет\n«запись» 8 (913) 555-12-34\tзнак|\u{0301}после\r\nещё"
        let segments = LeakScanner.scalarSegments(text) { split.append($0) }
        #expect(segments == LeakScanner.characterSegments(text))
        #expect(split == ["семья 👨‍👩‍👧|мест нет", "знак|\u{0301}после\r\nещё"])
    }
}
