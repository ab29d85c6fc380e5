/// Figures about one run, for logs, benchmarks and reports.
public struct ClusteringStatistics: Sendable, Hashable {
    /// Raw records with at least one token (`N` of the size rules).
    public let contentRecordCount: Int
    /// Distinct token sequences after collapsing duplicates.
    public let distinctRowCount: Int
    /// Distinct rows that kept at least one term and were clustered.
    public let clusteredRowCount: Int
    /// Terms (unigrams and bigrams) after `min_df` / `max_df` pruning.
    public let vocabularySize: Int
    /// Stored values of the TF-IDF matrix.
    public let nonzeroCount: Int
    /// The `min_df` applied.
    public let minDocumentFrequency: Int
    /// The minimum pain size applied.
    public let minimumPainSize: Int
    /// k-means cells (`k0` after capping).
    public let cellCount: Int
    /// The winning restart.
    public let restart: Int
    /// Lloyd iterations of the winning restart.
    public let iterations: Int
    /// The winning restart's objective (weighted sum of cosines).
    public let objective: Double

    /// k-means cells that started from ``ClusterConfiguration/seedPains`` and
    /// ``ClusterConfiguration/previousCentroids`` (those with a term in this batch's vocabulary).
    public let seededCellCount: Int
    /// Documents the engine clustered when it clustered a sample (``ClusterConfiguration/sampleAbove``), `nil` when
    /// it clustered the whole batch; the figures above are then the sample's.
    public let sampledDocumentCount: Int?
    /// The merge cut `τ` the pains were formed at.
    public let mergeThreshold: Double
    /// How ``mergeThreshold`` was chosen by stability, `nil` when it was the fixed ``ClusterConfiguration/mergeThreshold``.
    public let mergeStability: MergeStability?
    /// Latent dimensions k-means, the merge and the partition ran in (``ClusterConfiguration/latentDimensions``, at
    /// most the rows and terms of the batch); `0` when they ran in the term space.
    public let latentDimensions: Int

    /// Creates statistics.
    ///
    /// - Parameters:
    ///   - contentRecordCount: Raw records with tokens.
    ///   - distinctRowCount: Distinct token sequences.
    ///   - clusteredRowCount: Distinct rows clustered.
    ///   - vocabularySize: Terms kept.
    ///   - nonzeroCount: Matrix nonzeros.
    ///   - minDocumentFrequency: `min_df` applied.
    ///   - minimumPainSize: Minimum pain size applied.
    ///   - cellCount: k-means cells.
    ///   - restart: Winning restart.
    ///   - iterations: Its iterations.
    ///   - objective: Its objective.
    ///   - seededCellCount: Cells seeded from analysts' pains and previous centroids.
    ///   - sampledDocumentCount: Documents clustered when the engine clustered a sample.
    ///   - mergeThreshold: The merge cut applied.
    ///   - mergeStability: How it was chosen by stability, if it was.
    ///   - latentDimensions: The latent dimensions clustered in, `0` for the term space.
    public init(
        contentRecordCount: Int,
        distinctRowCount: Int,
        clusteredRowCount: Int,
        vocabularySize: Int,
        nonzeroCount: Int,
        minDocumentFrequency: Int,
        minimumPainSize: Int,
        cellCount: Int,
        restart: Int,
        iterations: Int,
        objective: Double,
        seededCellCount: Int = 0,
        sampledDocumentCount: Int? = nil,
        mergeThreshold: Double = 0.85,
        mergeStability: MergeStability? = nil,
        latentDimensions: Int = 0
    ) {
        self.contentRecordCount = contentRecordCount
        self.distinctRowCount = distinctRowCount
        self.clusteredRowCount = clusteredRowCount
        self.vocabularySize = vocabularySize
        self.nonzeroCount = nonzeroCount
        self.minDocumentFrequency = minDocumentFrequency
        self.minimumPainSize = minimumPainSize
        self.cellCount = cellCount
        self.restart = restart
        self.iterations = iterations
        self.objective = objective
        self.seededCellCount = seededCellCount
        self.sampledDocumentCount = sampledDocumentCount
        self.mergeThreshold = mergeThreshold
        self.mergeStability = mergeStability
        self.latentDimensions = latentDimensions
    }
}
