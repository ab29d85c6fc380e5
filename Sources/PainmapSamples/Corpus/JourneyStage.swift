/// A stage of the citizen's journey through a life situation (DOMAIN.md §2.4).
public enum JourneyStage: Int, Sendable, CaseIterable, Codable {
    /// Finding rules, documents and eligibility.
    case information = 1
    /// Booking an office slot, queues, reaching the agency.
    case booking
    /// Filing the application and documents.
    case submission
    /// Terms, statuses, extra documents.
    case review
    /// The document, payment or enrolment itself.
    case result
    /// Errors in the result, appeals, repeat contacts.
    case appeal

    /// The stage's Russian name as the reports print it.
    public var title: String {
        switch self {
        case .information: return "Информирование"
        case .booking: return "Запись / обращение"
        case .submission: return "Подача заявления и документов"
        case .review: return "Рассмотрение"
        case .result: return "Получение результата"
        case .appeal: return "После услуги / обжалование"
        }
    }

    /// The «Ваш контроль» indicator (form v0.0.4) a complaint at this stage lowers.
    var mkguIndicator: Int {
        switch self {
        case .information: return 13
        case .booking: return 10
        case .submission: return 12
        case .review, .result: return 9
        case .appeal: return 11
        }
    }
}
