extension ClusterConfiguration {
    /// How the engine chooses where the average-link merge of k-means cells stops.
    public enum MergeCut: String, Sendable, CaseIterable {
        /// At ``ClusterConfiguration/mergeThreshold`` (`τ`), the same for every batch.
        case fixed
        /// At the candidate cut whose pains are most stable across re-clustered subsamples of the batch
        /// (``MergeStability``); the candidates are ``ClusterConfiguration/stabilityCandidates``.
        case stability
    }

    /// The candidate cuts the stability criterion chooses from: 0.60 to 0.90 by 0.025.
    public static let defaultStabilityCandidates: [Double] = (0...12).map { 0.60 + 0.025 * Double($0) }
}
