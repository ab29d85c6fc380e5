import PainmapText

/// Turns a text or a configured keyword into the stems keyword matching compares, keeping negations.
///
/// The steps of ``TextAnalyzer`` — ``TextNormalizer``, ``Tokenizer``, ``StopWords``, Snowball stems — except that the
/// negations «не», «нет», «ни» and «без», which the stop list drops, are kept as one marker stem «не». Without it
/// «не сообщили» would match «сообщили» and «нет ответа» would match «жду ответа»; with it a keyword without
/// a negation still matches a negated text («отказали» in «не отказали» is still about a refusal).
struct KeywordAnalyzer: Sendable {
    /// The stem every negation becomes.
    static let negation = "не"

    private static let negations = TextAnalyzer.negations
    private let textAnalyzer = TextAnalyzer()
    private let normalizer = TextNormalizer()
    private let tokenizer = Tokenizer()
    private let stopWords = StopWords()

    /// The stems of a text, in order.
    ///
    /// - Parameters:
    ///   - text: Any text.
    ///   - cache: The calling task's stem cache.
    /// - Returns: One stem per kept word, negations as ``negation``.
    func stems(_ text: String, cache: inout StemCache) -> [String] {
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

    /// Appends the ``StemKey`` of each stem of a text, in order: the allocation-free form of ``stems(_:cache:)``.
    ///
    /// Gives exactly the keys of the stems ``stems(_:cache:)`` returns; the word ids read are left in
    /// `scratch.words`, whose `scratch.stems` name them for evidence.
    /// - Parameters:
    ///   - text: Any text.
    ///   - scratch: The calling task's scratch.
    ///   - keys: Receives one key per kept word.
    func appendKeys(_ text: String, scratch: inout ClassifierScratch, to keys: inout [UInt64]) {
        scratch.words.removeAll(keepingCapacity: true)
        textAnalyzer.appendWordIDsKeepingNegations(of: text, cache: &scratch.cache, to: &scratch.words)
        scratch.catchUp()
        for word in scratch.words { keys.append(scratch.keys[Int(word)]) }
    }
}
