/// A versioned «Ваш контроль» (ИАС МКГУ) form definition: indicators and their ordered value ids.
///
/// A rate's score is the position of its value id within its indicator's list (first = 1 «Очень
/// плохо», fifth = 5 «Отлично»), never a hard-coded id (DOMAIN.md §6.1).
public struct RatingForm: Sendable, Decodable, Hashable {
    /// One indicator of the form.
    public struct Indicator: Sendable, Decodable, Hashable {
        /// The indicator id as rates carry it.
        public var id: String
        /// The criterion it measures.
        public var criterion: RatingCriterion
        /// Value ids from the worst to the best answer.
        public var values: [String]

        enum CodingKeys: String, CodingKey, CaseIterable { case id, title, criterion, values }

        /// Decodes one indicator.
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let keys = try decoder.container(keyedBy: CodingKeys.self)
            id = try keys.decode(String.self, forKey: .id)
            criterion = try keys.decode(RatingCriterion.self, forKey: .criterion)
            values = try keys.decode([String].self, forKey: .values)
            guard values.count >= 2 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .values,
                    in: keys,
                    debugDescription: "у показателя должно быть не меньше двух значений"
                )
            }
        }
    }

    /// The form version as exports name it (`0.0.4`).
    public var version: String
    /// The service type (`direct`).
    public var serviceType: String
    /// The indicators.
    public var indicators: [Indicator]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, indicators
        case serviceType = "service_type"
    }

    /// Decodes one `forms:` entry of `Config/mkgu-forms.yaml`.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        version = try keys.decode(String.self, forKey: .version)
        serviceType = try keys.decodeIfPresent(String.self, forKey: .serviceType) ?? "direct"
        indicators = try keys.decode([Indicator].self, forKey: .indicators)
    }

    /// The 1–5 score of a rate, or `nil` when the indicator or value id is not in this form.
    public func score(indicator: String, valueID: String) -> CriterionScore? {
        guard let entry = indicators.first(where: { $0.id == indicator }),
            let position = entry.values.firstIndex(of: valueID)
        else { return nil }
        let steps = entry.values.count - 1
        let score = steps == 4 ? position + 1 : Int((1 + Double(position) / Double(steps) * 4).rounded())
        return CriterionScore(criterion: entry.criterion, score: score)
    }
}
