import Foundation
import Testing

@testable import PainmapClustering

@Suite struct AverageLinkMergerTests {
    /// Unit vectors in the plane at the given angles (degrees), cell-major over two columns.
    static func centroids(degrees: [Double]) -> [Float] {
        degrees.flatMap { angle -> [Float] in
            let radians = angle * .pi / 180
            return [Float(cos(radians)), Float(sin(radians))]
        }
    }

    @Test func mergesCloseCellsAndKeepsTheFullTree() {
        // Cells 0 and 2 point along x, 1 and 3 along y: two pairs at distance ≈ 0, pairs apart at 1.
        let merger = AverageLinkMerger(threshold: 0.85)
        let (groups, steps) = merger.merge(
            centroids: Self.centroids(degrees: [0, 90, 5, 88]),
            cellCount: 4,
            columnCount: 2
        )
        #expect(groups == [0, 1, 0, 1])
        #expect(steps.count == 3)
        #expect(steps[0] == MergeStep(first: 1, second: 3, distance: steps[0].distance, cellCount: 2))
        #expect(steps[1].first == 0 && steps[1].second == 2)
        #expect(steps[2].first == 4 + 1 && steps[2].second == 4 + 0)  // the node of {0, 2} is created second
        #expect(steps[2].distance > 0.85)
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0.distance <= $1.distance })
    }

    @Test func averageLinkUsesTheMeanPairDistance() {
        // 0° and 60° merge first (distance 0.5); 130° is 1 − cos 70° from 60° and 1 − cos 130° from 0°.
        let (_, steps) = AverageLinkMerger(threshold: 0.85).merge(
            centroids: Self.centroids(degrees: [0, 60, 130]),
            cellCount: 3,
            columnCount: 2
        )
        #expect(abs(steps[0].distance - 0.5) < 1e-6)
        #expect(steps[0].first == 0 && steps[0].second == 1)
        let expected = ((1 - cos(70 * Double.pi / 180)) + (1 - cos(130 * Double.pi / 180))) / 2
        #expect(abs(steps[1].distance - expected) < 1e-6)
        #expect(steps[1].cellCount == 3)
    }

    @Test func tiesGoToTheLowestPair() {
        // Three orthogonal cells: every pair is at distance exactly 1.
        let centroids: [Float] = [1, 0, 0, 0, 1, 0, 0, 0, 1]
        let (groups, steps) = AverageLinkMerger(threshold: 1).merge(centroids: centroids, cellCount: 3, columnCount: 3)
        #expect(steps.map(\.first) == [0, 3])
        #expect(steps.map(\.second) == [1, 2])
        #expect(steps.map(\.distance) == [1, 1])
        #expect(groups == [0, 0, 0])
    }

    @Test func thresholdControlsTheCut() {
        let centroids = Self.centroids(degrees: [0, 60, 130])
        let (tight, _) = AverageLinkMerger(threshold: 0.4).merge(centroids: centroids, cellCount: 3, columnCount: 2)
        let (loose, _) = AverageLinkMerger(threshold: 1.2).merge(centroids: centroids, cellCount: 3, columnCount: 2)
        #expect(tight == [0, 1, 2])
        #expect(loose == [0, 0, 0])
    }

    @Test func emptyCellsStayOutOfTheTree() {
        var centroids = Self.centroids(degrees: [0, 0, 90])
        centroids[2] = 0
        centroids[3] = 0  // cell 1 is empty
        let (groups, steps) = AverageLinkMerger(threshold: 0.85).merge(
            centroids: centroids,
            cellCount: 3,
            columnCount: 2
        )
        #expect(groups == [0, -1, 1])
        #expect(steps.count == 1)
        #expect(steps[0].first == 0 && steps[0].second == 2)
    }
}
