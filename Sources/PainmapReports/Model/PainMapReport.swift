/// One «Карта болей»: the pains of one life situation in one region and quarter (issue #5).
///
/// The single data model every format renders (HTML, Markdown, JSON, CSV, XLSX). Its `Codable` form *is*
/// the documented JSON schema (`docs/report-schema.md`): keys are snake_case and stable; new fields are added,
/// never renamed. Every value but ``generatedAt`` is a function of the store and the configuration, so two
/// runs over the same data give byte-identical reports apart from that one field.
public struct PainMapReport: Sendable, Hashable, Codable {
    /// The version of this schema; bumped only for incompatible changes.
    public static let currentSchemaVersion = 2

    /// ``currentSchemaVersion`` when written.
    public var schemaVersion: Int
    /// When the report was rendered (ISO 8601, UTC): the one field that differs between identical runs.
    public var generatedAt: String
    /// The region the report covers.
    public var region: ReportRegion
    /// The quarter, such as `2026Q3`.
    public var quarter: String
    /// The quarter deltas are computed against.
    public var previousQuarter: String
    /// The life situation.
    public var lifeSituation: ReportLifeSituation
    /// Totals of the situation in the region and quarter.
    public var totals: ReportTotals
    /// Pains ranked by priority (rank 1 first), then the vanished pains of the previous quarter.
    public var pains: [ReportPain]
    /// Records that fit no pain («Прочее»), if any.
    public var other: ReportOther?
    /// Records and pains per journey stage, in journey order.
    public var stages: [ReportStage]
    /// Counts of the top pains over the last quarters, oldest first.
    public var trend: ReportTrend
    /// How the report was made.
    public var methodology: ReportMethodology
    /// «Исключено при разборе»: pains analysts marked «не боль»; absent when none.
    public var excluded: [ExcludedPain]?
    /// «Требует пересмотра»: decisions whose pain a rerun no longer found; absent when none.
    public var needsReview: [ExcludedPain]?

    /// Creates a report.
    public init(
        schemaVersion: Int = PainMapReport.currentSchemaVersion,
        generatedAt: String,
        region: ReportRegion,
        quarter: String,
        previousQuarter: String,
        lifeSituation: ReportLifeSituation,
        totals: ReportTotals,
        pains: [ReportPain],
        other: ReportOther?,
        stages: [ReportStage],
        trend: ReportTrend,
        methodology: ReportMethodology
    ) {
        self.schemaVersion = schemaVersion
        self.generatedAt = generatedAt
        self.region = region
        self.quarter = quarter
        self.previousQuarter = previousQuarter
        self.lifeSituation = lifeSituation
        self.totals = totals
        self.pains = pains
        self.other = other
        self.stages = stages
        self.trend = trend
        self.methodology = methodology
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case generatedAt = "generated_at"
        case region, quarter
        case previousQuarter = "previous_quarter"
        case lifeSituation = "life_situation"
        case totals, pains, other, stages, trend, methodology, excluded
        case needsReview = "needs_review"
    }
}

/// A region as reports name it.
public struct ReportRegion: Sendable, Hashable, Codable {
    /// The 2-digit subject code (КЛАДР/ФИАС), such as `54`.
    public var code: String
    /// The short Russian name, such as «Новосибирская область».
    public var name: String
    /// The population, when the region table knows it.
    public var population: Int?

    /// Creates a region.
    public init(code: String, name: String, population: Int? = nil) {
        self.code = code
        self.name = name
        self.population = population
    }
}

/// A life situation as reports name it.
public struct ReportLifeSituation: Sendable, Hashable, Codable {
    /// The configured id, such as `kindergarten`; also the report's file name.
    public var id: String
    /// The Russian name.
    public var name: String

    /// Creates a life situation reference.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
