import PainmapClustering
import Testing

@Suite struct ClusterEngineTests {
    /// Four planted topics, 40 documents each.
    let documents = PlantedCorpus.documents(perTopic: 40)

    @Test func recoversPlantedTopics() {
        let result = ClusterEngine().cluster(documents)
        let truth = documents.map { PlantedCorpus.topic(of: $0.id) }
        #expect(result.pains.count == 4)
        #expect(result.catchAllIndex == nil)
        #expect(ClusteringMetrics.adjustedRandIndex(truth, result.assignments) == 1)
    }

    @Test func sameInputGivesSameResult() {
        let engine = ClusterEngine()
        let first = engine.cluster(documents)
        let second = engine.cluster(documents)
        #expect(first.assignmentHash == second.assignmentHash)
        #expect(first.assignments == second.assignments)
        #expect(first.clusters.map(\.title) == second.clusters.map(\.title))
        #expect(first.clusters.map(\.keywords) == second.clusters.map(\.keywords))
        #expect(first.mergeTree == second.mergeTree)
    }

    @Test(arguments: [2, 3, 8])
    func threadCountDoesNotChangeResult(threads: Int) {
        // Enough documents for several work items per restart.
        let batch = PlantedCorpus.documents(perTopic: 700, seed: 11)
        let single = ClusterEngine(configuration: ClusterConfiguration(threadCount: 1)).cluster(batch)
        let parallel = ClusterEngine(configuration: ClusterConfiguration(threadCount: threads)).cluster(batch)
        #expect(single.assignmentHash == parallel.assignmentHash)
        #expect(single.cellAssignments == parallel.cellAssignments)
        #expect(single.statistics == parallel.statistics)
        #expect(single.clusters.map(\.centroid) == parallel.clusters.map(\.centroid))
        #expect(single.clusters.map(\.representativeDocumentIDs) == parallel.clusters.map(\.representativeDocumentIDs))
    }

    @Test func differentSeedsStillFindTheTopics() {
        let truth = documents.map { PlantedCorpus.topic(of: $0.id) }
        for seed: UInt64 in [1, 2, 3] {
            let result = ClusterEngine(configuration: ClusterConfiguration(seed: seed)).cluster(documents)
            #expect(ClusteringMetrics.adjustedRandIndex(truth, result.assignments) > 0.95)
        }
    }

    @Test func documentsWithoutContentAreSetAside() throws {
        var batch = documents
        batch.append(ClusterDocument(id: "empty", tokens: [], quoteText: "XXXX", weight: 3))
        batch.append(PlantedCorpus.plain("unique", ["фотограф", "единственн"]))  // terms below min_df
        let result = ClusterEngine().cluster(batch)
        #expect(result.assignments[batch.count - 2] == ClusteringResult.noContent)
        #expect(result.assignments[batch.count - 1] == ClusteringResult.noContent)
        #expect(result.cellAssignments[batch.count - 1] == ClusteringResult.noContent)
        #expect(result.noContentCount == 4)
        #expect(result.recordCount == batch.count + 2)
        #expect(result.clusters.reduce(0) { $0 + $1.size } == result.recordCount - result.noContentCount)
    }

    @Test func duplicatesCollapseButCountInSize() throws {
        var batch = documents
        let copy = PlantedCorpus.plain("copy", ["отоплен", "батар", "холодн", "квартир"])
        for index in 0..<12 {
            batch.append(ClusterDocument(id: "copy-\(index)", tokens: copy.tokens, quoteText: "копия"))
        }
        batch.append(ClusterDocument(id: "copy-weighted", tokens: copy.tokens, quoteText: "копия", weight: 5))
        let result = ClusterEngine().cluster(batch)
        #expect(result.statistics.distinctRowCount <= documents.count + 1)
        let pain = try #require(result.assignments.last)
        let copies = batch.indices.filter { batch[$0].id.hasPrefix("copy") }
        #expect(copies.allSatisfy { result.assignments[$0] == pain })
        let heat = batch.indices.filter { PlantedCorpus.topic(of: batch[$0].id) == "heat" }
        let sizeWithoutCopies = heat.filter { result.assignments[$0] == pain }.count
        #expect(result.clusters[pain].size == sizeWithoutCopies + 12 + 5)
        #expect(result.clusters[pain].documentCount == sizeWithoutCopies + 13)
    }

    @Test func tinyPainGoesToCatchAll() throws {
        var batch = documents
        batch.append(PlantedCorpus.plain("odd-1", ["тест", "проверк", "связ"]))
        batch.append(PlantedCorpus.plain("odd-2", ["тест", "проверк", "связ", "тест"]))
        let result = ClusterEngine().cluster(batch)
        let catchAll = try #require(result.catchAllIndex)
        #expect(catchAll == result.clusters.count - 1)
        #expect(result.clusters[catchAll].isCatchAll)
        #expect(result.clusters[catchAll].title == "Прочее")
        #expect(result.assignments.suffix(2) == [catchAll, catchAll])
        #expect(result.catchAllCount == 2)
        #expect(abs(result.catchAllShare - 2 / Double(batch.count)) < 1e-12)
        #expect(result.pains.count == 4)
    }

    @Test func lowSimilarityGoesToCatchAll() throws {
        var batch = documents
        // Each mixes words of all four topics, so it is far from every pain's centroid.
        let mixed = [
            ["очеред", "отоплен", "запис", "пособ"], ["садик", "батар", "врач", "выплат"],
            ["мест", "холодн", "талон", "начисл"], ["номер", "квартир", "поликлиник", "карт"],
        ]
        for (index, stems) in mixed.enumerated() { batch.append(PlantedCorpus.plain("mixed-\(index)", stems)) }
        let configuration = ClusterConfiguration(catchAllThreshold: 0.35)
        let result = ClusterEngine(configuration: configuration).cluster(batch)
        let catchAll = try #require(result.catchAllIndex)
        #expect(result.assignments.suffix(4).allSatisfy { $0 == catchAll })
        let plantedInCatchAll = result.assignments.prefix(documents.count).filter { $0 == catchAll }.count
        #expect(plantedInCatchAll <= documents.count / 10)
    }

    @Test func keywordsAreSurfaceFormsOfPlantedWords() {
        let result = ClusterEngine().cluster(documents)
        for pain in result.pains {
            let topic = PlantedCorpus.all.first { $0.name == majorityTopic(of: pain, in: result) }
            let surfaces = Set(topic?.words.flatMap { [$0.surface, $0.variant] } ?? [])
            let shown = pain.keywords.flatMap { $0.text.split(separator: " ").map(String.init) }
            #expect(shown.filter { surfaces.contains($0) }.count >= 4)
            #expect(pain.keywords.count == 8)
            #expect(pain.keywords.allSatisfy { $0.coverage > 0 && $0.coverage <= 1 && $0.score > 0 })
        }
    }

    @Test func representativesComeFromTheirPain() {
        let result = ClusterEngine().cluster(documents)
        let index = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })
        for pain in result.pains {
            #expect(pain.representativeDocumentIDs.count == 3)
            #expect(Set(pain.representativeDocumentIDs).count == 3)
            for id in pain.representativeDocumentIDs {
                #expect(index[id].map { result.assignments[$0] } == pain.index)
            }
        }
    }

    @Test func titleIsAShortDocumentOfThePain() {
        let configuration = ClusterConfiguration(titleMaxTokens: 4)
        let result = ClusterEngine(configuration: configuration).cluster(documents)
        for pain in result.pains {
            let members = documents.indices.filter { result.assignments[$0] == pain.index }
            let titled = members.filter { documents[$0].quoteText == pain.title }
            #expect(!titled.isEmpty)
            #expect(titled.allSatisfy { documents[$0].tokens.count <= 4 })
        }
    }

    @Test func clustersAreOrderedBySize() {
        var batch = PlantedCorpus.documents(perTopic: 30)
        batch += PlantedCorpus.documents(topics: [PlantedCorpus.doctor], perTopic: 25, seed: 3).map {
            ClusterDocument(id: $0.id + "b", tokens: $0.tokens, quoteText: $0.quoteText)
        }
        let result = ClusterEngine().cluster(batch)
        let sizes = result.pains.map(\.size)
        #expect(sizes == sizes.sorted(by: >))
        #expect(result.clusters.enumerated().allSatisfy { $0.offset == $0.element.index })
        #expect(sizes.first == 55)
    }

    @Test func centroidIsKeyedByTerm() throws {
        let result = ClusterEngine(configuration: ClusterConfiguration(centroidTermCount: 10)).cluster(documents)
        for pain in result.pains {
            #expect(pain.centroid.count == 10)
            let strongest = try #require(pain.centroid.max { $0.value < $1.value })
            let topic = try #require(PlantedCorpus.all.first { $0.name == majorityTopic(of: pain, in: result) })
            #expect(topic.words.contains { strongest.key.split(separator: " ").map(String.init).contains($0.stem) })
        }
    }

    @Test func emptyBatchGivesEmptyResult() {
        let result = ClusterEngine().cluster([])
        #expect(result.assignments.isEmpty)
        #expect(result.clusters.isEmpty)
        #expect(result.catchAllIndex == nil)
        #expect(result.statistics.cellCount == 0)
        #expect(result.assignmentHash == ClusteringResult.assignmentHash(of: []))
    }

    @Test func batchWithoutSharedTermsHasNoPains() {
        let batch = [
            PlantedCorpus.plain("a", ["один"]), PlantedCorpus.plain("b", ["два"]), ClusterDocument(id: "c", tokens: []),
        ]
        let result = ClusterEngine().cluster(batch)
        #expect(result.assignments == [-1, -1, -1])
        #expect(result.noContentCount == 3)
        #expect(result.clusters.isEmpty)
    }

    @Test func mergeTreeCoversTheCells() {
        let result = ClusterEngine().cluster(documents)
        let cells = result.statistics.cellCount
        #expect(result.mergeTree.count == cells - 1)
        #expect(zip(result.mergeTree, result.mergeTree.dropFirst()).allSatisfy { $0.distance <= $1.distance + 1e-9 })
        let painCells = result.pains.flatMap(\.cells).sorted()
        #expect(painCells == Array(0..<cells))
        for (document, cell) in result.cellAssignments.enumerated() where cell >= 0 {
            #expect(result.clusters[result.assignments[document]].cells.contains(cell))
        }
    }

    /// The planted topic most of a pain's documents come from.
    private func majorityTopic(of pain: PainCluster, in result: ClusteringResult) -> String {
        var counts: [String: Int] = [:]
        for (document, cluster) in result.assignments.enumerated() where cluster == pain.index {
            counts[PlantedCorpus.topic(of: documents[document].id), default: 0] += 1
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? ""
    }
}
