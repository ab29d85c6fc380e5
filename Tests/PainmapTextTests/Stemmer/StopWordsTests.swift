import Foundation
import PainmapText
import Testing

@Suite struct StopWordsTests {
    @Test func snowballListMatchesTheOfficialFile() throws {
        // stop.txt: `|` starts a comment; the word is the first token of a line.
        let url = RussianStemmerTests.snowballDirectory.appendingPathComponent("stop.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var words = Set<String>()
        for line in text.split(separator: "\n") {
            let content = line.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            if let word = content.split(whereSeparator: \.isWhitespace).first { words.insert(String(word)) }
        }
        #expect(words.count == 159)
        #expect(StopWords.snowballRussian == words)
    }

    @Test func defaultSetHoldsBothLists() {
        let stopWords = StopWords()
        for word in [
            "и", "что", "между", "здравствуйте", "добрый", "день", "уважаемые", "пожалуйста", "спасибо",
            "прошу", "помогите", "просьба", "благодарю", "заранее", "итд",
        ] {
            #expect(stopWords.contains(word), "\(word)")
        }
        #expect(StopWords.defaultDomain.isDisjoint(with: ["очередь", "врач", "пенсия", "запись"]))
    }

    @Test(arguments: ["очередь", "врач", "садик", "", "И", "ещё"])
    func leavesOtherWordsIn(word: String) {
        // Case and ё are the normalizer's job: the set holds normalized words only.
        #expect(!StopWords().contains(word))
    }

    @Test func normalizesExtraWords() {
        let stopWords = StopWords(extra: ["Обращение", "Ёлка", "мoлоко"])  // the last with a Latin o
        #expect(stopWords.contains("обращение"))
        #expect(stopWords.contains("елка"))
        #expect(stopWords.contains("молоко"))
        #expect(!stopWords.contains("Обращение"))
        #expect(stopWords.contains("спасибо"))
    }
}
