/// The all-regions overview of one quarter: regions side by side.
public struct QuarterOverview: Sendable, Hashable, Codable {
    /// ``PainMapReport/currentSchemaVersion``.
    public var schemaVersion: Int
    /// When rendered (ISO 8601, UTC).
    public var generatedAt: String
    /// The quarter.
    public var quarter: String
    /// The previous quarter.
    public var previousQuarter: String
    /// The life situations, in configuration order (the columns of the comparison).
    public var lifeSituations: [ReportLifeSituation]
    /// One row per region that has records in the quarter, by region code.
    public var regions: [OverviewRegion]

    /// Creates an overview.
    public init(
        schemaVersion: Int = PainMapReport.currentSchemaVersion,
        generatedAt: String,
        quarter: String,
        previousQuarter: String,
        lifeSituations: [ReportLifeSituation],
        regions: [OverviewRegion]
    ) {
        self.schemaVersion = schemaVersion
        self.generatedAt = generatedAt
        self.quarter = quarter
        self.previousQuarter = previousQuarter
        self.lifeSituations = lifeSituations
        self.regions = regions
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case generatedAt = "generated_at"
        case quarter
        case previousQuarter = "previous_quarter"
        case lifeSituations = "life_situations"
        case regions
    }
}

/// One region's row in the overview.
public struct OverviewRegion: Sendable, Hashable, Codable {
    /// The region.
    public var region: ReportRegion
    /// All records of the quarter.
    public var count: Int
    /// The same in the previous quarter.
    public var previousCount: Int
    /// The change.
    public var delta: ReportDelta
    /// Records per 10 000 inhabitants, when the population is known.
    public var per10k: Double?
    /// Records no situation claimed.
    public var unassignedCount: Int
    /// Records per life situation, in ``QuarterOverview/lifeSituations`` order.
    public var bySituation: [Int]
    /// The region's highest-priority pain over all situations, if any.
    public var topPain: IndexPain?
    /// The life situation id of ``topPain``.
    public var topPainSituation: String?
    /// Whether the region's directory (`<code>/index.html`) exists in the output, so the overview may link to it.
    public var hasReport: Bool

    /// Creates a row.
    public init(
        region: ReportRegion,
        count: Int,
        previousCount: Int,
        delta: ReportDelta,
        per10k: Double?,
        unassignedCount: Int,
        bySituation: [Int],
        topPain: IndexPain?,
        topPainSituation: String?,
        hasReport: Bool = true
    ) {
        self.region = region
        self.count = count
        self.previousCount = previousCount
        self.delta = delta
        self.per10k = per10k
        self.unassignedCount = unassignedCount
        self.bySituation = bySituation
        self.topPain = topPain
        self.topPainSituation = topPainSituation
        self.hasReport = hasReport
    }

    enum CodingKeys: String, CodingKey {
        case region, count
        case previousCount = "previous_count"
        case delta
        case per10k = "per_10k"
        case unassignedCount = "unassigned_count"
        case bySituation = "by_situation"
        case topPain = "top_pain"
        case topPainSituation = "top_pain_situation"
        case hasReport = "has_report"
    }
}
