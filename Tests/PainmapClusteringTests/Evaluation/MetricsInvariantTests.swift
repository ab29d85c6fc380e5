import PainmapClustering
import Testing

/// Invariants of the evaluation metrics that the clustering benchmark relies on.
@Suite struct MetricsInvariantTests {
    @Test func relabelingDoesNotChangeAPerfectScore() {
        let truth = ["a", "a", "b", "b", "c", "c"]
        let predicted = [7, 7, 3, 3, 9, 9]
        #expect(abs(ClusteringMetrics.normalizedMutualInformation(truth, predicted) - 1) < 1e-9)
        #expect(abs(ClusteringMetrics.adjustedRandIndex(truth, predicted) - 1) < 1e-9)
    }

    @Test func matchesScikitLearnOnASmallExample() {
        // sklearn: normalized_mutual_info_score([0,0,1,1], [0,0,1,2]) = 0.8, adjusted_rand_score(...) = 0.5714285714
        let truth = [0, 0, 1, 1]
        let predicted = [0, 0, 1, 2]
        #expect(abs(ClusteringMetrics.normalizedMutualInformation(truth, predicted) - 0.8) < 1e-6)
        #expect(abs(ClusteringMetrics.adjustedRandIndex(truth, predicted) - 0.5714285714) < 1e-6)
    }
}
