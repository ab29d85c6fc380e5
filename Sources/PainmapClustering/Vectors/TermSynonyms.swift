public import PainmapText

/// Domain synonyms and abbreviations that clustering counts as one term, and words it ignores (`Config/synonyms.yaml`).
///
/// Each group lists phrases that name one thing — «управляющая компания», «УК», «управляйка» — and the vectoriser
/// writes every occurrence of any of them (matched on stems, longest phrase first) as the group's first phrase, so a
/// message that says «УК» gets the very terms, unigrams and bigrams, of one that says «управляющая компания», and
/// messages that already use the first phrase are left as they are. Ignored words and phrases (leftover markup such
/// as «nbsp», «br»; a letter's formulae such as «с уважением», «в установленный законом срок») are dropped before
/// counting. Phrases go through the same ``PainmapText/TextAnalyzer`` as the records, so «Управляющей компании» and
/// «управляющая компания» give the same stems; a phrase left without content words (for example «д.», a single
/// letter) matches nothing.
///
/// ```swift
/// let synonyms = TermSynonyms(groups: [["управляющая компания", "УК", "управляйка"]], ignoredWords: ["nbsp"])
/// var configuration = ClusterConfiguration()
/// configuration.textFeatures.synonyms = synonyms
/// ```
public struct TermSynonyms: Sendable, Equatable {
    /// The groups as written: the first phrase of each names the group in keywords.
    public let groups: [[String]]
    /// Words and phrases dropped before counting, as written.
    public let ignoredWords: [String]
    /// The stems of each phrase of each group, in the order of ``groups``; empty phrases left out.
    let stemGroups: [[[String]]]
    /// The stems and surface forms of each group's first phrase, what every phrase of the group is written as.
    let canonicalTokens: [[AnalyzedToken]]
    /// The stems of each ignored word or phrase; empty ones left out.
    let ignoredPhrases: [[String]]

    /// An empty table: nothing replaced, nothing ignored.
    public static let none = TermSynonyms(groups: [], ignoredWords: [])

    /// Creates a table, analyzing every phrase as records are analyzed.
    ///
    /// - Parameters:
    ///   - groups: Lists of phrases meaning one thing; the first phrase names the group.
    ///   - ignoredWords: Words or phrases to drop wherever they occur.
    ///   - analyzer: The analyzer the records go through (default: the standard one).
    public init(groups: [[String]], ignoredWords: [String] = [], analyzer: TextAnalyzer = TextAnalyzer()) {
        self.groups = groups
        self.ignoredWords = ignoredWords
        canonicalTokens = groups.map { phrases in
            phrases.lazy.map { analyzer.analyze($0) }.first { !$0.isEmpty } ?? []
        }
        stemGroups = groups.map { phrases in
            phrases.map { analyzer.analyze($0).map(\.stem) }.filter { !$0.isEmpty }
        }
        ignoredPhrases = ignoredWords.map { analyzer.analyze($0).map(\.stem) }.filter { !$0.isEmpty }
    }

    /// Whether the table changes nothing.
    public var isEmpty: Bool { stemGroups.allSatisfy(\.isEmpty) && ignoredPhrases.isEmpty }

    public static func == (lhs: TermSynonyms, rhs: TermSynonyms) -> Bool {
        lhs.groups == rhs.groups && lhs.ignoredWords == rhs.ignoredWords
    }
}
