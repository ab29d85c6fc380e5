/// One keyword of a pain: a unigram or bigram ranked by class-based TF-IDF.
public struct ClusterKeyword: Sendable, Hashable {
    /// The stem key: one stem, or two stems joined by a space («горяч вод»).
    public let term: String
    /// The most frequent surface form within the pain («горячей воды»), shown to analysts.
    public let text: String
    /// The c-TF-IDF score (higher ranks first).
    public let score: Double
    /// The share of the pain's raw records that contain the term, `0 ... 1`.
    public let coverage: Double

    /// Creates a keyword.
    ///
    /// - Parameters:
    ///   - term: The stem key.
    ///   - text: The displayed surface form.
    ///   - score: The c-TF-IDF score.
    ///   - coverage: The share of the pain's records containing the term.
    public init(term: String, text: String, score: Double, coverage: Double) {
        self.term = term
        self.text = text
        self.score = score
        self.coverage = coverage
    }
}
