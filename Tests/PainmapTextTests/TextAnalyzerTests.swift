import PainmapText
import Testing

@Suite struct TextAnalyzerTests {
    let analyzer = TextAnalyzer()

    @Test func dropsSalutationsAndStopWordsAndStems() {
        let tokens = analyzer.analyze("Здравствуйте! Не могу записаться к врачу, помогите пожалуйста.")
        #expect(tokens.map(\.surface) == ["могу", "записаться", "врачу"])
        #expect(tokens.map(\.stem) == ["мог", "записа", "врач"])
    }

    @Test func surfaceIsTheNormalizedWord() {
        let tokens = analyzer.analyze("ЁЛКИ мoлоко [ФИО] https://mos.ru 2024")
        #expect(
            tokens == [
                AnalyzedToken(surface: "елки", stem: "елк"), AnalyzedToken(surface: "молоко", stem: "молок"),
            ]
        )
    }

    @Test(arguments: ["", "Спасибо!", "Добрый день, уважаемые!", "123 456 [ТЕЛЕФОН]", "😀😀😀", "и в на с"])
    func givesNothingForTextsWithoutContent(text: String) {
        #expect(analyzer.analyze(text).isEmpty)
    }

    @Test func usesExtraStopWords() {
        let custom = TextAnalyzer(stopWords: StopWords(extra: ["Обращение"]))
        #expect(custom.analyze("Обращение по поводу очереди").map(\.surface) == ["поводу", "очереди"])
    }

    @Test func cachedAnalysisEqualsPlainAnalysis() {
        let texts = [
            "Не выдают препараты по рецепту третий месяц. Без лекарства состояние ухудшается.",
            "Добрый день После смены номера телефона не могу зайти на госуслугах",
            "Не выдают препараты, лекарства нет, ЛЕКАРСТВА нет!",
            "Очень длинное словопротивопоставлениями и кто-то из-за садика",
            "",
        ]
        var cache = StemCache()
        for text in texts + texts {
            #expect(analyzer.analyze(text, cache: &cache) == analyzer.analyze(text))
        }
        let distinct = Set(texts.flatMap { analyzer.analyze($0).map(\.surface) })
        #expect(cache.count == distinct.count)
    }

    @Test func stemCacheRemembersStems() {
        var cache = StemCache(minimumCapacity: 4)
        #expect(cache.stem("записаться") == "записа")
        #expect(cache.stem("записаться") == "записа")
        #expect(cache.stem("берёзы") == "берез")
        #expect(cache.count == 2)
        for index in 0..<100 { _ = cache.stem("слово\(index)") }  // grows past its first capacity
        #expect(cache.count == 102)
        #expect(cache.stem("записаться") == "записа")
    }

    @Test func wordIDsDescribeTheSameTokensAsAnalyze() {
        let texts = [
            "Здравствуйте! Не могу записаться к врачу, помогите пожалуйста.",
            "ЁЛКИ мoлоко [ФИО] https://mos.ru 2024",
            "записаться к врачу невозможно, врачу не дозвониться",
            "",
        ]
        var cache = StemCache()
        var ids: [Int32] = []
        for text in texts {
            ids.removeAll()
            analyzer.appendWordIDs(of: text, cache: &cache, to: &ids)
            let tokens = ids.map {
                AnalyzedToken(surface: cache.surface(ofWord: Int($0)), stem: cache.stem(ofWord: Int($0)))
            }
            #expect(tokens == analyzer.analyze(text))
        }
        // A word seen again keeps its id.
        var first: [Int32] = []
        analyzer.appendWordIDs(of: "врачу врачу", cache: &cache, to: &first)
        #expect(first.count == 2 && first[0] == first[1])
    }
}
