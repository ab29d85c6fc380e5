/// «Решения и их эффект» of a region and quarter: for each pain decided during the previous quarter, its records
/// before and after, as a rate per 10 000 records of its life situation, and the rate ratio with a 95 % interval.
public struct DecisionEffectPage: Sendable, Hashable, Codable {
    /// ``PainMapReport/currentSchemaVersion`` when written.
    public var schemaVersion: Int
    /// When rendered (ISO 8601, UTC).
    public var generatedAt: String
    /// The region.
    public var region: ReportRegion
    /// The quarter after the decisions.
    public var quarter: String
    /// The quarter the decisions were made in (and the «before» quarter).
    public var decisionQuarter: String
    /// How the figures were made, so an upgrade of the analysis is not mistaken for an effect.
    public var method: EffectMethod
    /// One row per decided pain, by life situation and pain id.
    public var effects: [DecisionEffect]

    /// Creates a page.
    public init(
        schemaVersion: Int = PainMapReport.currentSchemaVersion,
        generatedAt: String,
        region: ReportRegion,
        quarter: String,
        decisionQuarter: String,
        method: EffectMethod,
        effects: [DecisionEffect]
    ) {
        self.schemaVersion = schemaVersion
        self.generatedAt = generatedAt
        self.region = region
        self.quarter = quarter
        self.decisionQuarter = decisionQuarter
        self.method = method
        self.effects = effects
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case generatedAt = "generated_at"
        case region, quarter
        case decisionQuarter = "decision_quarter"
        case method, effects
    }
}

/// The method version behind an effect page.
public struct EffectMethod: Sendable, Hashable, Codable {
    /// The configuration digest of the run that counted both quarters.
    public var configDigest: String
    /// The analysis version (clustering, matching and counting code).
    public var analysisVersion: String
    /// How the counts were made, in Russian.
    public var note: String

    /// Creates a method description.
    public init(configDigest: String, analysisVersion: String, note: String) {
        self.configDigest = configDigest
        self.analysisVersion = analysisVersion
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case configDigest = "config_digest"
        case analysisVersion = "analysis_version"
        case note
    }
}

/// One decided pain's records before and after the decision.
public struct DecisionEffect: Sendable, Hashable, Codable {
    /// The life situation id.
    public var lifeSituation: String
    /// The pain id.
    public var painID: String
    /// The pain's title.
    public var title: String
    /// What was decided, in Russian (status, body, solution).
    public var decision: String
    /// Who made the last decision of the quarter.
    public var decidedBy: String
    /// When, ISO 8601 UTC.
    public var decidedAt: String
    /// The decision quarter's figures.
    public var before: EffectQuarter
    /// The following quarter's figures.
    public var after: EffectQuarter
    /// after rate / before rate (with 0.5 added to a zero count).
    public var rateRatio: Double
    /// The 95 % interval's lower end (log-RR normal approximation).
    public var lower: Double
    /// The 95 % interval's upper end.
    public var upper: Double
    /// «снижение», «рост» or «эффект не доказан» (the interval spans 1).
    public var verdict: String

    /// Creates a row.
    public init(
        lifeSituation: String,
        painID: String,
        title: String,
        decision: String,
        decidedBy: String,
        decidedAt: String,
        before: EffectQuarter,
        after: EffectQuarter,
        rateRatio: Double,
        lower: Double,
        upper: Double,
        verdict: String
    ) {
        self.lifeSituation = lifeSituation
        self.painID = painID
        self.title = title
        self.decision = decision
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.before = before
        self.after = after
        self.rateRatio = rateRatio
        self.lower = lower
        self.upper = upper
        self.verdict = verdict
    }

    enum CodingKeys: String, CodingKey {
        case lifeSituation = "life_situation"
        case painID = "pain_id"
        case title, decision
        case decidedBy = "decided_by"
        case decidedAt = "decided_at"
        case before, after
        case rateRatio = "rate_ratio"
        case lower, upper, verdict
    }
}

/// A pain's records in one quarter and its rate per 10 000 records of its life situation.
public struct EffectQuarter: Sendable, Hashable, Codable {
    /// The quarter.
    public var quarter: String
    /// The pain's records.
    public var records: Int
    /// The life situation's records.
    public var situationRecords: Int
    /// records / situation records × 10 000 (0 when the situation has none).
    public var ratePer10k: Double

    /// Creates the figures.
    public init(quarter: String, records: Int, situationRecords: Int) {
        self.quarter = quarter
        self.records = records
        self.situationRecords = situationRecords
        ratePer10k = situationRecords > 0 ? Double(records) / Double(situationRecords) * 10_000 : 0
    }

    enum CodingKeys: String, CodingKey {
        case quarter, records
        case situationRecords = "situation_records"
        case ratePer10k = "rate_per_10k"
    }
}
