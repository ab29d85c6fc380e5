internal import Foundation

/// Parameters of one clustering run; every default follows `CLUSTERING.md` §2.
///
/// The rules that depend on the batch size take `N`, a number of raw records (document weights
/// summed): for `min_df`, the records with at least one token; for `k0` and the minimum pain size, the
/// records that still have a term after pruning (the ones actually clustered):
///
/// - over-clustering `k0 = clamp(round(2√N), 20, 200)`, capped at the number of distinct rows;
/// - `min_df = max(3, N / 5000)` from 1,000 records up, and `2` below: real slices of 50–999 records
///   would lose most of their vocabulary at 3, while a term seen in one record can never link two
///   records, so 2 is the floor;
/// - minimum pain size `max(3, N / 200)` (0.5% of the batch).
///
/// `θ` and `τ` were chosen on synthetic data; calibrate them per life situation on labelled data.
public struct ClusterConfiguration: Sendable, Equatable {
    /// The over-clustering size `k0`; `nil` applies the `clamp(round(2√N), 20, 200)` rule.
    public var k: Int?
    /// The minimum number of records a term must occur in; `nil` applies the adaptive rule above.
    public var minDocumentFrequency: Int?
    /// Terms in more than this fraction of records are dropped as uninformative (default 0.5).
    public var maxDocumentFrequency: Double
    /// Whether adjacent stem pairs become terms next to single stems (default `true`).
    public var includesBigrams: Bool
    /// Independent k-means runs; the one with the highest objective wins (default 3).
    public var restarts: Int
    /// The cap on Lloyd iterations per restart (default 50; runs usually converge earlier).
    public var maxIterations: Int
    /// k-means stops once at most this fraction of the rows changed cell in one iteration (default
    /// 0.0003; `0` iterates until no row changes or ``maxIterations``).
    ///
    /// Lloyd's last iterations each
    /// move a few boundary rows at the price of a full pass.
    public var convergenceTolerance: Double
    /// For batches of more than 16,384 distinct rows, where k-means restarts compete on a sample, the
    /// Lloyd iterations the winner then runs on all rows (default 2; the last one is the final
    /// assignment pass).
    public var polishIterations: Int
    /// `τ`: k-means cells merge while their average-link cosine distance is at most this (default 0.85).
    public var mergeThreshold: Double
    /// How the merge stops: at ``mergeThreshold`` for every batch (the default), or also lower where the branches
    /// below it are more stable (``MergeCut/stability``).
    public var mergeCut = MergeCut.fixed
    /// Subsamples ``MergeCut/stability`` clusters again (default 5; each costs one k-means run with one restart).
    public var stabilityReplicates = 5
    /// The most distinct rows ``MergeCut/stability`` draws its subsamples from (default 4,000), which bounds its cost
    /// on large batches; each subsample is 80 % of them.
    public var stabilityPoolSize = 4_000
    /// Whether cells merge on their means minus the batch mean (``CenteredCellMeans``) rather than on their unit
    /// centroids, so that words every message shares do not pull unrelated cells together (default `false`).
    public var mergesCenteredCells = false
    /// Latent dimensions the rows are projected on before k-means, merge and partition; `0` (the default) clusters in
    /// the term space.
    ///
    /// The projection is a truncated SVD of the TF-IDF rows (``LatentSemanticProjection``). Keywords, titles and the
    /// centroids that place records outside a sample stay in the term space either way. Ignored when seeded
    /// pains or previous centroids are given, which live in the term space.
    public var latentDimensions = 0
    /// Passes that move every record to its nearest merged pain centroid before «Прочее» is decided
    /// (default 2): a k-means cell straddling two pains gives each record to the closer one.
    public var refinementPasses: Int
    /// `θ`: a record whose cosine to its pain's centroid is below this goes to «Прочее» (default 0.1).
    public var catchAllThreshold: Double
    /// Pains smaller than this many raw records go to «Прочее»; `nil` applies `max(3, N / 200)`.
    public var minimumPainSize: Int?
    /// Analysts' seeded pains (`CLUSTERING.md` §2.12): each a list of terms — stems from the same
    /// analyzer, or two stems joined by a space — that becomes a pseudo-document among the k-means++
    /// seeds, so the pain gets a cell of its own when records support it (default none).
    public var seedPains: [[String]]
    /// Warm start (`CLUSTERING.md` §2.11): the previous period's pain centroids
    /// (``PainCluster/centroid``, ``PreviousPain/centroid``), placed among the k-means++ seeds so a
    /// stable pain keeps its shape and ``PainMatcher`` carries its id over (default none).
    ///
    /// Seeded pains
    /// and previous centroids together take at most `k0` of the seeds, seeded pains first.
    public var previousCentroids: [[String: Float]]
    /// The seed of every random choice; the same seed and input give the same result.
    public var seed: UInt64
    /// Worker threads for k-means; results are identical for any value (default: active processors).
    public var threadCount: Int
    /// Keywords reported per pain (default 8).
    public var keywordCount: Int
    /// Representative documents reported per pain (default 3).
    public var representativeCount: Int
    /// Centroid terms kept per pain for cross-period matching (default 200).
    public var centroidTermCount: Int
    /// The longest document, in tokens, that may serve as a pain's title (default 15).
    public var titleMaxTokens: Int
    /// How a row of identical texts weighs in k-means: by its records (the default), their square root, or one.
    ///
    /// Counts, sizes and «Прочее» always use the records; this only changes how much one frequent reporter
    /// repeating one phrase pulls the centroids (issue 16).
    public var duplicateWeighting: DuplicateWeighting = .records
    /// How stems become terms beyond plain unigrams and bigrams: synonyms, ignored words, spelling folding
    /// (default: none, ``TextFeatures/plain``).
    public var textFeatures = TextFeatures.plain
    /// Above this many distinct texts, the engine clusters a sample of this many and places every other document in
    /// the nearest pain found (`nil`, the default: always the whole batch).
    ///
    /// The sample is the distinct texts (stem sequences) whose seeded hash is smallest, with all their copies: which
    /// texts it holds depends on the texts and ``seed`` alone, never on their order or the thread count. Vocabulary,
    /// k-means, merge, keywords, titles and representatives come from the sample; every other document is weighted
    /// with the sample's vocabulary and idf and goes to the pain whose centroid is most similar, or to «Прочее» below
    /// ``catchAllThreshold``, or is «без содержания» when no term of the sample's vocabulary is in it. Memory and time
    /// then grow linearly with the batch beyond the sample.
    public var sampleAbove: Int?

    /// How a row of identical texts weighs in k-means.
    public enum DuplicateWeighting: String, Sendable, CaseIterable {
        /// As many as its records.
        case records
        /// The square root of its records.
        case sqrt
        /// One, however many records repeat it.
        case one

        /// The k-means weight of a row of `records` identical texts.
        public func weight(_ records: Int) -> Float {
            switch self {
            case .records: Float(records)
            case .sqrt: Float(records).squareRoot()
            case .one: 1
            }
        }
    }

    /// Creates a configuration; every parameter defaults to the documented value.
    ///
    /// - Parameters:
    ///   - k: Explicit `k0`, or `nil` for the size rule.
    ///   - minDocumentFrequency: Explicit `min_df`, or `nil` for the adaptive rule.
    ///   - maxDocumentFrequency: `max_df` as a fraction of records.
    ///   - includesBigrams: Whether to add stem bigrams.
    ///   - restarts: Number of k-means restarts.
    ///   - maxIterations: Lloyd iteration cap per restart.
    ///   - convergenceTolerance: Fraction of rows changing cell at which k-means stops.
    ///   - polishIterations: Lloyd iterations on all rows after a sample trial.
    ///   - mergeThreshold: `τ`, the average-link cosine distance cut.
    ///   - refinementPasses: Nearest-pain reassignment passes after the merge.
    ///   - catchAllThreshold: `θ`, the cosine below which a record goes to «Прочее».
    ///   - minimumPainSize: Smallest pain in raw records, or `nil` for the 0.5% rule.
    ///   - seedPains: Analysts' term lists seeding pains.
    ///   - previousCentroids: The previous period's centroids, for a warm start.
    ///   - seed: Seed of the random generator.
    ///   - threadCount: Worker threads; does not change results.
    ///   - keywordCount: Keywords per pain.
    ///   - representativeCount: Representative documents per pain.
    ///   - centroidTermCount: Centroid terms kept per pain.
    ///   - titleMaxTokens: Longest title document in tokens.
    public init(
        k: Int? = nil,
        minDocumentFrequency: Int? = nil,
        maxDocumentFrequency: Double = 0.5,
        includesBigrams: Bool = true,
        restarts: Int = 3,
        maxIterations: Int = 50,
        convergenceTolerance: Double = 0.0003,
        polishIterations: Int = 2,
        mergeThreshold: Double = 0.85,
        refinementPasses: Int = 2,
        catchAllThreshold: Double = 0.1,
        minimumPainSize: Int? = nil,
        seedPains: [[String]] = [],
        previousCentroids: [[String: Float]] = [],
        seed: UInt64 = 42,
        threadCount: Int = ClusterConfiguration.defaultThreadCount,
        keywordCount: Int = 8,
        representativeCount: Int = 3,
        centroidTermCount: Int = 200,
        titleMaxTokens: Int = 15
    ) {
        self.k = k
        self.minDocumentFrequency = minDocumentFrequency
        self.maxDocumentFrequency = maxDocumentFrequency
        self.includesBigrams = includesBigrams
        self.restarts = restarts
        self.maxIterations = maxIterations
        self.convergenceTolerance = convergenceTolerance
        self.polishIterations = polishIterations
        self.mergeThreshold = mergeThreshold
        self.refinementPasses = refinementPasses
        self.catchAllThreshold = catchAllThreshold
        self.minimumPainSize = minimumPainSize
        self.seedPains = seedPains
        self.previousCentroids = previousCentroids
        self.seed = seed
        self.threadCount = threadCount
        self.keywordCount = keywordCount
        self.representativeCount = representativeCount
        self.centroidTermCount = centroidTermCount
        self.titleMaxTokens = titleMaxTokens
    }

    /// The number of processors the system currently offers, the default ``threadCount``.
    public static var defaultThreadCount: Int {
        ProcessInfo.processInfo.activeProcessorCount
    }

    /// The over-clustering size for a batch, before capping at the number of distinct rows.
    ///
    /// - Parameter contentCount: `N`, raw records with at least one token.
    /// - Returns: The explicit ``k`` (at least 1) or `clamp(round(2√N), 20, 200)`.
    public func resolvedK(contentCount: Int) -> Int {
        if let k { return max(1, k) }
        let rule = Int((2 * Double(max(contentCount, 0)).squareRoot()).rounded())
        return min(200, max(20, rule))
    }

    /// The minimum document frequency for a batch.
    ///
    /// - Parameter contentCount: `N`, raw records with at least one token.
    /// - Returns: The explicit ``minDocumentFrequency`` (at least 1), `2` below 1,000 records,
    ///   else `max(3, N / 5000)`.
    public func resolvedMinDocumentFrequency(contentCount: Int) -> Int {
        if let minDocumentFrequency { return max(1, minDocumentFrequency) }
        return contentCount < 1_000 ? 2 : max(3, contentCount / 5_000)
    }

    /// The smallest pain, in raw records, that is reported on its own rather than in «Прочее».
    ///
    /// - Parameter contentCount: `N`, raw records with at least one token.
    /// - Returns: The explicit ``minimumPainSize`` (at least 1) or `max(3, N / 200)`.
    public func resolvedMinimumPainSize(contentCount: Int) -> Int {
        if let minimumPainSize { return max(1, minimumPainSize) }
        return max(3, contentCount / 200)
    }
}
