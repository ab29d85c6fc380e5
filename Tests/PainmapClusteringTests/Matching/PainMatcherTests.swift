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
}
