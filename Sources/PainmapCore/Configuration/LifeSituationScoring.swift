/// The thresholds of the keyword rule: how much evidence a situation needs before a record is assigned to it.
///
/// Every distinct keyword of a situation found in a record scores 2, every distinct related keyword 1. The best
/// situation is assigned when its score reaches ``minimumScore`` and beats the runner-up by at least
/// ``minimumMargin``; otherwise the record stays unassigned («Не определена»), including on a tie.
public struct LifeSituationScoring: Sendable, Hashable, Codable {
    /// The lowest score that assigns a situation (default 2: one keyword, or two related keywords).
    public var minimumScore: Int
    /// How far the best score must be above the runner-up's (default 1, so a tie never assigns).
    public var minimumMargin: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case minimumScore = "min_score"
        case minimumMargin = "min_margin"
    }

    /// Creates thresholds.
    ///
    /// - Parameters:
    ///   - minimumScore: The lowest score that assigns a situation.
    ///   - minimumMargin: The least lead over the runner-up.
    public init(minimumScore: Int = 2, minimumMargin: Int = 1) {
        self.minimumScore = minimumScore
        self.minimumMargin = minimumMargin
    }

    /// Decodes `{min_score: 2, min_margin: 1}`; a missing key keeps its default.
    ///
    /// - Throws: `DecodingError` on an unknown key or a value below 1.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        minimumScore = try keys.decodeIfPresent(Int.self, forKey: .minimumScore) ?? 2
        minimumMargin = try keys.decodeIfPresent(Int.self, forKey: .minimumMargin) ?? 1
        guard minimumScore >= 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .minimumScore,
                in: keys,
                debugDescription: "должно быть не меньше 1"
            )
        }
        guard minimumMargin >= 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .minimumMargin,
                in: keys,
                debugDescription: "должно быть не меньше 1, иначе ничья назначала бы ситуацию"
            )
        }
    }
}
