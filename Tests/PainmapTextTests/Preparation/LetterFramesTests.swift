import PainmapText
import Testing

@Suite struct LetterFramesTests {
    let prepared = TextAnalyzer(preparation: .letters)
    let plain = TextAnalyzer()

    private func surfaces(_ text: String) -> [String] { prepared.analyze(text).map(\.surface) }

    @Test func dropsOpeningAddressUpToItsPunctuation() {
        let letter = "Добрый день! Уважаемый Иван Петрович! Во дворе третью неделю не вывозят мусор."
        #expect(surfaces(letter) == ["дворе", "третью", "неделю", "вывозят", "мусор"])
        #expect(plain.analyze(letter).map(\.surface).contains("иван"))
    }

    @Test func dropsSignOffWithSignatureAndContactsAtTheEnd() {
        let letter = """
            Здравствуйте. На остановке не горит фонарь, вечером темно. Прошу принять меры.
            С уважением, Сидорова Анна Павловна, тел. 8-900-000-00-00
            """
        #expect(surfaces(letter) == ["остановке", "горит", "фонарь", "вечером", "темно"])
    }

    @Test func keepsTheSubjectAroundAFormula() {
        #expect(surfaces("Прошу принять меры по ремонту дороги") == ["ремонту", "дороги"])
        #expect(surfaces("Обращаюсь к вам повторно: яма на дороге, жду ответа") == ["повторно", "яма", "дороге"])
    }

    @Test func aSignOffEarlyInALongLetterRemovesOnlyItself() {
        let body = String(repeating: "Подвал затоплен водой, в подъезде сырость и запах. ", count: 12)
        let letter = "Спасибо за внимание к прошлой жалобе. " + body
        let words = surfaces(letter)
        #expect(words.first == "прошлой")
        #expect(words.filter { $0 == "подвал" }.count == 12)
    }

    @Test func addressWithoutPunctuationDropsOnlyItsWord() {
        let text = "Уважаемые жители дома " + String(repeating: "жалуются на шум от стройки ", count: 10)
        #expect(surfaces(text).prefix(3) == ["жители", "дома", "жалуются"])
    }

    @Test func contactWordsEarlyInTheTextStay() {
        #expect(surfaces("Телефон горячей линии не отвечает весь день").first == "телефон")
    }

    @Test func excludedRangesAreOrderedAndDisjoint() {
        let text = TextNormalizer().normalize(
            "Здравствуйте! Уважаемая администрация! Прошу разобраться: нет воды. Жду ответа. С уважением, Иванов"
        )
        let ranges = LetterFrames().excludedRanges(in: text)
        #expect(ranges.count == 5)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound })
        #expect(ranges.last?.upperBound == text.utf8.count)
    }

    @Test func cachedAndIDAnalysisAgreeWithPlainAnalysisUnderPreparation() {
        let texts = [
            "<p>Здравствуйте!</p> Не вывозят мусор. С уважением, Петров",
            "&laquo;Уважаемый Глава!&raquo; Нет света на улице, прошу разобраться",
            "",
        ]
        var cache = StemCache()
        for text in texts {
            #expect(prepared.analyze(text, cache: &cache) == prepared.analyze(text))
            var ids: [Int32] = []
            prepared.appendWordIDs(of: text, cache: &cache, to: &ids)
            #expect(ids.map { cache.surface(ofWord: Int($0)) } == prepared.analyze(text).map(\.surface))
        }
    }
}
