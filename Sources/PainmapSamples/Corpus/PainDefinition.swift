/// One planted pain: a problem citizens hit within one life situation, with the phrasings the
/// generator draws its texts from.
///
/// Templates hold `{slot}` markers that ``SlotFiller`` replaces (municipality, institution
/// numbers, months, sums, durations); `{num:1-250}` inserts a number from the range.
struct PainDefinition: Sendable {
    /// Stable id within the situation, such as `queue_stalled`.
    var key: String
    /// The pain as a short statement in citizens' language.
    var title: String
    var stage: JourneyStage
    /// Relative volume inside the situation (Zipf-like across pains).
    var weight: Double
    /// The ПОС subcategory the message is filed under.
    var subcategory: String
    /// First-person messages (ПОС, sites).
    var citizen: [String]
    /// Optional extra sentences that fit this pain.
    var details: [String]
    /// Third-person operator summaries (hotline 122).
    var hotline: [String]
    /// Short phrases (МКГУ comments, survey «Что вызвало трудности?»).
    var short: [String]
}

/// A ФРГУ service bundled into a life situation (invented 11-digit ids, see MANIFEST.md).
struct ServiceDefinition: Sendable {
    var frguID: String
    var procedureID: String
    var name: String
}

/// The kind of body that answers for a life situation; regions name their own bodies.
enum ResponsibleBody: Sendable {
    case education, housing, disability, social, employment
}

/// Everything the generator knows about one life situation.
struct SituationDefinition: Sendable {
    /// Stable id, such as `kindergarten`.
    var id: String
    /// The situation's name as surveys and reports print it.
    var name: String
    /// Relative volume of the situation in all channels.
    var weight: Double
    var body: ResponsibleBody
    /// ПОС «Категория».
    var posCategory: String
    /// Site «Тематика».
    var siteTopic: String
    /// Hotline «Тема».
    var hotlineTopic: String
    /// Illustrative ТОТК codes (4 levels) for site appeals.
    var totkCodes: [String]
    var services: [ServiceDefinition]
    /// Official answers (ПОС «Текст ответа»).
    var answers: [String]
    /// Survey «Ваши предложения».
    var suggestions: [String]
    var pains: [PainDefinition]

    func painID(_ pain: PainDefinition) -> String { "\(id).\(pain.key)" }
}
