/// One life situation (жизненная ситуация, ЖС) and every signal that ties a record to it (DOMAIN.md §3).
///
/// An entry of `situations:` in `Config/life-situations.yaml`. The classifier tries the signals in a fixed order: an
/// explicit survey answer naming ``name`` or one of ``aliases``, a service id in ``services``, a source category in
/// ``categories`` or a ТОТК code under one of ``categoryCodes``, then ``keywords`` and ``relatedKeywords`` in the
/// text. Its journey stages are the catalog's defaults or an explicit list (``stages``), plus ``stageKeywords``.
///
/// ```yaml
/// - id: kindergarten
///   name: Оформление в детский сад
///   aliases: [детский сад, запись в детский сад]
///   keywords: [детский сад, садик, комплектование]
///   related_keywords: [сад, очередник]
///   services: [{system: frgu, id: "10001720101"}]
///   categories: [Дошкольное образование, Образование / Электронная очередь]
///   category_codes: ["0002.0013.0144"]
///   stages: default
///   stage_keywords: {result: [комплектование]}
/// ```
public struct LifeSituation: Sendable, Hashable, Codable {
    /// The stable id stored with each classified record, such as `kindergarten`.
    public var id: String
    /// The Russian name reports print.
    public var name: String
    /// Other names of the situation, matched against a survey's explicit answer and in the text (as keywords).
    public var aliases: [String]
    /// Words and phrases that name the situation on their own; each distinct one found scores 2.
    public var keywords: [String]
    /// Words that support the situation but are not enough alone; each distinct one found scores 1.
    public var relatedKeywords: [String]
    /// Services bundled into the situation.
    public var services: [LifeSituationService]
    /// Source categories: `Категория` or `Подкатегория` (a ПОС rubric, a site's «Тематика», a hotline's «Тема»)
    /// written alone, or `Категория / Подкатегория` when only the pair is specific.
    public var categories: [String]
    /// ТОТК code prefixes, such as `0002.0013.0144`, matched on whole dot-separated levels.
    public var categoryCodes: [String]
    /// The stages the situation uses.
    public var stages: LifeSituationStageList
    /// Extra keywords per stage id, added to the stage's own keywords for this situation only.
    public var stageKeywords: [String: [String]]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, aliases, keywords, services, categories, stages
        case relatedKeywords = "related_keywords"
        case categoryCodes = "category_codes"
        case stageKeywords = "stage_keywords"
    }

    /// Creates a situation; only the id and name are required.
    ///
    /// - Parameters:
    ///   - id: The stable id.
    ///   - name: The Russian name.
    ///   - aliases: Other names.
    ///   - keywords: Words that name the situation on their own.
    ///   - relatedKeywords: Supporting words.
    ///   - services: Bundled services.
    ///   - categories: Source categories.
    ///   - categoryCodes: ТОТК code prefixes.
    ///   - stages: The stage list.
    ///   - stageKeywords: Extra keywords per stage id.
    public init(
        id: String,
        name: String,
        aliases: [String] = [],
        keywords: [String] = [],
        relatedKeywords: [String] = [],
        services: [LifeSituationService] = [],
        categories: [String] = [],
        categoryCodes: [String] = [],
        stages: LifeSituationStageList = .default,
        stageKeywords: [String: [String]] = [:]
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.keywords = keywords
        self.relatedKeywords = relatedKeywords
        self.services = services
        self.categories = categories
        self.categoryCodes = categoryCodes
        self.stages = stages
        self.stageKeywords = stageKeywords
    }

    /// Decodes one `situations:` entry; lists default to empty and `stages` to `default`.
    ///
    /// - Throws: `DecodingError` on an unknown key, a missing `id` or `name`, or a value of the wrong type.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        id = try keys.decode(String.self, forKey: .id)
        name = try keys.decode(String.self, forKey: .name)
        aliases = try keys.decodeIfPresent([String].self, forKey: .aliases) ?? []
        keywords = try keys.decodeIfPresent([String].self, forKey: .keywords) ?? []
        relatedKeywords = try keys.decodeIfPresent([String].self, forKey: .relatedKeywords) ?? []
        services = try keys.decodeIfPresent([LifeSituationService].self, forKey: .services) ?? []
        categories = try keys.decodeIfPresent([String].self, forKey: .categories) ?? []
        categoryCodes = try keys.decodeIfPresent([String].self, forKey: .categoryCodes) ?? []
        stages = try keys.decodeIfPresent(LifeSituationStageList.self, forKey: .stages) ?? .default
        stageKeywords = try keys.decodeIfPresent([String: [String]].self, forKey: .stageKeywords) ?? [:]
    }
}
