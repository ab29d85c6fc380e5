/// How many records of one region and quarter have one situation, stage and rule.
///
/// Records the store holds but has not classified yet count with ``stage`` and ``rule`` `nil`.
public struct ClassificationCount: Sendable, Hashable, Codable {
    /// The 2-digit region code.
    public var region: String
    /// The quarter.
    public var quarter: Quarter
    /// The situation id, or `nil` for unassigned (and for not yet classified) records.
    public var lifeSituation: String?
    /// The stage id, or `nil` for records not classified yet.
    public var stage: String?
    /// The rule, or `nil` for records not classified yet.
    public var rule: ClassificationRule?
    /// Whether the classification was made with another configuration digest than the one asked about.
    public var isStale: Bool
    /// The number of records.
    public var count: Int

    /// Creates a count.
    ///
    /// - Parameters:
    ///   - region: The region code.
    ///   - quarter: The quarter.
    ///   - lifeSituation: The situation id, or `nil`.
    ///   - stage: The stage id, or `nil` when not classified.
    ///   - rule: The rule, or `nil` when not classified.
    ///   - isStale: Whether another configuration produced it.
    ///   - count: The number of records.
    public init(
        region: String,
        quarter: Quarter,
        lifeSituation: String?,
        stage: String?,
        rule: ClassificationRule?,
        isStale: Bool,
        count: Int
    ) {
        self.region = region
        self.quarter = quarter
        self.lifeSituation = lifeSituation
        self.stage = stage
        self.rule = rule
        self.isStale = isStale
        self.count = count
    }
}
