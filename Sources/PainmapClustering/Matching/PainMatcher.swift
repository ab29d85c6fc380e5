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

    /// Creates a matcher.
    ///
    /// - Parameter minimumSimilarity: Lowest cosine that still counts as the same pain.
    public init(minimumSimilarity: Double = 0.5) {
        self.minimumSimilarity = minimumSimilarity
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
