/// The pains of one batch and where every input document went.
public struct ClusteringResult: Sendable {
    /// The assignment of a document with no content («без содержания»).
    ///
    /// No token survived analysis and pruning; such documents are counted, never clustered.
    public static let noContent = -1

    /// For each input document, in input order: an index into ``clusters`` or ``noContent``.
    public let assignments: [Int]
    /// Pains ordered by size (descending), then lowest document index; «Прочее» last when present.
    public let clusters: [PainCluster]
    /// Index of «Прочее» in ``clusters``, or `nil` when no record went there.
    public let catchAllIndex: Int?
    /// Raw records without content.
    public let noContentCount: Int
    /// Raw records in the batch (document weights summed).
    public let recordCount: Int
    /// For each input document, its k-means cell (a leaf of ``mergeTree``), or ``noContent``.
    public let cellAssignments: [Int]
    /// The full average-link tree over the k-means cells; steps at or below `τ` formed the pains.
    public let mergeTree: [MergeStep]
    /// Run figures.
    public let statistics: ClusteringStatistics
    /// FNV-1a 64 of ``assignments`` as 16 hex digits; equal hashes mean equal assignments.
    public let assignmentHash: String

    /// Creates a result and computes its ``assignmentHash``.
    ///
    /// - Parameters:
    ///   - assignments: Cluster index or ``noContent`` per document.
    ///   - clusters: Pains, then «Прочее».
    ///   - catchAllIndex: Index of «Прочее», if present.
    ///   - noContentCount: Raw records without content.
    ///   - recordCount: Raw records in the batch.
    ///   - cellAssignments: k-means cell per document.
    ///   - mergeTree: The merge tree.
    ///   - statistics: Run figures.
    public init(
        assignments: [Int],
        clusters: [PainCluster],
        catchAllIndex: Int?,
        noContentCount: Int,
        recordCount: Int,
        cellAssignments: [Int],
        mergeTree: [MergeStep],
        statistics: ClusteringStatistics
    ) {
        self.assignments = assignments
        self.clusters = clusters
        self.catchAllIndex = catchAllIndex
        self.noContentCount = noContentCount
        self.recordCount = recordCount
        self.cellAssignments = cellAssignments
        self.mergeTree = mergeTree
        self.statistics = statistics
        assignmentHash = Self.assignmentHash(of: assignments)
    }

    /// Raw records in «Прочее».
    public var catchAllCount: Int {
        catchAllIndex.map { clusters[$0].size } ?? 0
    }

    /// The share of raw records in «Прочее», `0 ... 1`.
    public var catchAllShare: Double {
        recordCount > 0 ? Double(catchAllCount) / Double(recordCount) : 0
    }

    /// The pains proper, without «Прочее».
    public var pains: ArraySlice<PainCluster> {
        clusters[0..<(catchAllIndex ?? clusters.count)]
    }

    /// FNV-1a 64 over each assignment's 4 little-endian bytes (as `Int32`), as 16 lowercase hex digits.
    ///
    /// - Parameter assignments: Any label array.
    /// - Returns: The hash, stable across platforms and runs.
    public static func assignmentHash(of assignments: [Int]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for label in assignments {
            let bits = UInt32(bitPattern: Int32(truncatingIfNeeded: label))
            for shift in stride(from: 0, to: 32, by: 8) {
                hash ^= UInt64((bits >> UInt32(shift)) & 0xFF)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
