/// One append-only line of the audit trail: who decided what on which pain, when, and what it was before and after.
public struct DecisionAuditEntry: Sendable, Hashable, Codable {
    /// The entry's id, increasing in the order entries were written.
    public var id: Int64
    /// The pain.
    public var key: PainKey
    /// The pain's version this decision produced.
    public var version: Int
    /// The kind of decision.
    public var kind: DecisionKind
    /// Who decided (a user name).
    public var actor: String
    /// When, ISO 8601 UTC.
    public var at: String
    /// The decision fields before.
    public var before: [String: String]
    /// The decision fields after (for a comment: `comment`; for a split or move: `records`).
    public var after: [String: String]

    /// Creates an entry.
    public init(
        id: Int64,
        key: PainKey,
        version: Int,
        kind: DecisionKind,
        actor: String,
        at: String,
        before: [String: String],
        after: [String: String]
    ) {
        self.id = id
        self.key = key
        self.version = version
        self.kind = kind
        self.actor = actor
        self.at = at
        self.before = before
        self.after = after
    }
}
