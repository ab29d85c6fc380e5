/// How the vectoriser turns a record's stems into terms before TF-IDF, beyond plain unigrams and bigrams (issue 16).
///
/// Both features only rewrite stem ids inside the vectoriser (``StemCorpus``), so every later stage — vocabulary,
/// k-means, merge, keywords — works unchanged:
/// - ``synonyms``: domain synonyms and abbreviations are written as one phrase, markup and letter formulae dropped;
/// - ``foldsSpellingVariants``: a stem too rare to survive `min_df` that is one edit (a letter dropped, added,
///   replaced, or two neighbours swapped, first and last letters kept) from a stem frequent enough to be a term is
///   counted as that stem, so
///   «упраляйка» and «управляйка» are one term. Only stems of four letters or more fold, onto stems of five or more
///   that occur in at least `max(min_df, 2 × the rare stem's records)` records; the most frequent candidate wins
///   (ties: the earlier stem), so the result is deterministic.
///
/// The default changes nothing; `painmap cluster` enables both (synonyms from `Config/synonyms.yaml`).
public struct TextFeatures: Sendable, Equatable {
    /// Synonyms, abbreviations and ignored words (default: none).
    public var synonyms: TermSynonyms
    /// Whether rare stems fold onto a frequent stem one edit away (default `false`).
    public var foldsSpellingVariants: Bool

    /// Creates a feature set.
    ///
    /// - Parameters:
    ///   - synonyms: Synonym groups and ignored words.
    ///   - foldsSpellingVariants: Whether rare spelling variants fold onto frequent stems.
    public init(synonyms: TermSynonyms = .none, foldsSpellingVariants: Bool = false) {
        self.synonyms = synonyms
        self.foldsSpellingVariants = foldsSpellingVariants
    }

    /// Plain stems: nothing rewritten.
    public static let plain = TextFeatures()

    /// Whether any rewrite applies.
    public var isPlain: Bool { synonyms.isEmpty && !foldsSpellingVariants }
}
