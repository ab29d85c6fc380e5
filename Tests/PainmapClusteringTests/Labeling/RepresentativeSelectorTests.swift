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

    @Test func quotesSpreadAcrossGroupsWhenDocumentsCarryThem() throws {
        // Ten records with distinct wording (each 3 of 5 words); eight come from one source.
        let words = ["отоплен", "батар", "холодн", "квартир", "котельн"]
        var subsets: [[String]] = []
        for a in 0..<5 {
            for b in (a + 1)..<5 {
                for c in (b + 1)..<5 { subsets.append([words[a], words[b], words[c]]) }
            }
        }
        let groups = (0..<subsets.count).map { $0 < 8 ? "портал" : ($0 == 8 ? "горячая линия" : "МФЦ") }
        let documents = subsets.enumerated().map { index, stems in
            ClusterDocument(
                id: "\(index)",
                tokens: stems.map { ClusterToken(stem: $0, surface: $0) },
                group: groups[index]
            )
        }
        let configuration = ClusterConfiguration(k: 1, maxDocumentFrequency: 1)
        let result = ClusterEngine(configuration: configuration).cluster(documents)
        let pain = try #require(result.pains.first)
        let quotedGroups = try pain.representativeDocumentIDs.map { groups[try #require(Int($0))] }
        #expect(Set(quotedGroups) == ["портал", "горячая линия", "МФЦ"])

        // The same records without groups: centrality alone repeats the dominant source.
        let ungrouped = documents.map { ClusterDocument(id: $0.id, tokens: $0.tokens) }
        let plain = try #require(ClusterEngine(configuration: configuration).cluster(ungrouped).pains.first)
        let plainGroups = try plain.representativeDocumentIDs.map { groups[try #require(Int($0))] }
        #expect(plainGroups.count == 3)
        #expect(Set(plainGroups).count < 3)
    }
}
