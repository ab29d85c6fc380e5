/// The life situations an optimization center tracks, with the journey stages they share (`Config/life-situations.yaml`).
///
/// The catalog is data, edited by analysts: situations come and go per region and year (DOMAIN.md §1.2). It holds
/// - ``stages``: the default journey stages in order (DOMAIN.md §2.4), each with keywords;
/// - ``criteria``: which stages a rated criterion («Ваш контроль», survey Likert questions) points at, the first
///   being the fallback when the text does not decide;
/// - ``defaultStage``: the stage of a record on which neither scores nor text say anything;
/// - ``scoring``: the thresholds of the keyword rule;
/// - ``situations``: the situations, in report order;
/// - ``offTopicKeywords``: words of matters no situation covers (roads, transport, clinics, shops), which compete
///   with the situations' keywords so that «лифт в поликлинике» is not an apartment-building complaint.
///
/// `ConfigurationLoader` (in `PainmapPipeline`) decodes and validates it; the classifier resolves each situation's
/// stages with ``stages(for:)``.
public struct LifeSituationCatalog: Sendable, Hashable, Codable {
    /// The default journey stages, in journey order.
    public var stages: [LifeSituationStage]
    /// Stage ids per rated criterion; the first id is the fallback when several fit and the text is silent.
    public var criteria: [RatingCriterion: [String]]
    /// The stage of a record when no score is low and no stage keyword is found.
    public var defaultStage: String
    /// The keyword rule's thresholds.
    public var scoring: LifeSituationScoring
    /// The situations, in the order reports list them.
    public var situations: [LifeSituation]
    /// Words and phrases of matters no situation covers; each found scores 2 for «вне ситуаций» in the keyword rule.
    public var offTopicKeywords: [String]

    /// The criterion → stage mapping of DOMAIN.md §2.4 and §6.1, used when the file has no `criteria:` key.
    ///
    /// «Время предоставления» fits review and result, «Вежливость» every stage where staff are met: the text decides
    /// between them, and the first id is taken when it does not.
    public static let defaultCriteria: [RatingCriterion: [String]] = [
        .information: ["informing"],
        .queue: ["booking"],
        .comfort: ["submission"],
        .time: ["review", "result"],
        .politeness: ["submission", "booking", "review", "result"],
        .overall: [],
    ]

    /// A catalog with no stages and no situations: what a configuration without `life-situations.yaml` holds.
    public static let empty = LifeSituationCatalog(stages: [], defaultStage: "", situations: [])

    enum CodingKeys: String, CodingKey, CaseIterable {
        case stages, criteria, scoring, situations
        case defaultStage = "default_stage"
        case offTopicKeywords = "off_topic_keywords"
    }

    /// Creates a catalog.
    ///
    /// - Parameters:
    ///   - stages: The default stages, in journey order.
    ///   - criteria: Stage ids per criterion.
    ///   - defaultStage: The stage when nothing points at one.
    ///   - scoring: The keyword rule's thresholds.
    ///   - situations: The situations, in report order.
    ///   - offTopicKeywords: Words of matters no situation covers.
    public init(
        stages: [LifeSituationStage],
        criteria: [RatingCriterion: [String]] = LifeSituationCatalog.defaultCriteria,
        defaultStage: String,
        scoring: LifeSituationScoring = LifeSituationScoring(),
        situations: [LifeSituation],
        offTopicKeywords: [String] = []
    ) {
        self.stages = stages
        self.criteria = criteria
        self.defaultStage = defaultStage
        self.scoring = scoring
        self.situations = situations
        self.offTopicKeywords = offTopicKeywords
    }

    /// Decodes the whole file.
    ///
    /// - Throws: `DecodingError` on an unknown key, an unknown criterion under `criteria:`, or a missing `stages`,
    ///   `default_stage` or `situations`.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        stages = try keys.decode([LifeSituationStage].self, forKey: .stages)
        defaultStage = try keys.decode(String.self, forKey: .defaultStage)
        scoring = try keys.decodeIfPresent(LifeSituationScoring.self, forKey: .scoring) ?? LifeSituationScoring()
        situations = try keys.decode([LifeSituation].self, forKey: .situations)
        offTopicKeywords = try keys.decodeIfPresent([String].self, forKey: .offTopicKeywords) ?? []
        if keys.contains(.criteria) {
            let byName = try keys.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .criteria)
            var criteria: [RatingCriterion: [String]] = [:]
            for key in byName.allKeys {
                guard let criterion = RatingCriterion(rawValue: key.stringValue) else {
                    let known = RatingCriterion.allCases.map(\.rawValue).joined(separator: ", ")
                    throw DecodingError.dataCorrupted(
                        .init(
                            codingPath: byName.codingPath + [key],
                            debugDescription: "неизвестный критерий «\(key.stringValue)»; допустимые: \(known)"
                        )
                    )
                }
                criteria[criterion] = try byName.decode([String].self, forKey: key)
            }
            self.criteria = criteria
        } else {
            criteria = Self.defaultCriteria
        }
    }

    /// Encodes the catalog in the file's shape; with sorted keys the output is a stable digest input.
    ///
    /// - Throws: what the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var keys = encoder.container(keyedBy: CodingKeys.self)
        try keys.encode(stages, forKey: .stages)
        try keys.encode(
            Dictionary(uniqueKeysWithValues: criteria.map { ($0.key.rawValue, $0.value) }),
            forKey: .criteria
        )
        try keys.encode(defaultStage, forKey: .defaultStage)
        try keys.encode(scoring, forKey: .scoring)
        try keys.encode(situations, forKey: .situations)
        try keys.encode(offTopicKeywords, forKey: .offTopicKeywords)
    }

    /// Whether the catalog has nothing to classify with (no stages).
    public var isEmpty: Bool { stages.isEmpty }

    /// The situation with an id.
    ///
    /// - Parameter id: A situation id.
    /// - Returns: The situation, or `nil` when the catalog has none with that id.
    public func situation(id: String) -> LifeSituation? { situations.first { $0.id == id } }

    /// The default stage with an id.
    ///
    /// - Parameter id: A stage id.
    /// - Returns: The stage, or `nil` when no default stage has that id.
    public func stage(id: String) -> LifeSituationStage? { stages.first { $0.id == id } }

    /// The stages a situation uses, in its order, with its overrides and extra keywords applied.
    ///
    /// Items of an explicit list that name no default stage are skipped (validation reports them).
    /// - Parameter situation: A situation, or `nil` for an unassigned record, which uses the default stages.
    /// - Returns: The resolved stages.
    public func stages(for situation: LifeSituation?) -> [LifeSituationStage] {
        guard let situation else { return stages }
        var resolved: [LifeSituationStage]
        switch situation.stages {
        case .default:
            resolved = stages
        case .explicit(let items):
            resolved = items.compactMap { item in
                guard var stage = stage(id: item.id) else { return nil }
                if let name = item.name { stage.name = name }
                if let keywords = item.keywords { stage.keywords = keywords }
                return stage
            }
        }
        for index in resolved.indices {
            resolved[index].keywords += situation.stageKeywords[resolved[index].id] ?? []
        }
        return resolved
    }
}
