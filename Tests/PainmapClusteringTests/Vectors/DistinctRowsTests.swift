import Testing

@testable import PainmapClustering

@Suite struct DistinctRowsTests {
    @Test func identicalSequencesShareARowAndSumWeights() {
        let documents = [
            PlantedCorpus.plain("a", ["нет", "вод"]),
            PlantedCorpus.plain("b", ["вод", "нет"]),
            PlantedCorpus.plain("c", ["нет", "вод"], weight: 4),
            ClusterDocument(id: "d", tokens: []),
            PlantedCorpus.plain("e", ["нет", "вод"]),
        ]
        let corpus = StemCorpus(documents: documents)
        let rows = DistinctRows(corpus: corpus)
        #expect(rows.rowOfDocument == [0, 1, 0, -1, 0])
        #expect(rows.firstDocument == [0, 1])
        #expect(rows.weights == [6, 1])
        #expect(Array(rows.tokens(of: 1, in: corpus)) == [1, 0])
    }

    @Test func emptyStemsAreIgnored() {
        let tokens = [ClusterToken(stem: "", surface: "?"), ClusterToken(stem: "вод", surface: "воды")]
        let corpus = StemCorpus(documents: [ClusterDocument(id: "a", tokens: tokens)])
        #expect(corpus.stems == ["вод"])
        #expect(corpus.surfaces == ["воды"])
        #expect(Array(corpus.tokens(of: 0)) == [0])
    }
}
