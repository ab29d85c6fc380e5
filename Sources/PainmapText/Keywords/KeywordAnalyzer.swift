/// Turns a text or a configured keyword into the stems keyword matching compares, keeping negations.
///
/// The steps of ``TextAnalyzer`` — ``TextNormalizer``, ``Tokenizer``, ``StopWords``, Snowball stems — except that the
/// negations «не», «нет», «ни» and «без», which the stop list drops, are kept as one marker stem «не». Without it
/// «не сообщили» would match «сообщили» and «нет ответа» would match «жду ответа»; with it a keyword without
/// a negation still matches a negated text («отказали» in «не отказали» is still about a refusal).
public struct KeywordAnalyzer: Sendable {
    /// The stem every negation becomes.
    public static let negation = "не"

    private static let negations = TextAnalyzer.negations
    /// The analyzer whose word ids keyword matching over stem keys reads (`appendKeys` in PainmapClustering).
    public let textAnalyzer = TextAnalyzer()
    private let normalizer = TextNormalizer()
    private let tokenizer = Tokenizer()
    private let stopWords = StopWords()

    /// The stems of a text, in order.
    ///
    /// - Parameters:
    ///   - text: Any text.
    ///   - cache: The calling task's stem cache.
    /// - Returns: One stem per kept word, negations as ``negation``.
    public func stems(_ text: String, cache: inout StemCache) -> [String] {
        var stems: [String] = []
        for token in tokenizer.tokens(in: normalizer.normalize(text)) {
            if Self.negations.contains(token) {
                stems.append(Self.negation)
            } else if !stopWords.contains(token) {
                stems.append(cache.stem(token))
            }
        }
        return stems
    }

    /// Creates an analyzer.
    public init() {}

    /// One analyzer for ``keywordStems(_:)``: building one (its stop-word and analyzer tables) per configured keyword
    /// was most of the time `painmap` spent loading the configuration.
    private static let shared = KeywordAnalyzer()

    /// The stems a configured keyword is matched with: normalized, stop words out, negations kept as «не».
    ///
    /// Configuration validation uses it to refuse a keyword that would match nothing.
    /// - Parameter keyword: A keyword or phrase as configured.
    /// - Returns: Its stems; empty when only stop words and negations (or nothing) are left, since such a keyword
    ///   is never matched.
    public static func keywordStems(_ keyword: String) -> [String] {
        var cache = StemCache()
        let stems = shared.stems(keyword, cache: &cache)
        return stems.allSatisfy { $0 == KeywordAnalyzer.negation } ? [] : stems
    }
}
