import PainmapClustering
import PainmapCore
import PainmapText

/// The pains of one life situation in one region and quarter, and how each changed since the previous quarter.
///
/// The records of both quarters are clustered together, so that one pain has one definition and its two counts are
/// measured with the same yardstick: a pain with no records last quarter is new, one with none this quarter has
/// vanished. Pains then take the id of the stored previous-quarter pain whose records they hold (at least half of
/// them, each previous record given to the stored pain whose centroid is nearest), else of the one whose centroid
/// they match (cosine ≥ 0.5), or a new id, so a pain keeps its id from quarter to quarter however much it grows; a
/// pain whose previous-quarter records are noise («новая») always takes a new id. On a rerun of the quarter, a pain no previous one
/// matches takes, by the same matching, the id of the pain it replaces (the quarter's pains the last run stored), so
/// the analysts' decisions, kept by pain id, re-attach to it; a new id never reuses a replaced pain's.
struct SituationAnalysis: Sendable {
    /// One pain (not «Прочее») with the records in it.
    struct Pain: Sendable {
        /// The engine's cluster.
        let cluster: PainCluster
        /// Indices into ``SituationAnalysis/records`` of this quarter's counted records, in record order.
        let members: [Int]
        /// Records of the previous quarter in the pain.
        let previousCount: Int
        /// The pain id: the matched previous pain's, or a new one (`<quarter>-<NN>`).
        let id: String
        /// The previous quarter's pain it continues, if any.
        let previous: StoredPain?
        /// When the pain took a new id: the previous quarter's pain it split off (most of its previous-quarter records
        /// belonged to it), if any.
        let predecessorID: String?
    }

    /// The situation's records of the quarter, in store order, folded ones included: a view of the region's records,
    /// not a copy.
    let records: RecordSelection
    /// Records of either quarter folded into a complaint counted from another channel: clustered, never counted.
    let folded: Set<RecordID>
    /// The records of the quarter that are counted: one per complaint.
    var counted: RecordSelection {
        guard !folded.isEmpty else { return records }
        return RecordSelection(
            base: records.base,
            positions: records.positions.filter { !folded.contains(records.base.id(at: $0)) }
        )
    }
    /// The situation's records of the previous quarter.
    let previousRecordCount: Int
    /// Pains in the engine's order.
    let pains: [Pain]
    /// Indices of this quarter's records in «Прочее».
    let otherMembers: [Int]
    /// Indices of this quarter's records without words to cluster (ratings only, or nothing but stop words).
    let withoutText: [Int]
    /// The engine's statistics, for the methodology note.
    let statistics: ClusteringStatistics

    /// Below this many records (both quarters) no word is dropped for being in too many of them.
    static let smallBatch = 50

    /// Clusters both quarters' records together and names the pains.
    ///
    /// - Parameters:
    ///   - records: The situation's records of the quarter.
    ///   - previousRecords: The situation's records of the previous quarter.
    ///   - documents: Their analyzed words: this quarter's records, then the previous quarter's, in that order, each
    ///     grouped by its channel (``AnalyzedTexts``).
    ///   - quarter: The quarter, for new pain ids.
    ///   - previous: The stored pains of the same region and situation in the previous quarter.
    ///   - replaced: On a rerun, the pains of the same region, situation and quarter the last run stored.
    ///   - configuration: Clustering parameters.
    ///   - noise: The noise floor of new and vanished pains: a pain whose previous records are noise is new, and
    ///     never continues a previous pain.
    ///   - folded: Records of either quarter folded into a complaint counted from another channel
    ///     (``CrossChannelLinker``). They are clustered like the others — so that collapsing a few records does not
    ///     reshape the pains — but counted nowhere.
    init(
        records: RecordSelection,
        previousRecords: RecordSelection,
        documents: InternedDocuments,
        quarter: Quarter,
        previous: [StoredPain],
        replaced: [StoredPain] = [],
        configuration: ClusterConfiguration,
        noise: AnalysisConfiguration = AnalysisConfiguration(),
        folded: Set<RecordID> = []
    ) {
        self.records = records
        self.folded = folded
        previousRecordCount = previousRecords.indices.reduce(0) {
            $0 + (folded.contains(previousRecords.id(at: $1)) ? 0 : 1)
        }
        // This quarter's records first: their order is the engine's tie-break, so they also give titles and quotes.
        // The engine's title and representatives read the content only: an operator's frame and answer never name
        // a pain (`OperatorPhrasing`), and only the few title candidates' contents are ever computed. The channel is
        // the group, so representatives spread over channels.
        let phrasing = OperatorPhrasing()
        let currentCount = records.count
        func id(_ document: Int) -> RecordID {
            document < currentCount ? records.id(at: document) : previousRecords.id(at: document - currentCount)
        }
        func text(_ document: Int) -> String {
            document < currentCount ? records.text(at: document) : previousRecords.text(at: document - currentCount)
        }
        // A small situation is often one problem told a dozen ways: words in most of its records are then its
        // subject, not noise, so the ceiling on document frequency only applies from `smallBatch` records up.
        var configuration = configuration
        if documents.count < Self.smallBatch { configuration.maxDocumentFrequency = 1 }
        let result = ClusterEngine(configuration: configuration).cluster(
            documents,
            documentID: { $0 < currentCount ? String($0) : "p\($0 - currentCount)" },
            quoteText: { phrasing.content(of: text($0)) }
        )
        var members = [[Int]](repeating: [], count: result.clusters.count)
        var previousCounts = [Int](repeating: 0, count: result.clusters.count)
        var withoutText: [Int] = []
        for (index, cluster) in result.assignments.enumerated() {
            let current = index < currentCount
            if !folded.isEmpty, folded.contains(id(index)) { continue }
            if cluster == ClusteringResult.noContent {
                if current { withoutText.append(index) }
            } else if current {
                members[cluster].append(index)
            } else {
                previousCounts[cluster] += 1
            }
        }
        // A pain continues the previous pain whose records it holds (found again from the stored centroids), then, for
        // the rest, the one its centroid matches; a pain whose previous records are noise is new either way.
        let previousPains = previous.map { PreviousPain(id: $0.id, centroid: $0.centroid) }
        let owners = PreviousPainOwnership(previous: previousPains).owners(
            of: documents,
            in: currentCount..<documents.count
        )
        var shared = [[Int]](repeating: [Int](repeating: 0, count: previous.count), count: result.clusters.count)
        for (position, owner) in owners.enumerated() {
            let cluster = result.assignments[currentCount + position]
            guard let owner, cluster != ClusteringResult.noContent,
                !folded.contains(previousRecords[position].id)
            else { continue }
            shared[cluster][owner] += 1
        }
        let matcher = PainMatcher()
        let matching = matcher.match(
            previous: previousPains,
            clusters: result.clusters,
            shared: SharedRecords(
                counts: shared,
                mayContinue: result.clusters.indices.map {
                    !noise.isNoise(previousCounts[$0], against: members[$0].count)
                }
            )
        )
        // A pain that took no previous id, but whose previous records mostly belonged to one previous pain and whose
        // centroid matches that pain's (cosine ≥ 0.5, as for ids), split off it — that pain's id went to another of its
        // continuations: it is that pain's successor for the decisions.
        let predecessors = result.clusters.indices.map { index -> Int? in
            guard !result.clusters[index].isCatchAll,
                !noise.isNoise(previousCounts[index], against: members[index].count)
            else { return nil }
            var best: Int?
            for (pain, count) in shared[index].enumerated() where count > (best.map { shared[index][$0] } ?? 0) {
                best = pain
            }
            guard let best, shared[index][best] > matcher.minimumSharedRecords,
                2 * shared[index][best] >= previousCounts[index],
                PainMatcher.cosine(result.clusters[index].centroid, previous[best].centroid)
                    >= matcher.minimumSimilarity
            else { return nil }
            return best
        }
        let previousByID = Dictionary(previous.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ids = Self.ids(
            clusters: result.clusters,
            continuing: matching.matchedIDs,
            replaced: replaced.filter { previousByID[$0.id] == nil },
            quarter: quarter
        )
        var pains: [Pain] = []
        for cluster in result.clusters where !cluster.isCatchAll {
            let matched = matching.matchedIDs[cluster.index]
            let id = ids[cluster.index]
            pains.append(
                Pain(
                    cluster: cluster,
                    members: members[cluster.index],
                    previousCount: previousCounts[cluster.index],
                    id: id,
                    previous: matched.flatMap { previousByID[$0] },
                    predecessorID: matched == nil ? predecessors[cluster.index].map { previous[$0].id } : nil
                )
            )
        }
        self.pains = pains
        otherMembers = result.catchAllIndex.map { members[$0] } ?? []
        self.withoutText = withoutText
        statistics = result.statistics
    }

    /// Each cluster's pain id: the previous pain's it continues; else, on a rerun, the replaced pain's it matches
    /// (cosine ≥ 0.5, same greedy matching); else `<quarter>-<NN>` by cluster position, skipping every id a replaced
    /// pain had, so a decision on a pain that is gone is never attached to a different one.
    static func ids(
        clusters: [PainCluster],
        continuing: [String?],
        replaced: [StoredPain],
        quarter: Quarter
    ) -> [String] {
        func newID(_ number: Int) -> String { "\(quarter)-\(number < 10 ? "0" : "")\(number)" }
        var ids = clusters.map { continuing[$0.index] ?? newID($0.index + 1) }
        guard !replaced.isEmpty else { return ids }
        let open = clusters.filter { !$0.isCatchAll && continuing[$0.index] == nil }
        let rematch = PainMatcher().match(
            previous: replaced.map { PreviousPain(id: $0.id, centroid: $0.centroid) },
            clusters: open
        )
        var reserved = Set(replaced.map(\.id)).union(continuing.compactMap { $0 })
        var unnamed: [Int] = []
        for (position, cluster) in open.enumerated() {
            if let id = rematch.matchedIDs[position] {
                ids[cluster.index] = id
            } else {
                unnamed.append(cluster.index)
            }
        }
        var number = 1
        for index in unnamed {
            let natural = newID(index + 1)
            if !reserved.contains(natural) {
                ids[index] = natural
            } else {
                while reserved.contains(newID(number)) || clusters.indices.contains(number - 1) { number += 1 }
                ids[index] = newID(number)
            }
            reserved.insert(ids[index])
        }
        return ids
    }
}

/// Some records of a region, picked by index: a view of the region's array, so a situation's records are not copied.
struct RecordSelection: RandomAccessCollection, Sendable {
    /// The region's records.
    let base: AnalysisRecords
    /// The picked records' indices in ``base``, in order.
    let positions: [Int]

    var startIndex: Int { 0 }
    var endIndex: Int { positions.count }

    subscript(position: Int) -> ClassifiedRecord { base[positions[position]] }

    /// The id of the picked record at a position, without building the record.
    func id(at position: Int) -> RecordID { base.id(at: positions[position]) }
    /// The text of the picked record at a position, without building the record.
    func text(at position: Int) -> String { base.text(at: positions[position]) }
    /// The channel of the picked record at a position, without building the record.
    func source(at position: Int) -> SourceKind { base.source(at: positions[position]) }
}
