public import PainmapClustering

/// What kind of texts an export holds, which sets how `painmap cluster` prepares and groups them by default.
///
/// Short messages (portal reports, hotline cards, ratings' comments) are grouped on their words with the fixed merge
/// cut. Letters (long appeals to an agency or a governor) lose their frames, request formulae and place names, are
/// grouped in the latent space of their words and split where the merge tree's branches are stable: measured on real
/// letters (docs/real-text-evaluation.md), each of the three helps only there. `auto` decides by the median number of
/// words a text keeps after analysis.
public enum TextProfile: String, Sendable, CaseIterable, Codable {
    /// Decide by the texts: letters when the median text keeps ``ResolvedTextProfile/letterMedianWords`` words or
    /// more, messages otherwise.
    case auto
    /// Short messages: the engine's defaults.
    case messages
    /// Long letters: frames, formulae and place names dropped, latent space, stability cut.
    case letters
}

/// The profile a run applied and the figure it was chosen by.
public struct ResolvedTextProfile: Sendable, Equatable {
    /// The median text keeping this many analyzed words or more makes `auto` choose letters.
    ///
    /// Measured medians: 5–11 words for short messages (a city portal, the hotline-style classification corpus, the
    /// synthetic benchmark set), 24–25 for letters (a region's letters to its government, the generated letters).
    public static let letterMedianWords = 18
    /// Latent dimensions of the letters profile.
    public static let letterLatentDimensions = 300

    /// What was asked for.
    public var requested: TextProfile
    /// What was applied: ``TextProfile/messages`` or ``TextProfile/letters``.
    public var applied: TextProfile
    /// The median number of analyzed words per text, rows weighted (`nil` when the profile was given, not measured).
    public var medianWords: Int?

    /// Creates a resolved profile.
    ///
    /// - Parameters:
    ///   - requested: What was asked for.
    ///   - applied: What is applied (messages or letters).
    ///   - medianWords: The median it was chosen by, if measured.
    public init(requested: TextProfile, applied: TextProfile, medianWords: Int? = nil) {
        self.requested = requested
        self.applied = applied
        self.medianWords = medianWords
    }

    /// Resolves `requested` for `documents` (already analyzed with the messages' preparation).
    ///
    /// - Parameters:
    ///   - requested: The profile asked for.
    ///   - documents: The distinct texts and their row counts.
    /// - Returns: The profile to apply.
    public static func resolve(_ requested: TextProfile, documents: InternedDocuments) -> ResolvedTextProfile {
        guard requested == .auto else { return ResolvedTextProfile(requested: requested, applied: requested) }
        let median = medianWordCount(documents)
        return ResolvedTextProfile(
            requested: requested,
            applied: median >= letterMedianWords ? .letters : .messages,
            medianWords: median
        )
    }

    /// The median words per text, each distinct text counted as many times as rows hold it (`0` for no text).
    static func medianWordCount(_ documents: InternedDocuments) -> Int {
        var rowsOfLength: [Int: Int] = [:]
        var total = 0
        for document in 0..<documents.count {
            rowsOfLength[documents.words(of: document).count, default: 0] += documents.weights[document]
            total += documents.weights[document]
        }
        guard total > 0 else { return 0 }
        var seen = 0
        for length in rowsOfLength.keys.sorted() {
            seen += rowsOfLength[length] ?? 0
            if 2 * seen >= total { return length }
        }
        return 0
    }

    /// The line `painmap cluster` prints: which profile, and why.
    public var text: String {
        let name = applied == .letters ? "письма" : "сообщения"
        let what =
            applied == .letters
            ? "без рамок писем, формул просьб и названий мест; латентное пространство; разрез по устойчивости"
            : "слова текстов; разрез при τ"
        guard let medianWords else { return "профиль: \(name) (задан --profile): \(what)" }
        let comparison = medianWords >= Self.letterMedianWords ? "≥" : "<"
        return
            "профиль: \(name) (медиана числа слов в тексте \(medianWords) \(comparison) \(Self.letterMedianWords)): \(what)"
    }
}
