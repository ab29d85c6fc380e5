import PainmapClustering
import PainmapText
import Testing

@Suite struct ClusterDocumentTests {
    @Test func quoteTextDefaultsToSurfaces() {
        let tokens = [ClusterToken(stem: "очеред", surface: "очереди"), ClusterToken(stem: "садик", surface: "садик")]
        #expect(ClusterDocument(id: "1", tokens: tokens).quoteText == "очереди садик")
        #expect(ClusterDocument(id: "1", tokens: tokens, quoteText: "Очереди в садик").quoteText == "Очереди в садик")
    }

    @Test(arguments: [(-3, 1), (0, 1), (1, 1), (40, 40)])
    func weightIsAtLeastOne(given: Int, expected: Int) {
        #expect(ClusterDocument(id: "1", tokens: [], weight: given).weight == expected)
    }

    @Test func analyzerTokensKeepStemsAndSurfaces() {
        let analyzed = [
            AnalyzedToken(surface: "врачу", stem: "врач"), AnalyzedToken(surface: "записаться", stem: "запис"),
        ]
        let document = ClusterDocument(
            id: "7",
            analyzedTokens: analyzed,
            quoteText: "Не могу записаться к врачу",
            weight: 2
        )
        #expect(
            document.tokens == [
                ClusterToken(stem: "врач", surface: "врачу"), ClusterToken(stem: "запис", surface: "записаться"),
            ]
        )
        #expect(document.quoteText == "Не могу записаться к врачу")
        #expect(document.weight == 2)
    }
}
