import Foundation
import PainmapText

/// Picks a short title for a pain in citizens' own words: the sentence of its most central records that names the
/// most of the pain's keywords, cut to a readable length.
///
/// The engine's title is the most central short record, often a whole message with a greeting and a story; a pain
/// table row needs one sentence. Sentences are split at `.`, `!`, `?`, `;` and line breaks; a sentence of fewer than
/// three words, or with none of the keywords, is not a candidate. Ties go to the shorter sentence, then the earlier
/// one, so the choice is deterministic.
struct PainTitle {
    /// The longest title in characters before it is cut at a word boundary.
    static let maximumLength = 110

    let analyzer: TextAnalyzer

    /// The title from the central texts (most central first) and the pain's keyword terms (stems, or two stems
    /// joined by a space).
    func title(texts: [String], keywordTerms: [String], fallback: String) -> String {
        let keywords = Set(keywordTerms.flatMap { $0.split(separator: " ").map(String.init) })
        var best: (score: Int, length: Int, order: Int, text: String)?
        var order = 0
        for text in texts {
            for sentence in Self.sentences(text).map(withoutGreeting) {
                defer { order += 1 }
                let stems = analyzer.analyze(sentence).map(\.stem)
                guard stems.count >= 2 else { continue }
                let score = Set(stems).intersection(keywords).count
                guard score > 0 else { continue }
                let candidate = (score, sentence.count, order, sentence)
                if let current = best {
                    if (-candidate.0, candidate.1, candidate.2) < (-current.score, current.length, current.order) {
                        best = candidate
                    }
                } else {
                    best = candidate
                }
            }
        }
        let chosen = best?.text ?? fallback
        return Self.capitalized(ReportBuilder.shorten(chosen, to: Self.maximumLength))
    }

    /// Drops leading clauses made only of salutations and fillers («Здравствуйте, …», «Добрый день! …»).
    func withoutGreeting(_ sentence: String) -> String {
        var rest = Substring(sentence)
        while let cut = rest.firstIndex(where: { ",:—".contains($0) }), analyzer.analyze(String(rest[..<cut])).isEmpty {
            rest = rest[rest.index(after: cut)...].drop(while: { $0 == " " })
        }
        // What is left of «Заявитель сообщает, что …» reads better without its «что».
        if rest.count < sentence.count, rest.lowercased().hasPrefix("что ") { rest = rest.dropFirst(4) }
        return String(rest)
    }

    /// Sentences of a text, trimmed, without their closing punctuation.
    static func sentences(_ text: String) -> [String] {
        text.split(whereSeparator: { ".!?;\n\r".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.split(separator: " ").count >= 3 }
    }

    private static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
