/// «Прочее»: records of the situation that fit no pain.
public struct ReportOther: Sendable, Hashable, Codable {
    /// Records in «Прочее».
    public var count: Int
    /// `count` over the situation's records.
    public var share: Double

    /// Creates the catch-all summary.
    public init(count: Int, share: Double) {
        self.count = count
        self.share = share
    }
}

/// One stage of the journey in the stage breakdown.
public struct ReportStage: Sendable, Hashable, Codable {
    /// The stage.
    public var stage: ReportStageRef
    /// Records of the situation in this stage.
    public var records: Int
    /// Pains (not vanished) whose main stage this is.
    public var pains: Int

    /// Creates a stage row.
    public init(stage: ReportStageRef, records: Int, pains: Int) {
        self.stage = stage
        self.records = records
        self.pains = pains
    }
}

/// Counts of the top pains over the last quarters, for the trend chart.
public struct ReportTrend: Sendable, Hashable, Codable {
    /// The quarters, oldest first, ending with the report's quarter.
    public var quarters: [String]
    /// One series per top pain.
    public var series: [TrendSeries]

    /// Creates a trend.
    public init(quarters: [String], series: [TrendSeries]) {
        self.quarters = quarters
        self.series = series
    }
}

/// One pain's counts per quarter.
public struct TrendSeries: Sendable, Hashable, Codable {
    /// The pain id.
    public var painID: String
    /// The pain title.
    public var title: String
    /// Records per quarter of ``ReportTrend/quarters`` (0 where the pain was not seen).
    public var counts: [Int]

    /// Creates a series.
    public init(painID: String, title: String, counts: [Int]) {
        self.painID = painID
        self.title = title
        self.counts = counts
    }

    enum CodingKeys: String, CodingKey {
        case painID = "pain_id"
        case title, counts
    }
}

/// The methodology note: what the report covers and how it was computed.
public struct ReportMethodology: Sendable, Hashable, Codable {
    /// Channels and the records each gave to the report's region and quarter.
    public var sources: [ChannelCount]
    /// The period covered, such as «1 июля – 30 сентября 2026 г.».
    public var period: String
    /// How records got their life situation and stage.
    public var classification: String
    /// How records were grouped into pains.
    public var clustering: String
    /// The priority formula in words and symbols.
    public var priorityFormula: String
    /// Severity classes and their weights, as configured.
    public var severityClasses: [SeverityClassNote]
    /// The rule that marks a pain as «сигнал».
    public var signalRule: String
    /// The fingerprint of the configuration the report was made under.
    public var configDigest: String

    /// Creates the note.
    public init(
        sources: [ChannelCount],
        period: String,
        classification: String,
        clustering: String,
        priorityFormula: String,
        severityClasses: [SeverityClassNote],
        signalRule: String,
        configDigest: String
    ) {
        self.sources = sources
        self.period = period
        self.classification = classification
        self.clustering = clustering
        self.priorityFormula = priorityFormula
        self.severityClasses = severityClasses
        self.signalRule = signalRule
        self.configDigest = configDigest
    }

    enum CodingKeys: String, CodingKey {
        case sources, period, classification, clustering
        case priorityFormula = "priority_formula"
        case severityClasses = "severity_classes"
        case signalRule = "signal_rule"
        case configDigest = "config_digest"
    }
}

/// A severity class as the methodology note lists it.
public struct SeverityClassNote: Sendable, Hashable, Codable {
    /// The class id.
    public var id: String
    /// The Russian name.
    public var name: String
    /// Its weight in the priority.
    public var weight: Double

    /// Creates a note entry.
    public init(id: String, name: String, weight: Double) {
        self.id = id
        self.name = name
        self.weight = weight
    }
}
