/// How the merge cut `τ` of one batch was chosen by stability (``ClusterConfiguration/MergeCut/stability``).
///
/// For every candidate cut, the mean adjusted Rand index between the partitions that cut gives on re-clustered
/// subsamples of the batch (and on the batch itself), over the records they share. The chosen cut is the most
/// stable one.
public struct MergeStability: Sendable, Hashable {
    /// Candidate cuts, ascending.
    public let candidates: [Double]
    /// Mean pairwise adjusted Rand index of each candidate, `-1 ... 1` (`1`: every replicate agrees).
    public let stability: [Double]
    /// The position of the chosen cut in ``candidates``.
    public let chosenIndex: Int
    /// Re-clustered subsamples compared with each other and with the batch's own partition.
    public let replicateCount: Int
    /// Distinct rows in each subsample.
    public let replicateRowCount: Int

    /// Creates the account of a choice.
    ///
    /// - Parameters:
    ///   - candidates: Candidate cuts, ascending.
    ///   - stability: Mean adjusted Rand index per candidate.
    ///   - chosenIndex: Position of the chosen cut.
    ///   - replicateCount: Subsamples re-clustered.
    ///   - replicateRowCount: Distinct rows per subsample.
    public init(
        candidates: [Double],
        stability: [Double],
        chosenIndex: Int,
        replicateCount: Int,
        replicateRowCount: Int
    ) {
        self.candidates = candidates
        self.stability = stability
        self.chosenIndex = chosenIndex
        self.replicateCount = replicateCount
        self.replicateRowCount = replicateRowCount
    }

    /// The chosen cut `τ`.
    public var chosenThreshold: Double { candidates[chosenIndex] }
    /// The stability of the chosen cut.
    public var chosenStability: Double { stability[chosenIndex] }
}
