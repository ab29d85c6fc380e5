/// Decisions applied together in one transaction: every pain's change and every record correction, or none.
public struct DecisionBatch: Sendable, Hashable {
    /// One pain's new decision state, valid only if the pain is still at ``expectedVersion``.
    public struct Change: Sendable, Hashable {
        /// The version the analyst saw; the store refuses the batch when the pain has moved on.
        public var expectedVersion: Int
        /// The kind of decision, for the audit trail.
        public var kind: DecisionKind
        /// The new decision fields (the store sets its version, who and when).
        public var state: PainDecision
        /// What the audit entry records as «after» when it is not the state's fields (a comment's text, a split's
        /// records).
        public var auditAfter: [String: String]?

        /// Creates a change.
        public init(expectedVersion: Int, kind: DecisionKind, state: PainDecision, auditAfter: [String: String]? = nil)
        {
            self.expectedVersion = expectedVersion
            self.kind = kind
            self.state = state
            self.auditAfter = auditAfter
        }
    }

    /// The pains' changes, applied in this order.
    public var changes: [Change]
    /// Record corrections (splits, moves to another situation), replacing earlier ones of the same records.
    public var records: [RecordDecision]
    /// Who decides.
    public var actor: String
    /// When, ISO 8601 UTC.
    public var at: String

    /// Creates a batch.
    public init(changes: [Change], records: [RecordDecision] = [], actor: String, at: String) {
        self.changes = changes
        self.records = records
        self.actor = actor
        self.at = at
    }
}
