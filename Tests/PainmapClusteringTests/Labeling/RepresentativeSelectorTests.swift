import Testing

@testable import PainmapClustering

@Suite struct RepresentativeSelectorTests {
    @Test func jaccardOfSortedSets() {
        #expect(RepresentativeSelector.jaccard([1, 2, 3], [1, 2, 3]) == 1)
        #expect(RepresentativeSelector.jaccard([1, 2], [3, 4]) == 0)
        #expect(RepresentativeSelector.jaccard([1, 2, 3, 4], [2, 3, 4, 5]) == 0.6)
        #expect(RepresentativeSelector.jaccard([], []) == 1)
    }

    @Test func collapsesAndShortensTitles() {
        #expect(RepresentativeSelector.collapsed("  Нет\n горячей\tводы  ") == "Нет горячей воды")
        let long = Array(repeating: "слово", count: 40).joined(separator: " ")
        let short = RepresentativeSelector.shortened(long)
        #expect(short.hasSuffix("…"))
        #expect(short.count <= RepresentativeSelector.fallbackTitleLength + 1)
        #expect(!short.dropLast().hasSuffix(" "))
        #expect(RepresentativeSelector.shortened("коротко") == "коротко")
    }

    @Test func prefersDistinctWording() {
        // Six records with the same words in different orders (distinct rows, one wording), and three others.
        let orders = [[0, 1, 2, 3], [1, 0, 2, 3], [0, 2, 1, 3], [3, 2, 1, 0], [2, 3, 0, 1], [1, 3, 0, 2]]
        let words = ["отоплен", "батар", "холодн", "квартир"]
        var documents = orders.enumerated().map { index, order in
            PlantedCorpus.plain("same-\(index)", order.map { words[$0] })
        }
        documents.append(PlantedCorpus.plain("other-1", ["отоплен", "батар", "котельн"]))
        documents.append(PlantedCorpus.plain("other-2", ["холодн", "квартир", "мерзнут"]))
        documents.append(PlantedCorpus.plain("other-3", ["котельн", "мерзнут", "отоплен"]))
        let configuration = ClusterConfiguration(k: 1, maxDocumentFrequency: 1)
        let result = ClusterEngine(configuration: configuration).cluster(documents)
        let ids = result.pains.first?.representativeDocumentIDs ?? []
        #expect(result.statistics.distinctRowCount == 9)
        #expect(ids.count == 3)
        #expect(ids.filter { $0.hasPrefix("same") }.count == 1)
    }

    @Test func longTitlesAreCutWhenNoShortDocumentExists() throws {
        let words = ["отоплен", "батар", "холодн", "квартир"]
        let text = Array(repeating: "Холодно в квартире, батареи ледяные.", count: 10).joined(separator: " ")
        let documents = (0..<5).map { index in
            ClusterDocument(
                id: "\(index)",
                tokens: (words + words).map { ClusterToken(stem: $0, surface: $0) },
                quoteText: text
            )
        }
        let configuration = ClusterConfiguration(maxDocumentFrequency: 1, titleMaxTokens: 3)
        let result = ClusterEngine(configuration: configuration).cluster(documents)
        let pain = try #require(result.pains.first)
        #expect(pain.title.hasSuffix("…"))
        #expect(text.hasPrefix(pain.title.dropLast()))
    }
}
