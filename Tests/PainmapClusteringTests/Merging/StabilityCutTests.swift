import Foundation
import Testing

@testable import PainmapClustering

@Suite struct StabilityCutTests {
    /// The engine with the stability criterion on, one thread.
    private static func engine(seed: UInt64 = 42) -> ClusterEngine {
        var configuration = ClusterConfiguration(seed: seed, threadCount: 1)
        configuration.mergeCut = .stability
        return ClusterEngine(configuration: configuration)
    }

    @Test func clearlySeparatedTopicsGiveOnePainEach() throws {
        let documents = PlantedCorpus.documents(perTopic: 60)
        for seed: UInt64 in [1, 2, 3] {
            let result = Self.engine(seed: seed).cluster(documents)
            let stability = try #require(result.statistics.mergeStability)
            #expect(result.pains.count == PlantedCorpus.all.count, "seed \(seed): \(stability)")
            // Every pain holds one planted topic only.
            for pain in result.pains {
                let topics = Set(
                    documents.indices.filter { result.assignments[$0] == pain.index }.map {
                        PlantedCorpus.topic(of: documents[$0].id)
                    }
                )
                #expect(topics.count == 1, "seed \(seed): \(topics)")
            }
            #expect(stability.chosenStability > 0.9, "seed \(seed): \(stability)")
            #expect(result.statistics.mergeThreshold == stability.chosenThreshold)
            #expect(stability.candidates == ClusterConfiguration.defaultStabilityCandidates)
            #expect(stability.replicateCount == 3)
        }
    }

    @Test func theFixedCutReportsItsThresholdAndNoStability() {
        let result = ClusterEngine(configuration: ClusterConfiguration(threadCount: 1))
            .cluster(PlantedCorpus.documents(perTopic: 30))
        #expect(result.statistics.mergeStability == nil)
        #expect(result.statistics.mergeThreshold == 0.85)
    }

    @Test func theChoiceIsTheSameAtAnyThreadCount() {
        let documents = PlantedCorpus.documents(perTopic: 40)
        var configuration = ClusterConfiguration(seed: 5, threadCount: 1)
        configuration.mergeCut = .stability
        let one = ClusterEngine(configuration: configuration).cluster(documents)
        configuration.threadCount = 4
        let four = ClusterEngine(configuration: configuration).cluster(documents)
        #expect(one.assignmentHash == four.assignmentHash)
        #expect(one.statistics.mergeStability == four.statistics.mergeStability)
    }

    @Test func cuttingTheTreeGivesTheMergersGroups() {
        // Five cells on a line of angles: 0 and 1 close, 2 and 3 close, 4 alone; cell 5 is empty.
        let angles: [Double] = [0, 0.1, 0.8, 0.9, 1.5]
        var centroids = [Float](repeating: 0, count: 6 * 2)
        for (cell, angle) in angles.enumerated() {
            centroids[cell * 2] = Float(cos(angle))
            centroids[cell * 2 + 1] = Float(sin(angle))
        }
        for threshold in [0.001, 0.01, 0.2, 0.5, 1.0] {
            let (groups, steps) = AverageLinkMerger(threshold: threshold).merge(
                centroids: centroids,
                cellCount: 6,
                columnCount: 2
            )
            let cut = MergeTreeCut.groups(steps: steps, occupied: groups.map { $0 >= 0 }, threshold: threshold)
            #expect(cut == groups, "τ = \(threshold)")
        }
    }

    @Test func adjustedRandIndexCountsWeights() {
        #expect(StabilityCut.adjustedRandIndex([0, 0, 1, 1], [5, 5, 7, 7], weights: [1, 2, 3, 4]) == 1)
        let split = StabilityCut.adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1], weights: [1, 1, 1, 1])
        #expect(split < 0)
        // A heavy row agreeing outweighs light rows disagreeing.
        let heavy = StabilityCut.adjustedRandIndex([0, 0, 0, 1, 1], [0, 0, 1, 1, 1], weights: [50, 50, 1, 50, 50])
        #expect(heavy > 0.9)
    }
}
