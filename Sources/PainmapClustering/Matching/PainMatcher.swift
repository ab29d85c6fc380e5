/// Carries pain ids from one period to the next by centroid cosine (`CLUSTERING.md` §2.11).
///
/// Greedy one-to-one matching: all (new, previous) pairs with cosine ≥ ``minimumSimilarity`` are taken
/// highest first; ties go to the lower new index, then the lower previous index, and an empty centroid
/// matches nothing. Centroids are compared by term string, so pains from separate runs with different
/// vocabularies still match. Cosines are summed in term order, so the matching does not depend on
/// dictionary iteration order.
///
/// ```swift
/// let matching = PainMatcher().match(previous: storedPains, clusters: result.clusters)
/// for (pain, id) in zip(result.clusters, matching.matchedIDs) { print(pain.title, id ?? "новая") }
/// ```
public struct PainMatcher: Sendable {
    /// The lowest cosine at which a new pain inherits a previous id (default 0.5).
    public var minimumSimilarity: Double
    /// More than this many shared previous records are needed to match by records (default 2, the noise floor).
    public var minimumSharedRecords: Int

    /// Creates a matcher.
    ///
    /// - Parameters:
    ///   - minimumSimilarity: Lowest cosine that still counts as the same pain.
    ///   - minimumSharedRecords: A pain must hold more than this many of a previous pain's records to continue it by
    ///     records.
    public init(minimumSimilarity: Double = 0.5, minimumSharedRecords: Int = 2) {
        self.minimumSimilarity = minimumSimilarity
        self.minimumSharedRecords = minimumSharedRecords
    }

    /// Matches new centroids to previous pains.
    ///
    /// - Parameters:
    ///   - previous: Last period's pains.
    ///   - current: This period's centroids, keyed by term.
    /// - Returns: The reused id (or `nil`) per current centroid, and the vanished previous ids.
    public func match(previous: [PreviousPain], current: [[String: Float]]) -> PainMatching {
        let old = previous.map { Self.unitSorted($0.centroid) }
        let new = current.map(Self.unitSorted)
        var pairs: [(similarity: Double, new: Int, old: Int)] = []
        for (i, a) in new.enumerated() where !a.isEmpty {
            for (j, b) in old.enumerated() where !b.isEmpty {
                let similarity = Self.dot(a, b)
                if similarity >= minimumSimilarity { pairs.append((similarity, i, j)) }
            }
        }
        pairs.sort {
            if $0.similarity != $1.similarity { return $0.similarity > $1.similarity }
            return $0.new != $1.new ? $0.new < $1.new : $0.old < $1.old
        }
        var matched = [String?](repeating: nil, count: current.count)
        var similarities = [Double?](repeating: nil, count: current.count)
        var taken = [Bool](repeating: false, count: previous.count)
        for pair in pairs where matched[pair.new] == nil && !taken[pair.old] {
            matched[pair.new] = previous[pair.old].id
            similarities[pair.new] = pair.similarity
            taken[pair.old] = true
        }
        let vanished = previous.indices.filter { !taken[$0] }.map { previous[$0].id }
        return PainMatching(matchedIDs: matched, similarities: similarities, vanishedIDs: vanished)
    }

    /// Matches a run's clusters to previous pains by the previous period's records they hold, then by centroid.
    ///
    /// When this period's clustering also grouped the previous period's records (a joint clustering of both), a pain
    /// continues the previous pain whose records it holds, however much it grew or shrank: its centroid may drift with
    /// its new records, its share of the previous pain's records does not. First pass: every (cluster, previous pain)
    /// pair where the cluster holds more than ``minimumSharedRecords`` of the previous pain's records and at least
    /// half of them, most shared records first (ties: the larger share of the previous pain's records, then lower
    /// cluster, then lower previous pain), one to one; a cluster
    /// that may not ``SharedRecords/continues`` takes no part. Second pass: ``match(previous:current:)``'s greedy
    /// centroid matching over the clusters and previous pains left, restricted to the clusters that may continue —
    /// unless no previous record was owned by any previous pain (the previous period's records are not available),
    /// when every cluster takes part as before.
    ///
    /// - Parameters:
    ///   - previous: Last period's pains.
    ///   - clusters: ``ClusteringResult/clusters`` of this period.
    ///   - shared: The previous period's records per cluster and previous pain.
    /// - Returns: One entry per cluster, `nil` for new pains and for «Прочее».
    public func match(previous: [PreviousPain], clusters: [PainCluster], shared: SharedRecords) -> PainMatching {
        let centroids = clusters.map { $0.isCatchAll ? [:] : $0.centroid }
        var owned = [Int](repeating: 0, count: previous.count)
        for row in shared.counts {
            for (pain, count) in row.enumerated() where pain < owned.count { owned[pain] += count }
        }
        guard owned.contains(where: { $0 > 0 }) else { return match(previous: previous, current: centroids) }
        var pairs: [(shared: Int, new: Int, old: Int)] = []
        for cluster in clusters where !cluster.isCatchAll && shared.continues(cluster.index) {
            guard cluster.index < shared.counts.count else { continue }
            for (pain, count) in shared.counts[cluster.index].enumerated() where pain < previous.count {
                if count > minimumSharedRecords && 2 * count >= owned[pain] {
                    pairs.append((count, cluster.index, pain))
                }
            }
        }
        pairs.sort {
            if $0.shared != $1.shared { return $0.shared > $1.shared }
            // The larger share of its previous pain's records: `a/A > b/B` without division.
            let (left, right) = ($0.shared * owned[$1.old], $1.shared * owned[$0.old])
            if left != right { return left > right }
            return $0.new != $1.new ? $0.new < $1.new : $0.old < $1.old
        }
        var matched = [String?](repeating: nil, count: clusters.count)
        var similarities = [Double?](repeating: nil, count: clusters.count)
        var taken = [Bool](repeating: false, count: previous.count)
        for pair in pairs where matched[pair.new] == nil && !taken[pair.old] {
            matched[pair.new] = previous[pair.old].id
            similarities[pair.new] = Self.dot(
                Self.unitSorted(centroids[pair.new]),
                Self.unitSorted(previous[pair.old].centroid)
            )
            taken[pair.old] = true
        }
        // The rest by centroid, among the clusters that may continue a pain and the previous pains not yet taken.
        let open = clusters.indices.filter { matched[$0] == nil && shared.continues($0) }
        let left = previous.indices.filter { !taken[$0] }
        let rest = match(previous: left.map { previous[$0] }, current: open.map { centroids[$0] })
        for (position, cluster) in open.enumerated() {
            guard let id = rest.matchedIDs[position] else { continue }
            matched[cluster] = id
            similarities[cluster] = rest.similarities[position]
        }
        let used = Set(matched.compactMap { $0 })
        return PainMatching(
            matchedIDs: matched,
            similarities: similarities,
            vanishedIDs: previous.map(\.id).filter { !used.contains($0) }
        )
    }

    /// Matches a run's clusters to previous pains; «Прочее» never inherits an id.
    ///
    /// - Parameters:
    ///   - previous: Last period's pains.
    ///   - clusters: ``ClusteringResult/clusters`` of this period.
    /// - Returns: One entry per cluster, `nil` for new pains and for «Прочее».
    public func match(previous: [PreviousPain], clusters: [PainCluster]) -> PainMatching {
        let centroids = clusters.map { $0.isCatchAll ? [:] : $0.centroid }
        return match(previous: previous, current: centroids)
    }

    /// The cosine of two centroids keyed by term (0 when either is empty), summed in term order.
    public static func cosine(_ a: [String: Float], _ b: [String: Float]) -> Double {
        dot(unitSorted(a), unitSorted(b))
    }

    /// Terms sorted by string with weights scaled to unit length (empty for a zero vector).
    private static func unitSorted(_ centroid: [String: Float]) -> [(term: String, weight: Double)] {
        let sorted = centroid.map { (term: $0.key, weight: Double($0.value)) }.sorted { $0.term < $1.term }
        var squares: Double = 0
        for entry in sorted { squares += entry.weight * entry.weight }
        guard squares > 0 else { return [] }
        let scale = 1 / squares.squareRoot()
        return sorted.map { ($0.term, $0.weight * scale) }
    }

    /// Dot product of two term-sorted vectors.
    private static func dot(_ a: [(term: String, weight: Double)], _ b: [(term: String, weight: Double)]) -> Double {
        var i = 0
        var j = 0
        var sum: Double = 0
        while i < a.count, j < b.count {
            if a[i].term == b[j].term {
                sum += a[i].weight * b[j].weight
                i += 1
                j += 1
            } else if a[i].term < b[j].term {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}
