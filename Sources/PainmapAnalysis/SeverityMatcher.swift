import PainmapClustering
import PainmapCore
import PainmapText

/// Puts a pain in a severity class of `Config/priority.yaml`: the first class, in file order, one of whose keywords
/// occurs among the pain's own words (its keyword terms and its title), compared on Snowball stems.
struct SeverityMatcher: Sendable {
    private let classes: [(severity: SeverityClass, phrases: [[String]])]
    private let fallback: SeverityClass

    /// Prepares the classes' keywords.
    init(configuration: PriorityConfiguration) {
        // `KeywordAnalyzer.keywordStems(_:)` for each keyword, with one analyzer and cache: that function builds an
        // analyzer (two stop-word tables) per call.
        let keywords = KeywordAnalyzer()
        var cache = StemCache()
        func stems(_ keyword: String) -> [String] {
            let stems = keywords.stems(keyword, cache: &cache)
            return stems.allSatisfy { $0 == KeywordAnalyzer.negation } ? [] : stems
        }
        classes = configuration.severityClasses.map { severity in
            (severity, severity.keywords.map(stems).filter { !$0.isEmpty })
        }
        fallback =
            configuration.severityClass(id: configuration.defaultClass) ?? configuration.severityClasses.last
            ?? SeverityClass(id: "convenience", name: "Информирование и удобство", weight: 1, keywords: [])
    }

    /// The class of a pain described by its keyword terms (stems or stem bigrams) and title words.
    ///
    /// - Parameters:
    ///   - terms: The pain's c-TF-IDF terms (``ClusterKeyword/term``: a stem or two stems joined by a space).
    ///   - title: The analyzed words of its title.
    /// - Returns: The first class whose keyword the pain uses, or the default class.
    func severity(terms: [String], title: [AnalyzedToken]) -> SeverityClass {
        var stems = Set(title.map(\.stem))
        var sequences: [[String]] = [title.map(\.stem)]
        for term in terms {
            let parts = term.split(separator: " ").map(String.init)
            stems.formUnion(parts)
            sequences.append(parts)
        }
        for (severity, phrases) in classes {
            for phrase in phrases where Self.occurs(phrase, stems: stems, sequences: sequences) {
                return severity
            }
        }
        return fallback
    }

    /// A one-word keyword occurs when its stem is present; a phrase when its stems stand in order in one sequence.
    private static func occurs(_ phrase: [String], stems: Set<String>, sequences: [[String]]) -> Bool {
        if phrase.count == 1 { return stems.contains(phrase[0]) }
        for sequence in sequences where sequence.count >= phrase.count {
            for start in 0...(sequence.count - phrase.count)
            where Array(sequence[start..<start + phrase.count]) == phrase {
                return true
            }
        }
        return false
    }
}
