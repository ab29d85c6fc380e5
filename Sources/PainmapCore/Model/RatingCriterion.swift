/// A rated aspect of a service, shared by «Ваш контроль» indicators and survey Likert questions.
///
/// Each criterion points at the journey stage it most often describes (DOMAIN.md §2.4); politeness
/// applies wherever staff are met, so text decides its stage.
public enum RatingCriterion: String, Codable, Sendable, CaseIterable {
    /// «Время предоставления услуги».
    case time
    /// «Время ожидания в очереди».
    case queue
    /// «Вежливость и компетентность сотрудника».
    case politeness
    /// «Комфортность условий в помещении».
    case comfort
    /// «Доступность информации о порядке предоставления услуги».
    case information
    /// An overall score when the source has only one.
    case overall

    /// The criterion's Russian name for reports.
    public var russianName: String {
        switch self {
        case .time: "Время предоставления услуги"
        case .queue: "Время ожидания в очереди"
        case .politeness: "Вежливость и компетентность сотрудника"
        case .comfort: "Комфортность условий"
        case .information: "Доступность информации"
        case .overall: "Общая оценка"
        }
    }
}

/// One score on the 1–5 scale for one criterion.
public struct CriterionScore: Hashable, Codable, Sendable {
    /// What was rated.
    public let criterion: RatingCriterion
    /// The score, 1 (очень плохо) to 5 (отлично).
    public let score: Int

    /// Creates a score; `nil` unless `score` is within 1…5.
    public init?(criterion: RatingCriterion, score: Int) {
        guard (1...5).contains(score) else { return nil }
        self.criterion = criterion
        self.score = score
    }

    /// Whether the score counts as dissatisfied (1 or 2).
    public var isDissatisfied: Bool { score <= 2 }
}
