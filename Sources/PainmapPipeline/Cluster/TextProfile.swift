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
    /// Latent dimensions of both profiles.
    public static let latentDimensions = 300
    /// Passes that move every text to its nearest pain centroid when the texts are clustered in the latent space (the
    /// engine's default is 2).
    ///
    /// Chosen on the real letters labelled by problem (kursk-problems, ten seeds: 0 / 2 / 5 / 10 / 30 passes give AMI
    /// 0.451 / 0.486 / 0.487 / 0.485 / 0.483 and ARI 0.235 / 0.309 / 0.328 / 0.331 / 0.327): in the latent space a
    /// merged group's cells still straddle its neighbours, and a few more passes settle them.
    public static let latentRefinementPasses = 5
    /// Above this many distinct texts the profiles cluster in the term space, where the rows stay sparse.
    ///
    /// The latent space costs `O(n · 300²)` and k-means over dense rows: 7.6 s and 226 MB for a generated portal
    /// export of 30,573 distinct texts, against 0.4 s in the term space. The synthetic benchmark sets (73,938 and
    /// 581,178 distinct texts) stay in the term space.
    public static let latentTextLimit = 50_000  // printed as «50 000» by ``text``

    /// What was asked for.
    public var requested: TextProfile
    /// What was applied: ``TextProfile/messages`` or ``TextProfile/letters``.
    public var applied: TextProfile
    /// The median number of analyzed words per text, rows weighted (`nil` when the profile was given, not measured).
    public var medianWords: Int?
    /// Distinct texts of the batch, which decide the latent space (`nil` when not known).
    public var distinctTexts: Int?

    /// The latent dimensions the profile clusters in: ``latentDimensions`` up to ``latentTextLimit`` distinct texts,
    /// `0` (the term space) above.
    public var profileLatentDimensions: Int {
        (distinctTexts ?? 0) <= Self.latentTextLimit ? Self.latentDimensions : 0
    }

    /// Creates a resolved profile.
    ///
    /// - Parameters:
    ///   - requested: What was asked for.
    ///   - applied: What is applied (messages or letters).
    ///   - medianWords: The median it was chosen by, if measured.
    ///   - distinctTexts: Distinct texts of the batch, if known.
    public init(requested: TextProfile, applied: TextProfile, medianWords: Int? = nil, distinctTexts: Int? = nil) {
        self.requested = requested
        self.applied = applied
        self.medianWords = medianWords
        self.distinctTexts = distinctTexts
    }

    /// Resolves `requested` for `documents` (already analyzed with the messages' preparation).
    ///
    /// - Parameters:
    ///   - requested: The profile asked for.
    ///   - documents: The distinct texts and their row counts.
    /// - Returns: The profile to apply.
    public static func resolve(_ requested: TextProfile, documents: InternedDocuments) -> ResolvedTextProfile {
        guard requested == .auto else {
            return ResolvedTextProfile(requested: requested, applied: requested, distinctTexts: documents.count)
        }
        let median = medianWordCount(documents)
        return ResolvedTextProfile(
            requested: requested,
            applied: median >= letterMedianWords ? .letters : .messages,
            medianWords: median,
            distinctTexts: documents.count
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

    /// The line `painmap cluster` prints: which profile, why, and what it does.
    public var text: String {
        let name = applied == .letters ? "письма" : "сообщения"
        var parts = applied == .letters ? ["без рамок писем, формул просьб и названий мест"] : []
        if profileLatentDimensions > 0 {
            parts.append("латентное пространство из \(profileLatentDimensions) измерений")
        } else {
            parts.append("слова текстов (разных текстов больше 50 000: без латентного пространства)")
        }
        parts.append(applied == .letters ? "разрез по устойчивости" : "разрез при τ")
        let reason: String
        if let medianWords {
            let comparison = medianWords >= Self.letterMedianWords ? "≥" : "<"
            reason = "медиана числа слов в тексте \(medianWords) \(comparison) \(Self.letterMedianWords)"
        } else {
            reason = "задан --profile"
        }
        return "профиль: \(name) (\(reason)): " + parts.joined(separator: "; ")
    }
}
