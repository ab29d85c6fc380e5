import Foundation
import PainmapText

/// Picks a short title for a pain in citizens' own words: the sentence (or leading clauses of one) of its most central
/// records that names the most of the pain's keywords and the fewest details of one record, cut to a readable length.
///
/// The engine's title is the most central short record, often a whole message with a greeting and a story; a pain
/// table row needs one sentence that names the pain in general terms. So:
/// - every text first loses its answer sentences and operators' frames (``OperatorPhrasing``): «Звонившая жалуется
///   на отсутствие движения очереди. Рекомендовано обратиться…» offers only «Нет движения очереди»;
/// - sentences are split at `.`, `!`, `?`, `;` and line breaks (not after abbreviations such as «ул.», «д.»), and
///   an unpunctuated text also offers its pieces where a new sentence starts without a full stop («…не учли В мфц
///   приняли…»); sentences lose leading salutations, and each also offers its leading clauses (up to a comma or a
///   dash), so a trailing detail can be left out;
/// - a candidate scores two points per keyword stem it names and loses two per kind of detail it carries (digits,
///   a redaction placeholder such as `[АДРЕС]`, quotation marks, a capitalised name inside the sentence), one per
///   four words beyond eight (a title is short), and one when an operator wrote it (citizens' wording is preferred
///   at equal content);
/// - a candidate of fewer than two content words, or with none of the keywords, is not one. Ties go to the shorter
///   candidate, then the earlier one, so the choice is deterministic.
struct PainTitle {
    /// One text to take a title from.
    struct Source {
        /// The text as stored (redacted).
        let text: String
        /// Whether an operator wrote it (hotline notes), not the citizen.
        let isOperatorNote: Bool
        /// `OperatorPhrasing().content(of: text)` when the caller has it already; computed when `nil`.
        var content: String? = nil
    }

    /// The longest title in characters before it is cut at a word boundary.
    static let maximumLength = 110

    let analyzer: TextAnalyzer
    private let phrasing = OperatorPhrasing()

    init(analyzer: TextAnalyzer) {
        self.analyzer = analyzer
    }

    /// The title from citizens' texts (most central first); see ``title(sources:keywordTerms:fallback:)``.
    func title(texts: [String], keywordTerms: [String], fallback: String) -> String {
        title(
            sources: texts.map { Source(text: $0, isOperatorNote: false) },
            keywordTerms: keywordTerms,
            fallback: fallback
        )
    }

    /// The title from the central texts (most central first) and the pain's keyword terms (stems, or two stems
    /// joined by a space); `fallback` when no sentence names a keyword.
    func title(sources: [Source], keywordTerms: [String], fallback: String) -> String {
        let keywords = Set(keywordTerms.flatMap { $0.split(separator: " ").map(String.init) })
        var best: (score: Int, length: Int, order: Int, text: String)?
        var order = 0
        for source in sources {
            let content = source.content ?? phrasing.content(of: source.text)
            for sentence in Self.sentences(content, phrasing: phrasing).map(withoutGreeting) {
                for candidate in Self.leadingClauses(sentence) {
                    defer { order += 1 }
                    let stems = analyzer.analyze(candidate).map(\.stem)
                    guard stems.count >= 2 else { continue }
                    let hits = Set(stems).intersection(keywords).count
                    guard hits > 0 else { continue }
                    let wordCount = candidate.split(separator: " ").count
                    let score =
                        2 * hits - 2 * Self.detailKinds(candidate) - max(0, wordCount - 8) / 4
                        - (source.isOperatorNote ? 1 : 0)
                    let key = (score, candidate.count, order, candidate)
                    if let current = best {
                        if (-key.0, key.1, key.2) < (-current.score, current.length, current.order) { best = key }
                    } else {
                        best = key
                    }
                }
            }
        }
        let chosen = best?.text ?? phrasing.content(of: fallback)
        let text = Self.withoutShouting(chosen.isEmpty ? fallback : chosen)
        return Self.capitalized(ReportBuilder.shorten(text, to: Self.maximumLength))
    }

    /// Abbreviations kept in capitals when a shouted title is lowercased.
    static let abbreviations: Set<String> = [
        "УК", "ДОУ", "МФЦ", "ЦЗН", "ЖКУ", "ЖКХ", "МСЭ", "СФР", "ПФР", "ГВС", "ХВС", "МКД", "ОДН", "ЕПГУ", "ТСЖ", "ФНС",
        "ГЖИ", "ИПРА", "ИПР", "РФ", "ЦРБ", "СОШ", "ЕДВ", "ОСЗН", "ПОС", "ЖЭУ", "ЖЭК", "ФРГУ", "МКГУ", "ОМС", "ДМС",
    ]

    /// A text written mostly in capitals («ОЧЕРЕДЬ В ДОУ СТОИТ») in lowercase, abbreviations kept; other text as is.
    static func withoutShouting(_ text: String) -> String {
        let letters = text.filter(\.isLetter)
        guard letters.count >= 8, Double(letters.filter(\.isUppercase).count) >= 0.7 * Double(letters.count) else {
            return text
        }
        return text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            let core = word.filter(\.isLetter)
            return abbreviations.contains(String(core)) ? String(word) : word.lowercased()
        }.joined(separator: " ")
    }

    /// Drops leading clauses made only of salutations and fillers («Здравствуйте, …», «Добрый день! …»).
    func withoutGreeting(_ sentence: String) -> String {
        var rest = Substring(sentence)
        while let cut = rest.firstIndex(where: { Self.isSingle($0, in: Self.clauseBreaks) }),
            analyzer.analyze(String(rest[..<cut])).isEmpty
        {
            rest = rest[rest.index(after: cut)...].drop(while: { $0 == " " })
        }
        // What is left of «Заявитель сообщает, что …» reads better without its «что».
        if rest.count < sentence.count, rest.lowercased().hasPrefix("что ") { rest = rest.dropFirst(4) }
        return String(rest)
    }

    /// Sentences of a text of three words or more, trimmed, without their closing punctuation; an unpunctuated run
    /// is also cut before a capitalised word that follows a lowercase one («…не учли В мфц…»).
    static func sentences(_ text: String, phrasing: OperatorPhrasing = OperatorPhrasing()) -> [String] {
        phrasing.sentences(of: text).flatMap { sentence in
            let pieces = splitAtMissingStops(sentence)
            return pieces.count > 1 ? [sentence] + pieces : [sentence]
        }.filter { $0.split(separator: " ").count >= 3 }
    }

    /// Cuts a sentence before every word that starts with a capital letter followed by a lowercase one (or a
    /// one-letter word) right after a word of four letters or more ending in a lowercase one: where a full stop was
    /// left out (after a short word such as «в» a capital is more often a name).
    static func splitAtMissingStops(_ sentence: String) -> [String] {
        let words = sentence.split(separator: " ")
        var parts: [[Substring]] = [[]]
        for (index, word) in words.enumerated() {
            if index > 0, words[index - 1].count >= 4, let previous = words[index - 1].last, previous.isLowercase,
                let first = word.first,
                first.isUppercase, word.count == 1 || word.dropFirst().first?.isLowercase == true,
                parts[parts.count - 1].count >= 3
            {
                parts.append([])
            }
            parts[parts.count - 1].append(word)
        }
        return parts.map { $0.joined(separator: " ") }
    }

    /// The sentence and its shorter leading parts ending before a comma, a colon or a dash.
    static func leadingClauses(_ sentence: String) -> [String] {
        var result: [String] = []
        var index = sentence.startIndex
        while let cut = sentence[index...].firstIndex(where: { isSingle($0, in: clauseBreaks) }) {
            let clause = sentence[..<cut].trimmingCharacters(in: .whitespaces)
            if clause.split(separator: " ").count >= 2 { result.append(clause) }
            index = sentence.index(after: cut)
        }
        result.append(sentence)
        return result
    }

    /// Kinds of one record's details in a candidate: digits, a redaction placeholder, quotation marks, a name
    /// (a capitalised word after the first that is not an abbreviation such as «УК» or «МФЦ»).
    static func detailKinds(_ text: String) -> Int {
        var kinds = 0
        if text.contains(where: \.isNumber) { kinds += 1 }
        if text.contains("[") { kinds += 1 }
        if text.contains(where: { isSingle($0, in: quotationMarks) }) { kinds += 1 }
        let words = text.split(whereSeparator: { !$0.isLetter && $0 != "-" }).dropFirst()
        if words.contains(where: { word in
            guard let first = word.first, first.isUppercase, word.count > 1 else { return false }
            return word.dropFirst().contains(where: \.isLowercase)
        }) {
            kinds += 1
        }
        return kinds
    }

    /// What ends a leading clause: a comma, a colon, a dash.
    static let clauseBreaks: Set<Unicode.Scalar> = [",", ":", "—"]
    /// Quotation marks, a kind of detail.
    static let quotationMarks: Set<Unicode.Scalar> = ["«", "»", "\"", "“", "”", "„"]

    /// Whether a character is one of `scalars` on its own: what `"…".contains(character)` answers for these scalars,
    /// without comparing strings.
    ///
    /// None of them has a canonical decomposition or is the composition of others, so the only `Character` equal
    /// to one of them is that scalar alone (with a combining mark after it, it is another character, as before).
    static func isSingle(_ character: Character, in scalars: Set<Unicode.Scalar>) -> Bool {
        let view = character.unicodeScalars
        guard let first = view.first, view.index(after: view.startIndex) == view.endIndex else { return false }
        return scalars.contains(first)
    }

    private static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
