/// A survey questionnaire definition: which columns hold Likert answers, free text and identifiers.
public struct Questionnaire: Sendable, Decodable, Hashable {
    /// One Likert question.
    public struct LikertQuestion: Sendable, Decodable, Hashable {
        /// The column header.
        public var column: String
        /// The criterion (and so the journey stage) the question measures.
        public var criterion: RatingCriterion

        enum CodingKeys: String, CodingKey, CaseIterable { case column, criterion }

        /// Decodes `{column:, criterion:}`.
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let keys = try decoder.container(keyedBy: CodingKeys.self)
            column = try keys.decode(String.self, forKey: .column)
            criterion = try keys.decode(RatingCriterion.self, forKey: .criterion)
        }
    }

    /// The questionnaire id that feeds refer to.
    public var id: String
    /// Its human-readable name.
    public var name: String
    /// The lowest and highest answer on the scale; answers are rescaled to 1–5.
    public var scale: ClosedRange<Int>
    /// The Likert questions.
    public var likert: [LikertQuestion]
    /// Free-text columns, joined in this order into the record's text.
    public var freeText: [String]
    /// The column naming the life situation, if any.
    public var lifeSituationColumn: String?
    /// The column naming the service, if any.
    public var serviceColumn: String?
    /// The column naming the office or organisation, if any.
    public var organizationColumn: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, scale, likert
        case freeText = "free_text"
        case lifeSituationColumn = "life_situation_column"
        case serviceColumn = "service_column"
        case organizationColumn = "organization_column"
    }

    private struct Scale: Decodable {
        var min: Int
        var max: Int
    }

    /// Decodes one `questionnaires:` entry.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        id = try keys.decode(String.self, forKey: .id)
        name = try keys.decodeIfPresent(String.self, forKey: .name) ?? id
        let scale = try keys.decodeIfPresent(Scale.self, forKey: .scale) ?? Scale(min: 1, max: 5)
        guard scale.min < scale.max else {
            throw DecodingError.dataCorruptedError(
                forKey: .scale,
                in: keys,
                debugDescription: "min должен быть меньше max"
            )
        }
        self.scale = scale.min...scale.max
        likert = try keys.decodeIfPresent([LikertQuestion].self, forKey: .likert) ?? []
        freeText = try keys.decodeIfPresent([String].self, forKey: .freeText) ?? []
        lifeSituationColumn = try keys.decodeIfPresent(String.self, forKey: .lifeSituationColumn)
        serviceColumn = try keys.decodeIfPresent(String.self, forKey: .serviceColumn)
        organizationColumn = try keys.decodeIfPresent(String.self, forKey: .organizationColumn)
    }

    /// Maps an answer on the questionnaire's scale onto 1–5 (linear, rounded half up).
    public func normalizedScore(_ answer: Int) -> Int? {
        guard scale.contains(answer) else { return nil }
        if scale == 1...5 { return answer }
        let fraction = Double(answer - scale.lowerBound) / Double(scale.upperBound - scale.lowerBound)
        return Int((1 + fraction * 4).rounded(.toNearestOrAwayFromZero))
    }
}
