/// The five feedback channels painmap ingests.
///
/// The raw values are the stable names used in configuration, on the command line and in JSON output.
public enum SourceKind: String, CaseIterable, Codable, Sendable, Comparable {
    /// Платформа обратной связи (pos.gosuslugi.ru) exports.
    case pos
    /// Agency internet-reception (59-ФЗ) exports.
    case site
    /// Hotline call logs (122 and agency hotlines).
    case hotline
    /// Госуслуги «Ваш контроль» (ИАС МКГУ) rating exports.
    case portal
    /// Questionnaire results.
    case survey

    /// The channel's name as analysts read it in reports.
    public var russianName: String {
        switch self {
        case .pos: "ПОС"
        case .site: "Сайты ведомств"
        case .hotline: "Горячие линии"
        case .portal: "Госуслуги / МКГУ"
        case .survey: "Опросы"
        }
    }

    /// Orders kinds in their declaration order, so tables list channels the same way everywhere.
    public static func < (lhs: SourceKind, rhs: SourceKind) -> Bool {
        let order = SourceKind.allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}
