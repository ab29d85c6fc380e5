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
    /// The posterior probability the learned model needs before it places a record no rule decides (default 0.9,
    /// between 0.5 and 1); below it the record stays «Не определена».
    public var learnedMinimumConfidence: Double

    enum CodingKeys: String, CodingKey, CaseIterable {
        case minimumScore = "min_score"
        case minimumMargin = "min_margin"
        case learnedMinimumConfidence = "learned_min_confidence"
    }

    /// Creates thresholds.
    ///
    /// - Parameters:
    ///   - minimumScore: The lowest score that assigns a situation.
    ///   - minimumMargin: The least lead over the runner-up.
    ///   - learnedMinimumConfidence: The learned model's least posterior probability.
    public init(minimumScore: Int = 2, minimumMargin: Int = 1, learnedMinimumConfidence: Double = 0.9) {
        self.minimumScore = minimumScore
        self.minimumMargin = minimumMargin
        self.learnedMinimumConfidence = learnedMinimumConfidence
    }

    /// Decodes `{min_score: 2, min_margin: 1, learned_min_confidence: 0.9}`; a missing key keeps its default.
    ///
    /// - Throws: `DecodingError` on an unknown key, a score or margin below 1, or a confidence outside 0.5…1.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        minimumScore = try keys.decodeIfPresent(Int.self, forKey: .minimumScore) ?? 2
        minimumMargin = try keys.decodeIfPresent(Int.self, forKey: .minimumMargin) ?? 1
        learnedMinimumConfidence = try keys.decodeIfPresent(Double.self, forKey: .learnedMinimumConfidence) ?? 0.9
        guard (0.5...1).contains(learnedMinimumConfidence) else {
            throw DecodingError.dataCorruptedError(
                forKey: .learnedMinimumConfidence,
                in: keys,
                debugDescription: "должно быть от 0,5 до 1"
            )
        }
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
