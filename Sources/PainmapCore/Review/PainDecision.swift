/// The analysts' current decisions on one pain: what the audit trail adds up to.
///
/// A pain nobody decided anything on has no stored row; ``PainDecision/init(key:)`` is its state (version 0).
/// Every decision raises ``version`` by one, and a decision made on another version than the stored one is refused.
public struct PainDecision: Sendable, Hashable, Codable {
    /// The pain.
    public var key: PainKey
    /// How many decisions have been applied; 0 when none.
    public var version: Int
    /// Marked «не боль» (spam, off-topic, thanks): left out of counts and ranking, never deleted.
    public var isJunk: Bool
    /// Why it was marked «не боль».
    public var junkReason: String?
    /// The title an analyst gave it, replacing the computed one.
    public var title: String?
    /// Where the work stands.
    public var status: ReviewStatus
    /// The responsible body (a name from `Config/responsible_bodies.yaml` or the pain's records).
    public var responsibleBody: String?
    /// The proposed solution.
    public var solution: String?
    /// The due date, `YYYY-MM-DD`.
    public var dueDate: String?
    /// The pain this one was merged into, if merged.
    public var mergedInto: String?
    /// The pain this one was split from, for a pain a split created.
    public var splitFrom: String?
    /// Who made the last decision.
    public var updatedBy: String?
    /// When the last decision was made, ISO 8601 UTC.
    public var updatedAt: String?

    /// The state of a pain nobody has decided anything on.
    public init(key: PainKey) {
        self.key = key
        self.version = 0
        self.isJunk = false
        self.status = .new
    }

    /// Whether any analyst decision is recorded.
    public var isDecided: Bool { version > 0 }

    /// The decision fields only (no key, version or who/when), as the audit trail keeps «before» and «after».
    public var fields: [String: String] {
        var fields: [String: String] = ["status": status.rawValue, "junk": isJunk ? "true" : "false"]
        if let junkReason { fields["junk_reason"] = junkReason }
        if let title { fields["title"] = title }
        if let responsibleBody { fields["responsible_body"] = responsibleBody }
        if let solution { fields["solution"] = solution }
        if let dueDate { fields["due_date"] = dueDate }
        if let mergedInto { fields["merged_into"] = mergedInto }
        if let splitFrom { fields["split_from"] = splitFrom }
        return fields
    }
}
