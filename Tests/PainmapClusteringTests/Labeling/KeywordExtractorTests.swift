import PainmapClustering
import Testing

@Suite struct KeywordExtractorTests {
    /// Hot-water complaints where «горяч вод» always appears together, and heating complaints.
    static func batch() -> [ClusterDocument] {
        var documents: [ClusterDocument] = []
        let details = ["кран", "неделю", "управляющ", "счет", "отключ", "подъезд"]
        let forms = [("горячей", "воды"), ("горячей", "воды"), ("горячую", "воду")]
        for index in 0..<30 {
            let (hot, water) = forms[index % 3]
            var tokens = [
                ClusterToken(stem: "нет", surface: "нет"), ClusterToken(stem: "горяч", surface: hot),
                ClusterToken(stem: "вод", surface: water),
            ]
            tokens.append(ClusterToken(stem: details[index % 6], surface: details[index % 6]))
            documents.append(ClusterDocument(id: "water-\(index)", tokens: tokens))
            let heating = ["батар", "холодн", "квартир", "отоплен", "котельн"].shuffledDeterministically(index)
            documents.append(PlantedCorpus.plain("heat-\(index)", Array(heating.prefix(3))))
        }
        return documents
    }

    @Test func showsBigramsInsteadOfTheirWords() throws {
        let result = ClusterEngine().cluster(Self.batch())
        let water = try #require(result.pains.first { $0.keywords.contains { $0.term == "горяч вод" } })
        let texts = water.keywords.map(\.text)
        #expect(texts.contains("горячей воды"))  // the most frequent surface pair, not «горячую воду»
        #expect(!texts.contains("горячей"))
        #expect(!texts.contains("воды"))
        let bigram = try #require(water.keywords.first { $0.term == "горяч вод" })
        #expect(bigram.coverage == 1)
    }

    @Test func scoresFavourWordsEveryRecordShares() throws {
        let result = ClusterEngine().cluster(Self.batch())
        let water = try #require(result.pains.first { $0.keywords.contains { $0.term == "горяч вод" } })
        // Details appear in a sixth of the records each and must rank below the shared terms.
        let shared = try #require(water.keywords.firstIndex { $0.term == "горяч вод" })
        let detail = water.keywords.firstIndex { $0.term == "кран" } ?? water.keywords.count
        #expect(shared < detail)
        #expect(zip(water.keywords, water.keywords.dropFirst()).allSatisfy { $0.score >= $1.score })
    }
}

extension Array {
    /// A fixed permutation depending on `seed` (a rotation), enough for test variety.
    fileprivate func shuffledDeterministically(_ seed: Int) -> [Element] {
        guard !isEmpty else { return self }
        let shift = seed % count
        return Array(self[shift...] + self[..<shift])
    }
}
