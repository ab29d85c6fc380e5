import PainmapClustering
import Testing

@Suite struct ClusteringMetricsTests {
    /// (truth, prediction, NMI, ARI) with the values scikit-learn 1.9.1 returns.
    static let cases: [([Int], [Int], Double, Double)] = [
        ([0, 0, 1, 1], [0, 0, 1, 1], 1, 1),
        ([0, 0, 1, 1], [1, 1, 0, 0], 1, 1),  // a permutation of the labels
        ([0, 0, 1, 1], [0, 1, 0, 1], 0, -0.5),
        ([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2], 0.5158037429793889, 0.24242424242424243),
        ([0, 0, 0, 0], [0, 0, 0, 0], 1, 1),
        ([0, 0, 0, 0], [0, 1, 2, 3], 0, 0),
        ([0, 1, 2, 3], [0, 1, 2, 3], 1, 1),
    ]

    @Test(arguments: cases)
    func matchesScikitLearn(truth: [Int], predicted: [Int], nmi: Double, ari: Double) {
        #expect(abs(ClusteringMetrics.normalizedMutualInformation(truth, predicted) - nmi) < 1e-12)
        #expect(abs(ClusteringMetrics.adjustedRandIndex(truth, predicted) - ari) < 1e-12)
    }

    @Test func handComputedAdjustedRandIndex() {
        // Contingency [[2, 1, 0], [0, 1, 2]]: Σ C(n_ij, 2) = 2, rows Σ C(3, 2) = 6, columns Σ C(2, 2) = 3,
        // C(6, 2) = 15, expected 6·3/15 = 1.2, maximum (6 + 3)/2 = 4.5: (2 − 1.2)/(4.5 − 1.2) = 8/33.
        let ari = ClusteringMetrics.adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])
        #expect(abs(ari - 8.0 / 33.0) < 1e-15)
    }

    @Test func labelTypesMayDiffer() {
        let truth = ["a", "a", "b", "b", "c", "c", "c"]
        let predicted = [1, 1, 1, 2, 2, 3, 3]
        #expect(abs(ClusteringMetrics.normalizedMutualInformation(truth, predicted) - 0.5636355530993447) < 1e-12)
        #expect(abs(ClusteringMetrics.adjustedRandIndex(truth, predicted) - 0.2125) < 1e-12)
    }

    @Test func emptyAndMismatchedInputs() {
        #expect(ClusteringMetrics.normalizedMutualInformation([Int](), [Int]()) == 1)
        #expect(ClusteringMetrics.adjustedRandIndex([Int](), [Int]()) == 1)
        #expect(ClusteringMetrics.normalizedMutualInformation([1, 2], [1]) == 0)
        #expect(ClusteringMetrics.adjustedRandIndex([1, 2], [1]) == 0)
    }
}
