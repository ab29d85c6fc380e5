import Foundation
import Testing

@testable import PainmapClustering

@Suite struct TermVocabularyTests {
    /// «горяч вод» in five records (two of them identical), «отключ» in three, «кран» once, «жалоб» everywhere.
    let documents = [
        PlantedCorpus.plain("1", ["жалоб", "горяч", "вод", "отключ"]),
        PlantedCorpus.plain("2", ["жалоб", "горяч", "вод", "отключ"]),
        PlantedCorpus.plain("3", ["жалоб", "горяч", "вод", "кран"]),
        PlantedCorpus.plain("4", ["жалоб", "вод", "горяч", "отключ"]),
        PlantedCorpus.plain("5", ["жалоб", "горяч", "вод"]),
        PlantedCorpus.plain("6", ["жалоб", "свет"]),
        PlantedCorpus.plain("7", ["жалоб", "свет"], weight: 2),
    ]

    func vocabulary(minimum: Int = 2, maximum: Double = 0.9, bigrams: Bool = true) -> (
        TermVocabulary, StemCorpus, DistinctRows
    ) {
        let corpus = StemCorpus(documents: documents)
        let rows = DistinctRows(corpus: corpus)
        let vocabulary = TermVocabulary(
            corpus: corpus,
            rows: rows,
            minDocumentFrequency: minimum,
            maxDocumentFrequency: maximum,
            includesBigrams: bigrams
        )
        return (vocabulary, corpus, rows)
    }

    func terms(_ vocabulary: TermVocabulary, _ corpus: StemCorpus) -> [String] {
        (0..<vocabulary.count).map { vocabulary.term(ofColumn: $0, stems: corpus.stems) }
    }

    @Test func prunesByRawRecordsAndKeepsUnigramsBeforeBigrams() {
        let (vocabulary, corpus, _) = vocabulary()
        // «жалоб» is in all 8 records (> 0.9 × 8 = 7.2), «кран» in one; «свет» counts the weight-2 record.
        // Bigrams count records the same way: «вод горяч» (1 record) goes, «жалоб свет» (3) stays.
        #expect(
            terms(vocabulary, corpus) == [
                "горяч", "вод", "отключ", "свет", "жалоб горяч", "горяч вод", "вод отключ", "жалоб свет",
            ]
        )
        #expect(vocabulary.isBigram(4))
        #expect(!vocabulary.isBigram(3))
    }

    @Test func bigramsCanBeTurnedOff() {
        let (vocabulary, corpus, _) = vocabulary(bigrams: false)
        #expect(terms(vocabulary, corpus) == ["горяч", "вод", "отключ", "свет"])
        #expect(vocabulary.bigramColumnAtPosition.allSatisfy { $0 < 0 })
    }

    @Test func idfIsSmoothOverDistinctRows() throws {
        let (vocabulary, _, rows) = vocabulary()
        #expect(rows.count == 5)  // records 1 and 2 are one row, and so are 6 and 7
        // «горяч» is in 4 of the 5 distinct rows, «свет» in 1 (the three records behind it do not count here).
        let expected = { (df: Double) in Float(log((1 + 5) / (1 + df)) + 1) }
        #expect(vocabulary.inverseDocumentFrequency[0] == expected(4))
        #expect(vocabulary.inverseDocumentFrequency[3] == expected(1))
    }

    @Test func rowsAreUnitLengthSortedAndSkipEmptyOnes() throws {
        var batch = documents
        batch.append(PlantedCorpus.plain("8", ["фото"]))
        let corpus = StemCorpus(documents: batch)
        let rows = DistinctRows(corpus: corpus)
        let vocabulary = TermVocabulary(
            corpus: corpus,
            rows: rows,
            minDocumentFrequency: 2,
            maxDocumentFrequency: 0.85,
            includesBigrams: true
        )
        let (matrix, sourceRows) = vocabulary.vectorize(corpus: corpus, rows: rows)
        #expect(sourceRows == [0, 1, 2, 3, 4])  // row 5 («фото») keeps no term
        for row in 0..<matrix.rowCount {
            let range = matrix.range(of: row)
            let norm = matrix.values[range].reduce(0) { $0 + Double($1) * Double($1) }
            #expect(abs(norm - 1) < 1e-6)
            #expect(zip(matrix.columns[range], matrix.columns[range].dropFirst()).allSatisfy { $0 < $1 })
        }
        // Row 0 = «жалоб горяч вод отключ»: горяч, вод, отключ, «жалоб горяч», «горяч вод», «вод отключ».
        #expect(Array(matrix.columns[matrix.range(of: 0)]) == [0, 1, 2, 4, 5, 6])
    }

    @Test func sublinearTermFrequency() throws {
        let batch = [
            PlantedCorpus.plain("1", ["вод", "вод", "вод", "свет"]),
            PlantedCorpus.plain("2", ["вод", "свет"]),
            PlantedCorpus.plain("3", ["газ"]),
            PlantedCorpus.plain("4", ["газ"]),
        ]
        let corpus = StemCorpus(documents: batch)
        let rows = DistinctRows(corpus: corpus)
        let vocabulary = TermVocabulary(
            corpus: corpus,
            rows: rows,
            minDocumentFrequency: 2,
            maxDocumentFrequency: 1,
            includesBigrams: false
        )
        let (matrix, _) = vocabulary.vectorize(corpus: corpus, rows: rows)
        // Both terms have the same idf, so the first row is (1 + ln 3, 1) normalized.
        let values = Array(matrix.values[matrix.range(of: 0)])
        let first = 1 + log(3.0)
        let norm = (first * first + 1).squareRoot()
        #expect(abs(Double(values[0]) - first / norm) < 1e-6)
        #expect(abs(Double(values[1]) - 1 / norm) < 1e-6)
    }

    @Test(arguments: [1, 3])
    func blocksAndThreadsDoNotChangeTheMatrix(threads: Int) {
        let batch = PlantedCorpus.documents(perTopic: 50, seed: 5)
        let corpus = StemCorpus(documents: batch + [PlantedCorpus.plain("none", ["единственн"])])
        let rows = DistinctRows(corpus: corpus)
        let vocabulary = TermVocabulary(
            corpus: corpus,
            rows: rows,
            minDocumentFrequency: 2,
            maxDocumentFrequency: 0.5,
            includesBigrams: true
        )
        let (whole, wholeSources) = vocabulary.vectorize(corpus: corpus, rows: rows)
        let (blocked, blockedSources) = vocabulary.vectorize(
            corpus: corpus,
            rows: rows,
            threadCount: threads,
            blockSize: 7
        )
        #expect(blocked.rowOffsets == whole.rowOffsets)
        #expect(blocked.columns == whole.columns)
        #expect(blocked.values == whole.values)
        #expect(blockedSources == wholeSources)
        #expect(wholeSources.count == rows.count - 1)  // the row with only a pruned stem is left out
    }
}
