/// One pain found in a batch, or the «Прочее» catch-all.
public struct PainCluster: Sendable {
    /// Position in ``ClusteringResult/clusters`` and the value ``ClusteringResult/assignments`` uses.
    public let index: Int
    /// Whether this is «Прочее»: records far from every pain and pains below the minimum size.
    public let isCatchAll: Bool
    /// Raw records in the pain (document weights summed, duplicates counted).
    public let size: Int
    /// Input documents in the pain.
    public let documentCount: Int
    /// The unit centroid's strongest terms (at most ``ClusterConfiguration/centroidTermCount``), keyed by
    /// term (a stem, or two stems joined by a space), for matching pains across separate runs.
    public let centroid: [String: Float]
    /// Keywords, best first, as surface forms.
    public let keywords: [ClusterKeyword]
    /// The most central short document's text, or «Прочее» for the catch-all.
    public let title: String
    /// Ids of the documents nearest the centroid, preferring distinct wording.
    public let representativeDocumentIDs: [String]
    /// The k-means cells merged into this pain (node ids of ``ClusteringResult/mergeTree``).
    public let cells: [Int]
    /// Mean cosine of the pain's records to its centroid, weighted by records (cohesion, `0 ... 1`).
    public let meanSimilarity: Double

    /// Creates a pain; the engine does this, tests and stores may too.
    ///
    /// - Parameters:
    ///   - index: Position in the result's cluster list.
    ///   - isCatchAll: Whether this is «Прочее».
    ///   - size: Raw records.
    ///   - documentCount: Input documents.
    ///   - centroid: Strongest centroid terms and weights.
    ///   - keywords: Keywords, best first.
    ///   - title: Display title.
    ///   - representativeDocumentIDs: Representative document ids.
    ///   - cells: Merged k-means cells.
    ///   - meanSimilarity: Weighted mean cosine to the centroid.
    public init(
        index: Int,
        isCatchAll: Bool,
        size: Int,
        documentCount: Int,
        centroid: [String: Float],
        keywords: [ClusterKeyword],
        title: String,
        representativeDocumentIDs: [String],
        cells: [Int],
        meanSimilarity: Double
    ) {
        self.index = index
        self.isCatchAll = isCatchAll
        self.size = size
        self.documentCount = documentCount
        self.centroid = centroid
        self.keywords = keywords
        self.title = title
        self.representativeDocumentIDs = representativeDocumentIDs
        self.cells = cells
        self.meanSimilarity = meanSimilarity
    }
}
