/// A ПОС message status, with its spelling in CSV and JSON exports (Config/feeds.yaml status maps).
enum POSStatus: Sendable, CaseIterable {
    case accepted, moderation, inProgress, answerReady, answered, closed, rejected

    var csvLabel: String {
        switch self {
        case .accepted: return "Принято"
        case .moderation: return "На модерации"
        case .inProgress: return "В работе"
        case .answerReady: return "Ответ готов"
        case .answered: return "Дан ответ"
        case .closed: return "Закрыто"
        case .rejected: return "Отклонено"
        }
    }

    var jsonCode: String {
        switch self {
        case .accepted, .moderation: return "NEW"
        case .inProgress: return "IN_PROGRESS"
        case .answerReady, .answered: return "ANSWERED"
        case .closed: return "CLOSED"
        case .rejected: return "REJECTED"
        }
    }

    var isAnswered: Bool { self == .answerReady || self == .answered || self == .closed }
}

/// What the generator remembers about a record's meaning (never written to the files).
struct RecordLabel: Sendable {
    var regionKladr: String
    var quarter: SampleQuarter
    var situationID: String?
    var painID: String?
    /// Planted duplicates are not counted again in the manifest's pain counts.
    var isDuplicate = false
}

struct POSRecord: Sendable {
    var id: Int = 0
    var created: LocalDateTime
    var answered: LocalDateTime?
    var deadline: LocalDateTime
    var region: SampleRegion
    var municipality: SampleMunicipality
    var category: String
    var subcategory: String
    var text: String
    var answer: String?
    var status: POSStatus
    var organization: String
    var opaID: Int
    var channel: String
    var fz59: Bool
    var authorName: String
    var authorPhone: String
    var authorEmail: String
    var label: RecordLabel
    /// Index of the hotline record this message was forwarded from.
    var forwardedFromHotline: Int?
}

struct SiteRecord: Sendable {
    var number: String
    var registered: LocalDateTime
    var answered: LocalDateTime?
    var planned: LocalDateTime
    var municipality: SampleMunicipality
    var topic: String
    var totk: String
    var text: String
    var state: String
    var organization: String
    var applicant: String
    var applicantAddress: String
    var email: String
    var label: RecordLabel
}

struct HotlineRecord: Sendable {
    var number: String
    var called: LocalDateTime
    var regionName: String
    var district: String
    var topic: String
    var subtopic: String
    var summary: String
    var result: String
    var passedTo: String
    var phone: String
    var caller: String
    var label: RecordLabel
    var pain: PainDefinition?
    var situation: SituationDefinition?
    var municipality: SampleMunicipality
    var organization: String
}

struct MKGUForm: Sendable {
    enum Comment: Sendable {
        case absent, empty
        case text(String)
    }

    var mkguID: String
    var foreignID: String
    var userID: String
    var service: ServiceDefinition
    var authorityID: String
    var authorityName: String
    var date: LocalDateTime
    var received: LocalDateTime
    var okato: String
    /// (indicator id, value id) pairs in indicator order.
    var rates: [(Int, Int)]
    var comment: Comment
    var label: RecordLabel
}

struct SurveyResponse: Sendable {
    var number: String
    var date: LocalDateTime
    var region: SampleRegion
    var municipality: SampleMunicipality
    var situation: SituationDefinition
    var service: ServiceDefinition
    var office: String
    /// Answers to the five Likert questions in Config/surveys.yaml order; `nil` = blank.
    var likert: [Int?]
    var difficulties: String
    var suggestions: String
    var label: RecordLabel
}
