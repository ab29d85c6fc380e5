/// The `--summary` JSON of `painmap cluster`: every cluster with its size, label, keywords and quotes.
///
/// Keys are `snake_case` and sorted, numbers are plain JSON numbers, so the same input and options give the
/// same bytes at any thread count. Shares are fractions of all data rows, rows without content included.
/// Quotes and labels are texts exactly as in the input: nothing is redacted yet.
public struct ClusterSummary: Codable, Sendable, Equatable {
    /// One cluster: a pain, or «Прочее».
    public struct Cluster: Codable, Sendable, Equatable {
        /// The value in the `cluster` column of the assignments.
        public var cluster: Int
        /// Whether this is «Прочее» (texts far from every pain, and pains below the minimum size).
        public var isCatchAll: Bool
        /// The label: the most central short text, whitespace collapsed; «Прочее» for the catch-all.
        public var label: String
        /// Data rows in the cluster.
        public var size: Int
        /// `size` over all data rows.
        public var share: Double
        /// c-TF-IDF keywords, best first, as surface forms («детский сад», «очереди»).
        public var keywords: [String]
        /// Up to three texts nearest the centroid, preferring distinct wording.
        public var quotes: [Quote]

        enum CodingKeys: String, CodingKey {
            case cluster, label, size, share, keywords, quotes
            case isCatchAll = "is_catch_all"
        }
    }

    /// A representative text and the id of its row.
    public struct Quote: Codable, Sendable, Equatable {
        /// The row's id.
        public var id: String
        /// The text exactly as in the input.
        public var text: String
    }

    /// The run's parameters, resolved.
    public struct Parameters: Codable, Sendable, Equatable {
        /// The id column.
        public var idColumn: String
        /// The text column.
        public var textColumn: String
        /// The field separator.
        public var delimiter: String
        /// The encoding the file was read with (`utf-8`, `utf-8-bom`, `cp1251`).
        public var encoding: String
        /// `--k` as given: `auto` or a number.
        public var k: String
        /// k-means cells actually used (`k0`).
        public var cells: Int
        /// Minimum document frequency of a term.
        public var minDocumentFrequency: Int
        /// Maximum document frequency of a term, as a fraction.
        public var maxDocumentFrequency: Double
        /// `τ`, the average-link cosine distance up to which cells merge.
        public var mergeThreshold: Double
        /// `θ`, the cosine below which a text goes to «Прочее».
        public var catchAllThreshold: Double
        /// Latent dimensions the texts were clustered in (`--latent-dimensions`); `0` for the term space.
        public var latentDimensions: Int = 0
        /// Where the merge stopped: `fixed` (at `merge_threshold`) or `stability`.
        public var mergeCut: String = "fixed"
        /// Passes that moved every text to its nearest pain centroid after the merge.
        public var refinementPasses: Int = 2
        /// The text profile applied: `messages` or `letters` (`--profile`).
        public var profile: String = "messages"
        /// The median analyzed words per text that `--profile auto` chose by; `nil` when the profile was given.
        public var medianWords: Int?
        /// Smallest pain, in rows; smaller ones go to «Прочее».
        public var minimumPainSize: Int
        /// k-means restarts.
        public var restarts: Int
        /// The random seed.
        public var seed: UInt64

        enum CodingKeys: String, CodingKey {
            case idColumn = "id_column"
            case textColumn = "text_column"
            case delimiter, encoding, k, cells
            case minDocumentFrequency = "min_df"
            case maxDocumentFrequency = "max_df"
            case mergeThreshold = "merge_threshold"
            case catchAllThreshold = "catch_all_threshold"
            case latentDimensions = "latent_dimensions"
            case mergeCut = "merge_cut"
            case refinementPasses = "refinement_passes"
            case profile
            case medianWords = "median_words"
            case minimumPainSize = "minimum_pain_size"
            case restarts, seed
        }
    }

    /// Agreement with a truth column.
    public struct Metrics: Codable, Sendable, Equatable {
        /// The truth column.
        public var truthColumn: String
        /// Normalized mutual information (arithmetic), over all rows.
        public var nmi: Double
        /// Adjusted Rand index, over all rows.
        public var ari: Double
        /// Adjusted mutual information (arithmetic), over all rows.
        public var ami: Double

        enum CodingKeys: String, CodingKey {
            case truthColumn = "truth_column"
            case nmi, ari, ami
        }
    }

    /// The input file's name (without directories).
    public var input: String
    /// Data rows read.
    public var rows: Int
    /// Distinct analyzed texts (identical word sequences counted once).
    public var distinctTexts: Int
    /// Pains, without «Прочее».
    public var pains: Int
    /// Rows in «Прочее» over all data rows.
    public var catchAllShare: Double
    /// Rows with no usable text (cluster `-1`).
    public var noContent: Int
    /// FNV-1a 64 of the `cluster` column, as 16 hex digits: equal hashes mean equal assignments.
    public var assignmentHash: String
    /// The parameters.
    public var parameters: Parameters
    /// NMI and ARI against the truth column, when one was given.
    public var metrics: Metrics?
    /// Pains by size, then «Прочее».
    public var clusters: [Cluster]

    enum CodingKeys: String, CodingKey {
        case input, rows, pains, parameters, metrics, clusters
        case distinctTexts = "distinct_texts"
        case catchAllShare = "catch_all_share"
        case noContent = "no_content"
        case assignmentHash = "assignment_hash"
    }
}
