import PainmapText

/// One task's working memory for classifying many records: the stem cache and, per cached word, its stem and
/// ``StemKey``.
///
/// A word seen before costs one hash of its bytes and two array reads. Give each task its own scratch (as
/// `orderedParallelMap`'s state): results never depend on which task read which record.
public struct ClassifierScratch: Sendable {
    var cache: StemCache
    /// Per word id of ``cache``: the stem keyword matching uses (negations as «не»).
    var stems: [String] = []
    /// Per word id of ``cache``: the stem's key.
    var keys: [UInt64] = []
    /// Word ids of the text being read (reused).
    var words: [Int32] = []
    /// Rules 1–3's outcome per distinct set of the fields they read: exports repeat a few hundred rubrics, and
    /// folding a rubric costs more than hashing it.
    var certain: [CertainKey: LifeSituationClassifier.CertainOutcome] = [:]
    /// The stem keys of category, subcategory and service-name segments, per distinct segment.
    var segments: [String: [UInt64]] = [:]
    /// The stem keys of the record being read (reused; see ``takeStemBuffer()``).
    private var stemBuffer: [UInt64] = []
    /// The learned models' features of the record being read (reused).
    var features: [UInt64] = []

    /// The fields rules 1–3 read.
    struct CertainKey: Hashable {
        var hint: String?
        var serviceID: String?
        var serviceName: String?
        var category: String?
        var subcategory: String?
        var code: String?
    }

    /// How many distinct entries each memo keeps before it starts over (memory stays bounded on any export).
    static let memoLimit = 20_000

    /// Creates an empty scratch.
    public init() {
        cache = StemCache(minimumCapacity: 4096)
    }

    /// Lends the reusable stem-key buffer, emptied: the caller owns it alone, so appending never copies it.
    mutating func takeStemBuffer() -> [UInt64] {
        var buffer = stemBuffer
        stemBuffer = []
        buffer.removeAll(keepingCapacity: true)
        return buffer
    }

    /// Takes the stem-key buffer back for the next record.
    mutating func returnStemBuffer(_ buffer: [UInt64]) {
        stemBuffer = buffer
    }

    /// Registers the words the cache learned since the last call.
    mutating func catchUp() {
        while keys.count < cache.count {
            let id = keys.count
            let stem =
                TextAnalyzer.negations.contains(cache.surface(ofWord: id))
                ? KeywordAnalyzer.negation : cache.stem(ofWord: id)
            stems.append(stem)
            keys.append(StemKey.of(stem))
        }
    }
}
