/// Which rule placed a record in its life situation, in the order the classifier tries them.
///
/// The raw values are stored with each classification and printed in JSON output.
public enum ClassificationRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// A survey answer named the situation («Жизненная ситуация» column) and it matched a name or alias.
    case surveyHint = "survey_hint"
    /// The record's service id (or, for surveys, its service name) belongs to the situation.
    case service
    /// The source category, subcategory or ТОТК code is mapped to the situation.
    case category
    /// The text's keywords scored the situation above the threshold and the runner-up.
    case keywords
    /// No rule above decided, and the model learned from the store's certain records (survey answers, service ids,
    /// source categories) placed the text confidently; the evidence names the words that decided.
    case learned
    /// An analyst moved the record to this situation (`painmap review split --situation`); applied over the classifier.
    case analyst
    /// Nothing decided: the record stays unassigned («Не определена»). Stored and printed as `none`; the case is not
    /// called `none` so that it is never mistaken for `Optional.none`.
    case unassigned = "none"

    /// The rule's Russian name for tables.
    public var russianName: String {
        switch self {
        case .surveyHint: "ответ анкеты"
        case .service: "услуга"
        case .category: "категория"
        case .keywords: "ключевые слова"
        case .learned: "обученная модель"
        case .analyst: "решение аналитика"
        case .unassigned: "не определена"
        }
    }
}
