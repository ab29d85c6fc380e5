extension ClusterConfiguration {
    /// How the engine chooses where the average-link merge of k-means cells stops.
    public enum MergeCut: String, Sendable, CaseIterable {
        /// At ``ClusterConfiguration/mergeThreshold`` (`τ`), the same for every batch.
        case fixed
        /// At `τ` at most, and lower in the branches that are more stable than the group above them across
        /// re-clustered subsamples of the batch (``MergeStability``).
        case stability
    }
}
