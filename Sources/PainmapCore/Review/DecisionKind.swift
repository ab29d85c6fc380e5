/// What kind of decision an audit entry records.
///
/// The raw values are stored and printed in JSON output.
public enum DecisionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Marked «не боль».
    case junk
    /// «Не боль» withdrawn.
    case unjunk
    /// Merged into another pain (on the absorbed pain) or absorbed others (on the target).
    case merge
    /// Records moved out of (on the source) or into (on the target) a pain.
    case split
    /// Title changed.
    case rename
    /// Status changed.
    case status
    /// Responsible body set.
    case assign
    /// Proposed solution and/or due date set.
    case solution
    /// A comment added to the thread.
    case comment
    /// Records moved to another life situation.
    case move
    /// Carried from the previous quarter's matching pain by a run.
    case carry

    /// The kind's Russian name for tables.
    public var russianName: String {
        switch self {
        case .junk: "не боль"
        case .unjunk: "возвращена в боли"
        case .merge: "объединение"
        case .split: "разделение"
        case .rename: "название"
        case .status: "статус"
        case .assign: "ответственный"
        case .solution: "решение"
        case .comment: "комментарий"
        case .move: "перенос записей"
        case .carry: "перенос из прошлого квартала"
        }
    }
}
