/// An analyst's correction of where one record belongs: another pain (a split) and/or another life situation.
public struct RecordDecision: Sendable, Hashable, Codable {
    /// The record.
    public var recordID: RecordID
    /// The record's region.
    public var region: String
    /// The record's quarter.
    public var quarter: Quarter
    /// The pain the record was moved to by a split, if any.
    public var painID: String?
    /// Whether the record was moved to another life situation (then ``lifeSituation`` is where; `nil` = «Не определена»).
    public var movesSituation: Bool
    /// The life situation the record was moved to (`nil` with ``movesSituation`` = «Не определена»).
    public var lifeSituation: String?
    /// Who moved it.
    public var actor: String
    /// When, ISO 8601 UTC.
    public var at: String

    /// Creates a record decision.
    public init(
        recordID: RecordID,
        region: String,
        quarter: Quarter,
        painID: String?,
        movesSituation: Bool,
        lifeSituation: String?,
        actor: String,
        at: String
    ) {
        self.recordID = recordID
        self.region = region
        self.quarter = quarter
        self.painID = painID
        self.movesSituation = movesSituation
        self.lifeSituation = lifeSituation
        self.actor = actor
        self.at = at
    }
}
