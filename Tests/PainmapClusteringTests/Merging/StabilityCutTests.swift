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
            // The planted topics come back whole in every subsample; no random split of one does.
            #expect(stability.meanStability > 0.9, "seed \(seed): \(stability)")
            #expect(stability.splitGroupCount == 0, "seed \(seed): \(stability)")
            #expect(stability.groupCount == stability.groupsAtUpperThreshold)
            #expect(stability.upperThreshold == 0.85)
            #expect(stability.replicateCount == 5)
        }
    }

    @Test func theWholeBatchIsNeverSplit() throws {
        // With τ = 1.0 every cell joins one group at the cut; every subsample gives the whole batch back too, so the
        // group is perfectly stable and stays whole: the criterion splits, it never judges the cut τ itself.
        var configuration = ClusterConfiguration(mergeThreshold: 1.0, seed: 3, threadCount: 1)
        configuration.mergeCut = .stability
        let result = ClusterEngine(configuration: configuration).cluster(PlantedCorpus.documents(perTopic: 60))
        let stability = try #require(result.statistics.mergeStability)
        #expect(result.pains.count == 1)
        #expect(stability.groupsAtUpperThreshold == 1 && stability.splitGroupCount == 0, "\(stability)")
        #expect(stability.meanStability == 1)
    }

    @Test func aGroupIsSplitWhenItsBranchesAreWorthMore() {
        // Four cells of 10 records: cells 0 + 1 → node 4 at 0.3, cells 2 + 3 → node 5 at 0.4, nodes 4 + 5 → node 6 at 0.8.
        let steps = [
            MergeStep(first: 0, second: 1, distance: 0.3, cellCount: 2),
            MergeStep(first: 2, second: 3, distance: 0.4, cellCount: 2),
            MergeStep(first: 4, second: 5, distance: 0.8, cellCount: 4),
        ]
        func chosen(root: Double, threshold: Double = 0.85) -> [Int] {
            StabilityCut.chosenNodes(
                steps: steps,
                occupied: [true, true, true, true],
                stability: [0.5, 0.5, 0.5, 0.5, 0.9, 0.9, root],
                cellRecords: [10, 10, 10, 10],
                threshold: threshold
            ).nodes.sorted()
        }
        // 0.6 × 40 = 24 < 0.9 × 20 + 0.9 × 20 = 36: the group at τ becomes its two stable branches.
        #expect(chosen(root: 0.6) == [4, 5])
        // 0.95 × 40 = 38 > 36: it stays whole.
        #expect(chosen(root: 0.95) == [6])
        // Ties keep the group: 0.9 × 40 = 36.
        #expect(chosen(root: 0.9) == [6])
        // Above τ the merge is never made, however stable.
        #expect(chosen(root: 0.95, threshold: 0.5) == [4, 5])
        // Branches less stable than their cells are split down to the cells.
        let cells = StabilityCut.chosenNodes(
            steps: steps,
            occupied: [true, true, true, true],
            stability: [0.9, 0.9, 0.9, 0.9, 0.3, 0.9, 0.5],
            cellRecords: [10, 10, 10, 10],
            threshold: 0.85
        )
        #expect(cells.nodes.sorted() == [0, 1, 5])
        #expect(cells.records == [10, 10, 10, 10, 20, 20, 40])
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
        #expect(one.statistics.mergeStability != nil)
    }

    @Test func bestJaccardFindsTheMatchingBranch() {
        // Four rows; the first tree has cells {0, 1} → rows 0–1 and 2–3 and merges them; the second tree has one
        // cell per row and merges 0 with 1, then 2 with 3, then everything.
        let best = StabilityCut.bestJaccard(
            cells: [0, 0, 1, 1],
            cellCount: 2,
            steps: [MergeStep(first: 0, second: 1, distance: 0.5, cellCount: 2)],
            otherCells: [0, 1, 2, 3],
            otherCellCount: 4,
            otherSteps: [
                MergeStep(first: 0, second: 1, distance: 0.1, cellCount: 2),
                MergeStep(first: 2, second: 3, distance: 0.1, cellCount: 2),
                MergeStep(first: 4, second: 5, distance: 0.9, cellCount: 4),
            ],
            weights: [1, 1, 1, 3]
        )
        #expect(best == [1, 1, 1])
        let half = StabilityCut.bestJaccard(
            cells: [0, 0, 1, 1],
            cellCount: 2,
            steps: [MergeStep(first: 0, second: 1, distance: 0.5, cellCount: 2)],
            otherCells: [0, 1, 0, 1],
            otherCellCount: 2,
            otherSteps: [MergeStep(first: 0, second: 1, distance: 0.9, cellCount: 2)],
            weights: [1, 1, 1, 1]
        )
        // Cell 0 (rows 0, 1) overlaps each other cell in one row of three (1/3) and the root in two of four.
        #expect(half[0] == 0.5)
        #expect(half[2] == 1)
    }
}
