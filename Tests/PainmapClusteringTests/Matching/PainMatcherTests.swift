import PainmapClustering
import Testing

@Suite struct PainMatcherTests {
    @Test func greedyOneToOneByCosine() {
        let previous = [
            PreviousPain(id: "P-heat", centroid: ["отоплен": 0.8, "батар": 0.6]),
            PreviousPain(id: "P-queue", centroid: ["очеред": 1]),
            PreviousPain(id: "P-old", centroid: ["снег": 1]),
        ]
        let current: [[String: Float]] = [
            ["очеред": 0.9, "садик": 0.1],  // close to P-queue
            ["отоплен": 4, "батар": 3],  // the same direction as P-heat: cosine 1
            ["отоплен": 1, "холодн": 1],  // also heat-like, but less similar: P-heat is taken
            ["врач": 1],
        ]
        let matching = PainMatcher().match(previous: previous, current: current)
        #expect(matching.matchedIDs == ["P-queue", "P-heat", nil, nil])
        #expect(matching.vanishedIDs == ["P-old"])
        let heat = matching.similarities[1] ?? 0
        #expect(abs(heat - 1) < 1e-9)
        #expect(matching.similarities[2] == nil)
    }

    @Test func thresholdIsInclusiveAndConfigurable() {
        let previous = [PreviousPain(id: "A", centroid: ["x": 1, "y": 1])]
        let current: [[String: Float]] = [["x": 1]]  // cosine 1/√2 ≈ 0.707
        #expect(PainMatcher().match(previous: previous, current: current).matchedIDs == ["A"])
        #expect(PainMatcher(minimumSimilarity: 0.75).match(previous: previous, current: current).matchedIDs == [nil])
    }

    @Test func tiesGoToTheLowerIndices() {
        let previous = [PreviousPain(id: "A", centroid: ["x": 1]), PreviousPain(id: "B", centroid: ["x": 2])]
        let current: [[String: Float]] = [["x": 3], ["x": 1]]
        let matching = PainMatcher().match(previous: previous, current: current)
        #expect(matching.matchedIDs == ["A", "B"])
        #expect(matching.vanishedIDs.isEmpty)
    }

    @Test func emptyCentroidsNeverMatch() {
        let matching = PainMatcher(minimumSimilarity: 0).match(
            previous: [PreviousPain(id: "A", centroid: [:])],
            current: [[:], ["x": 1]]
        )
        #expect(matching.matchedIDs == [nil, nil])
        #expect(matching.vanishedIDs == ["A"])
    }

    @Test func carriesIdsAcrossSeparateRuns() {
        let engine = ClusterEngine()
        let spring = engine.cluster(
            PlantedCorpus.documents(topics: [PlantedCorpus.kindergarten, PlantedCorpus.heating], perTopic: 40, seed: 1)
        )
        let stored = spring.pains.map { pain in
            PreviousPain(id: "Q1-\(pain.keywords.first?.term ?? "")", centroid: pain.centroid)
        }
        var batch = PlantedCorpus.documents(
            topics: [PlantedCorpus.doctor, PlantedCorpus.kindergarten],
            perTopic: 40,
            seed: 2
        )
        batch.append(PlantedCorpus.plain("odd-1", ["тест", "проверк"]))
        batch.append(PlantedCorpus.plain("odd-2", ["тест", "проверк"]))
        let summer = engine.cluster(batch)
        let matching = PainMatcher().match(previous: stored, clusters: summer.clusters)
        #expect(matching.matchedIDs.count == summer.clusters.count)
        let kindergarten = summer.assignments[batch.firstIndex { $0.id.hasPrefix("sad") } ?? 0]
        let doctor = summer.assignments[batch.firstIndex { $0.id.hasPrefix("doc") } ?? 0]
        let springKindergarten = spring.assignments[0]  // the first document is a kindergarten one
        #expect(matching.matchedIDs[kindergarten] == stored[springKindergarten].id)
        #expect(matching.matchedIDs[doctor] == nil)
        #expect(matching.vanishedIDs == [stored[1 - springKindergarten].id])
        if let catchAll = summer.catchAllIndex { #expect(matching.matchedIDs[catchAll] == nil) }
    }

    private func cluster(_ index: Int, _ centroid: [String: Float], catchAll: Bool = false) -> PainCluster {
        PainCluster(
            index: index,
            isCatchAll: catchAll,
            size: 1,
            documentCount: 1,
            centroid: centroid,
            keywords: [],
            title: "",
            representativeDocumentIDs: [],
            cells: [],
            meanSimilarity: 0
        )
    }

    @Test func aPainThatGrewContinuesThePainWhoseRecordsItHoldsThoughItsCentroidDrifted() {
        let previous = [
            PreviousPain(id: "P-place", centroid: ["мест": 1, "комплектован": 1]),
            PreviousPain(id: "P-queue", centroid: ["очеред": 1]),
            PreviousPain(id: "P-gone", centroid: ["ошибк": 1]),
        ]
        // Cluster 0 tripled: its new records talk of a far-away kindergarten, its centroid's cosine to P-place's is only
        // 0.18, yet it holds 40 of P-place's 43 previous records.
        let clusters = [
            cluster(0, ["мест": 0.3, "дальн": 1, "сад": 0.6]),
            cluster(1, ["очеред": 1]),
            cluster(2, ["ошибк": 1]),  // holds P-gone's records, nothing this quarter (vanished): keeps its id
            cluster(3, ["мест": 1, "комплектован": 1]),  // new: a centroid like P-place's, previous records noise
            cluster(4, [:], catchAll: true),
        ]
        let shared = SharedRecords(
            counts: [[40, 1, 0], [0, 30, 0], [0, 0, 20], [2, 0, 0], [1, 2, 3]],
            mayContinue: [true, true, true, false, true]
        )
        let byCentroid = PainMatcher().match(previous: previous, clusters: clusters)
        #expect(byCentroid.matchedIDs == [nil, "P-queue", "P-gone", "P-place", nil])
        let matching = PainMatcher().match(previous: previous, clusters: clusters, shared: shared)
        #expect(matching.matchedIDs == ["P-place", "P-queue", "P-gone", nil, nil])
        #expect(matching.vanishedIDs.isEmpty)
        #expect(abs((matching.similarities[0] ?? 0) - 0.3 / 1.45.squareRoot() / 2.squareRoot()) < 1e-6)
    }

    @Test func sharedRecordsNeedMoreThanTheNoiseFloorAndHalfThePreviousPain() {
        let previous = [PreviousPain(id: "A", centroid: ["x": 1]), PreviousPain(id: "B", centroid: ["y": 1])]
        let clusters = [cluster(0, ["z": 1]), cluster(1, ["w": 1]), cluster(2, ["v": 1])]
        // A: 2 of 2 records in cluster 0 (the noise floor); B: 10 of 30 in cluster 1, 20 in cluster 2.
        let shared = SharedRecords(counts: [[2, 0], [0, 10], [0, 20]], mayContinue: [true, true, true])
        let matching = PainMatcher().match(previous: previous, clusters: clusters, shared: shared)
        #expect(matching.matchedIDs == [nil, nil, "B"])
        #expect(matching.vanishedIDs == ["A"])
        // Ties between clusters holding half each go to the lower cluster.
        let halves = SharedRecords(counts: [[0, 15], [0, 15], [0, 0]], mayContinue: [true, true, true])
        #expect(
            PainMatcher().match(previous: previous, clusters: clusters, shared: halves).matchedIDs == ["B", nil, nil]
        )
    }

    @Test func withoutPreviousRecordsTheCentroidsDecideAsBefore() {
        let previous = [PreviousPain(id: "A", centroid: ["x": 1])]
        let clusters = [cluster(0, ["x": 1]), cluster(1, ["x": 1, "y": 0.1])]
        let none = SharedRecords(counts: [[0], [0]], mayContinue: [false, false])
        #expect(PainMatcher().match(previous: previous, clusters: clusters, shared: none).matchedIDs == ["A", nil])
        // With previous records, a pain that may not continue (new) never takes an id by its centroid.
        let some = SharedRecords(counts: [[0], [1]], mayContinue: [false, true])
        #expect(PainMatcher().match(previous: previous, clusters: clusters, shared: some).matchedIDs == [nil, "A"])
    }

    @Test func previousRecordsBelongToTheNearestStoredCentroid() {
        var builder = InternedDocuments.Builder()
        func document(_ stems: [String]) {
            var words: [Int32] = []
            for stem in stems { words.append(builder.word(surface: stem, stem: stem)) }
            _ = builder.appendDocument(words: words)
        }
        document(["очеред", "сад"])  // this period, not looked at
        document(["очеред", "стоит"])
        document(["отоплен", "батаре", "холодн"])
        document(["врач", "талон"])  // shares no term: no owner
        document(["сад", "мест", "дальн"])  // the pair "мест дальн" decides it
        let previous = [
            PreviousPain(id: "queue", centroid: ["очеред": 0.9, "стоит": 0.4, "сад": 0.5]),
            PreviousPain(id: "heat", centroid: ["отоплен": 0.8, "батаре": 0.6]),
            PreviousPain(id: "place", centroid: ["мест": 0.5, "мест дальн": 0.7, "сад": 0.3]),
        ]
        let owners = PreviousPainOwnership(previous: previous).owners(of: builder.documents, in: 1..<5)
        #expect(owners == [0, 1, nil, 2])
        #expect(PreviousPainOwnership(previous: []).owners(of: builder.documents, in: 1..<5) == [nil, nil, nil, nil])
    }
}
