/// A decision made on a version of a pain that is no longer the current one: refused, never silently applied.
///
/// The store throws it as ``LocatedFailure/staleDecision(_:)`` (75) with the versions; the review service adds the
/// decisions made since, so the message shows what changed, and the workspace reads them from
/// ``LocatedFailure/staleDecision``.
public struct StaleDecision: Sendable, Hashable {
    /// The pain.
    public var key: PainKey
    /// The version the decision was made on.
    public var expectedVersion: Int
    /// The pain's current version.
    public var currentVersion: Int
    /// The decisions made after ``expectedVersion``, oldest first.
    public var changes: [DecisionAuditEntry]

    /// Creates the description.
    public init(key: PainKey, expectedVersion: Int, currentVersion: Int, changes: [DecisionAuditEntry] = []) {
        self.key = key
        self.expectedVersion = expectedVersion
        self.currentVersion = currentVersion
        self.changes = changes
    }

    /// `боль 54/2026Q3/kindergarten/2026Q2-01 изменилась: решение принято по версии 2, текущая версия 3 (…)`, then
    /// one line per change.
    public var message: String {
        var lines = [
            "боль \(key) изменилась: решение принято по версии \(expectedVersion), текущая версия "
                + "\(currentVersion); посмотрите изменения и повторите с --expect \(currentVersion)"
        ]
        for entry in changes {
            let after = entry.after.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            lines.append("  версия \(entry.version): \(entry.kind.russianName) — \(entry.actor), \(entry.at): \(after)")
        }
        return lines.joined(separator: "\n")
    }
}

extension FailureCode {
    /// A decision was made on an earlier version of a pain (75).
    public static let staleDecision = FailureCode(rawValue: "review.stale_decision")
}

extension LocatedFailure {
    /// A decision on a stale version (75: try again on the current version); the message names both versions and
    /// the changes known so far.
    ///
    /// - Parameter stale: The pain, the versions and the decisions made since.
    /// - Returns: A failure with code ``FailureCode/staleDecision`` that carries `stale` as its detail.
    public static func staleDecision(_ stale: StaleDecision) -> LocatedFailure {
        var failure = LocatedFailure(.staleDecision, message: stale.message, status: .tempFail)
        failure.detail = .staleDecision(stale)
        return failure
    }

    /// The stale decision this failure reports, or `nil` for any other failure.
    public var staleDecision: StaleDecision? {
        guard case .staleDecision(let stale)? = detail else { return nil }
        return stale
    }
}
