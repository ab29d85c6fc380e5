/// How the previous period's records are spread over this period's clusters and the previous period's pains: the
/// evidence ``PainMatcher/match(previous:clusters:shared:)`` matches by.
///
/// Built by the caller from a joint clustering of both periods: each previous record's cluster in this run, and the
/// previous pain it belonged to (``PreviousPainOwnership``).
public struct SharedRecords: Sendable, Hashable {
    /// `counts[cluster][pain]`: previous records in the cluster that belonged to the previous pain.
    public let counts: [[Int]]
    /// Per cluster: whether it may continue a previous pain at all — `false` for a pain whose previous records are
    /// only noise (a new pain), which keeps a new id whatever its centroid resembles.
    public let mayContinue: [Bool]

    /// Collects the evidence.
    ///
    /// - Parameters:
    ///   - counts: Previous records per cluster and previous pain.
    ///   - mayContinue: Whether each cluster may continue a previous pain.
    public init(counts: [[Int]], mayContinue: [Bool]) {
        self.counts = counts
        self.mayContinue = mayContinue
    }

    /// Whether the cluster may continue a previous pain (`true` for a cluster the evidence does not cover).
    public func continues(_ cluster: Int) -> Bool {
        cluster < mayContinue.count ? mayContinue[cluster] : true
    }
}
