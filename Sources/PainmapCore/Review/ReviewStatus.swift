/// Where an analyst's work on a pain stands: новая → в работе → решена, or closed as не подтвердилась / вне компетенции.
///
/// The raw values are stored with each decision and printed in JSON output.
public enum ReviewStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Nobody has decided anything yet.
    case new
    /// Someone is working on it.
    case inProgress = "in_progress"
    /// The cause was removed.
    case resolved
    /// The analyst found no real problem behind the complaints.
    case notConfirmed = "not_confirmed"
    /// The problem belongs to a body the centre does not deal with.
    case outOfScope = "out_of_scope"

    /// The status as reports and the CLI show it.
    public var russianName: String {
        switch self {
        case .new: "новая"
        case .inProgress: "в работе"
        case .resolved: "решена"
        case .notConfirmed: "не подтвердилась"
        case .outOfScope: "вне компетенции"
        }
    }

    /// Parses a raw value or a Russian name («в работе», «в_работе»).
    public init?(argument: String) {
        let value = String(argument.lowercased().map { $0 == "_" ? " " : $0 })
        if let status = Self(rawValue: argument) {
            self = status
        } else if let status = Self.allCases.first(where: { $0.russianName == value }) {
            self = status
        } else {
            return nil
        }
    }

    /// Whether an analyst may move a pain from this status to `next`.
    ///
    /// новая → в работе → решена; новая or в работе → не подтвердилась / вне компетенции; any closed status may be
    /// reopened (→ в работе), since a pain that comes back is worked on again.
    public func allows(_ next: ReviewStatus) -> Bool {
        switch (self, next) {
        case (.new, .inProgress), (.inProgress, .resolved): true
        case (.new, .notConfirmed), (.new, .outOfScope), (.inProgress, .notConfirmed), (.inProgress, .outOfScope): true
        case (.resolved, .inProgress), (.notConfirmed, .inProgress), (.outOfScope, .inProgress): true
        default: false
        }
    }
}
