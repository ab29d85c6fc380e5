/// A decision made on a version of a pain that is no longer the current one: refused, never silently applied.
///
/// The store throws it with the versions; the review service adds the decisions made since, so the message shows
/// what changed.
public struct StaleDecisionError: PainmapFailure {
    /// The pain.
    public var key: PainKey
    /// The version the decision was made on.
    public var expectedVersion: Int
    /// The pain's current version.
    public var currentVersion: Int
    /// The decisions made after ``expectedVersion``, oldest first.
    public var changes: [DecisionAuditEntry]

    /// Creates the error.
    public init(key: PainKey, expectedVersion: Int, currentVersion: Int, changes: [DecisionAuditEntry] = []) {
        self.key = key
        self.expectedVersion = expectedVersion
        self.currentVersion = currentVersion
        self.changes = changes
    }

    /// `боль 54/2026Q3/kindergarten/2026Q2-01 изменилась: решение принято по версии 2, текущая версия 3 (…)`.
    public var description: String {
        var lines = [
            "ошибка: боль \(key) изменилась: решение принято по версии \(expectedVersion), текущая версия "
                + "\(currentVersion); посмотрите изменения и повторите с --expect \(currentVersion)"
        ]
        for entry in changes {
            let after = entry.after.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            lines.append("  версия \(entry.version): \(entry.kind.russianName) — \(entry.actor), \(entry.at): \(after)")
        }
        return lines.joined(separator: "\n")
    }

    /// ``ExitStatus/tempFail`` (75): try again on the current version.
    public var exitStatus: ExitStatus { .tempFail }
}
