/// How the pains of one batch were cut from the merge tree by stability (``ClusterConfiguration/MergeCut/stability``).
///
/// Every node of the average-link tree up to `τ` (a k-means cell or a merge of cells) is a candidate pain; its
/// stability is its best Jaccard overlap with a node of the tree of a re-clustered subsample, averaged over the
/// subsamples. Of the groups the fixed cut `τ` gives, each is kept or replaced by the sub-branches below it,
/// whichever holds more stable records (record-weighted stability summed).
public struct MergeStability: Sendable, Hashable {
    /// `τ`, the highest cut: no pain merges cells farther apart than this.
    public let upperThreshold: Double
    /// Groups of cells the cut at `τ` alone gives.
    public let groupsAtUpperThreshold: Int
    /// Groups of cells after the stability choice (at least ``groupsAtUpperThreshold``).
    public let groupCount: Int
    /// Groups at `τ` that were split into more stable branches.
    public let splitGroupCount: Int
    /// Record-weighted mean stability of the chosen groups, `0 ... 1`.
    public let meanStability: Double
    /// Record-weighted mean stability of the groups at `τ`, `0 ... 1`.
    public let meanStabilityAtUpperThreshold: Double
    /// Re-clustered subsamples the stabilities were measured on.
    public let replicateCount: Int
    /// Distinct rows in each subsample.
    public let replicateRowCount: Int

    /// Creates the account of a choice.
    ///
    /// - Parameters:
    ///   - upperThreshold: The highest cut `τ`.
    ///   - groupsAtUpperThreshold: Groups at `τ`.
    ///   - groupCount: Groups chosen.
    ///   - splitGroupCount: Groups at `τ` that were split.
    ///   - meanStability: Mean stability of the chosen groups.
    ///   - meanStabilityAtUpperThreshold: Mean stability of the groups at `τ`.
    ///   - replicateCount: Subsamples re-clustered.
    ///   - replicateRowCount: Distinct rows per subsample.
    public init(
        upperThreshold: Double,
        groupsAtUpperThreshold: Int,
        groupCount: Int,
        splitGroupCount: Int,
        meanStability: Double,
        meanStabilityAtUpperThreshold: Double,
        replicateCount: Int,
        replicateRowCount: Int
    ) {
        self.upperThreshold = upperThreshold
        self.groupsAtUpperThreshold = groupsAtUpperThreshold
        self.groupCount = groupCount
        self.splitGroupCount = splitGroupCount
        self.meanStability = meanStability
        self.meanStabilityAtUpperThreshold = meanStabilityAtUpperThreshold
        self.replicateCount = replicateCount
        self.replicateRowCount = replicateRowCount
    }
}
