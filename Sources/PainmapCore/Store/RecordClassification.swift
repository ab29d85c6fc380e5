/// A record's life situation and journey stage, with the rule and evidence behind each, so a reviewer can see why.
///
/// Evidence names what matched (a service id, a category, configured keywords), never the record's text.
public struct RecordClassification: Sendable, Hashable, Codable {
    /// The situation id, or `nil` when the record stays unassigned («Не определена»).
    public var lifeSituation: String?
    /// The journey stage id; every record has one.
    public var stage: String
    /// The rule that decided the situation (``ClassificationRule/unassigned`` exactly when ``lifeSituation`` is `nil`).
    public var rule: ClassificationRule
    /// What the rule matched, in a few words: `ФРГУ 10001720101`, `ключевые слова: садик, комплектование (4)`.
    public var evidence: String
    /// What decided the stage.
    public var stageRule: StageRule
    /// What the stage rule matched: low scores, stage keywords, or the default.
    public var stageEvidence: String

    /// Creates a classification.
    ///
    /// - Parameters:
    ///   - lifeSituation: The situation id, or `nil`.
    ///   - stage: The stage id.
    ///   - rule: The situation rule.
    ///   - evidence: What the situation rule matched.
    ///   - stageRule: The stage rule.
    ///   - stageEvidence: What the stage rule matched.
    public init(
        lifeSituation: String?,
        stage: String,
        rule: ClassificationRule,
        evidence: String,
        stageRule: StageRule,
        stageEvidence: String
    ) {
        self.lifeSituation = lifeSituation
        self.stage = stage
        self.rule = rule
        self.evidence = evidence
        self.stageRule = stageRule
        self.stageEvidence = stageEvidence
    }
}
