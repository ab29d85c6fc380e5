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

    /// (truth, prediction, AMI) with the values scikit-learn 1.9.1's `adjusted_mutual_info_score` returns.
    static let amiCases: [([Int], [Int], Double)] = [
        ([0, 0, 1, 1], [0, 0, 1, 1], 1),
        ([0, 0, 1, 1], [1, 1, 0, 0], 1),
        ([0, 0, 1, 1], [0, 1, 0, 1], -0.49999999999999944),
        ([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2], 0.2987924581708901),
        ([0, 0, 0, 0], [0, 0, 0, 0], 1),
        ([0, 0, 0, 0], [0, 1, 2, 3], 0),
        ([0, 1, 2, 3], [0, 1, 2, 3], 1),
        ((0..<300).map { $0 % 5 }, (0..<300).map { $0 % 3 != 0 ? $0 % 5 : ($0 * 7) % 6 }, 0.5191098036409596),
    ]

    @Test(arguments: amiCases)
    func adjustedMutualInformationMatchesScikitLearn(truth: [Int], predicted: [Int], ami: Double) {
        #expect(abs(ClusteringMetrics.adjustedMutualInformation(truth, predicted) - ami) < 1e-9)
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

@Suite struct ClusteringMetricsDenseTableTests {
    /// Small integer labels take an array-based contingency table; it must give the very same numbers
    /// as the dictionary-based one other label types use.
    @Test func int32LabelsScoreExactlyAsOtherLabelTypes() {
        var state: UInt64 = 99
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let truth = (0..<5_000).map { _ in Int32(next(12)) }
        let predicted = truth.map { label in next(5) == 0 ? Int32(next(20)) - 1 : label }  // includes -1
        let truthStrings = truth.map(String.init)
        let predictedStrings = predicted.map(String.init)
        #expect(
            ClusteringMetrics.normalizedMutualInformation(truth, predicted)
                == ClusteringMetrics.normalizedMutualInformation(truthStrings, predictedStrings)
        )
        #expect(
            ClusteringMetrics.adjustedRandIndex(truth, predicted)
                == ClusteringMetrics.adjustedRandIndex(truthStrings, predictedStrings)
        )
        #expect(ClusteringMetrics.adjustedRandIndex(truth, truth) == 1)
    }
}
