import Testing

@testable import PainmapClustering

/// Warm start from the previous period's centroids and analysts' seeded pains (`CLUSTERING.md` §2.11–2.12).
@Suite struct SeedCentroidsTests {
    /// The planted topic most of a pain's representative documents come from.
    func topic(of pain: PainCluster) -> String {
        let topics = pain.representativeDocumentIDs.map(PlantedCorpus.topic(of:))
        return Dictionary(grouping: topics, by: { $0 }).max { $0.value.count < $1.value.count }?.key ?? ""
    }

    @Test func warmStartKeepsEveryStablePainOnItsCellAndItsID() throws {
        let firstQuarter = PlantedCorpus.documents(perTopic: 60, seed: 7)
        let first = ClusterEngine(configuration: ClusterConfiguration(seed: 1)).cluster(firstQuarter)
        try #require(first.pains.count == 4)
        let previous = first.pains.map { PreviousPain(id: "pain-" + topic(of: $0), centroid: $0.centroid) }

        // A new quarter: other records of the same problems, another seed, warm-started.
        let secondQuarter = PlantedCorpus.documents(perTopic: 45, seed: 99)
        let configuration = ClusterConfiguration(previousCentroids: previous.map(\.centroid), seed: 5)
        let second = ClusterEngine(configuration: configuration).cluster(secondQuarter)
        #expect(second.statistics.seededCellCount == 4)

        // Cell i started from previous pain i and stayed on its problem.
        for (cell, pain) in previous.enumerated() {
            let members = secondQuarter.indices.filter { second.cellAssignments[$0] == cell }
            #expect(!members.isEmpty)
            #expect(members.allSatisfy { "pain-" + PlantedCorpus.topic(of: secondQuarter[$0].id) == pain.id })
        }
        // And the matcher hands every pain its previous id.
        let matching = PainMatcher().match(previous: previous, clusters: second.clusters)
        #expect(second.pains.count == 4)
        for pain in second.pains {
            #expect(matching.matchedIDs[pain.index] == "pain-" + topic(of: pain))
        }
        #expect(matching.vanishedIDs.isEmpty)
    }

    @Test func aSeededPainAppearsWhereOverClusteringWouldMissIt() throws {
        // Three large topics and a handful of benefit complaints; four cells, which the large topics attract.
        var documents = PlantedCorpus.documents(
            topics: [PlantedCorpus.kindergarten, PlantedCorpus.heating, PlantedCorpus.doctor],
            perTopic: 60
        )
        var generator = PlantedCorpus.Generator(state: 3)
        for index in 0..<8 {
            documents.append(PlantedCorpus.document(PlantedCorpus.benefits, id: "pay-\(index)", generator: &generator))
        }
        func benefitPain(_ result: ClusteringResult) -> PainCluster? {
            result.pains.first { pain in
                let members = documents.indices.filter { result.assignments[$0] == pain.index }
                return members.allSatisfy { documents[$0].id.hasPrefix("pay-") }
            }
        }

        let plain = ClusterEngine(configuration: ClusterConfiguration(k: 4)).cluster(documents)
        #expect(benefitPain(plain) == nil)

        let seeded = ClusterEngine(
            configuration: ClusterConfiguration(k: 4, seedPains: [["пособ", "выплат", "задержива", "no-such-stem"]])
        ).cluster(documents)
        #expect(seeded.statistics.seededCellCount == 1)
        let pain = try #require(benefitPain(seeded))
        #expect(pain.size == 8)
        let benefitStems = Set(PlantedCorpus.benefits.words.map(\.stem))
        let top = try #require(pain.keywords.first)
        #expect(top.term.split(separator: " ").allSatisfy { benefitStems.contains(String($0)) })
    }

    @Test func seedsWithoutKnownTermsAreSkippedAndRunsStayDeterministic() {
        let documents = PlantedCorpus.documents(perTopic: 40)
        let configuration = ClusterConfiguration(
            seedPains: [["нет-такого"], []],
            previousCentroids: [["отоплен": 0.8, "батар": 0.6], [:]]
        )
        let first = ClusterEngine(configuration: configuration).cluster(documents)
        let second = ClusterEngine(configuration: configuration).cluster(documents)
        #expect(first.statistics.seededCellCount == 1)
        #expect(first.assignmentHash == second.assignmentHash)
        var parallel = configuration
        parallel.threadCount = 4
        #expect(ClusterEngine(configuration: parallel).cluster(documents).assignmentHash == first.assignmentHash)
    }
}
