/// The index page of one region and quarter: every life situation with its totals and top three pains.
public struct RegionIndex: Sendable, Hashable, Codable {
    /// ``PainMapReport/currentSchemaVersion``.
    public var schemaVersion: Int
    /// When rendered (ISO 8601, UTC).
    public var generatedAt: String
    /// The region.
    public var region: ReportRegion
    /// The quarter.
    public var quarter: String
    /// The previous quarter.
    public var previousQuarter: String
    /// All records of the region and quarter.
    public var count: Int
    /// The same in the previous quarter.
    public var previousCount: Int
    /// Records no situation claimed.
    public var unassignedCount: Int
    /// Records per channel.
    public var byChannel: [ChannelCount]
    /// One entry per life situation with records in this or the previous quarter, in configuration order.
    public var situations: [RegionIndexEntry]

    /// Creates an index.
    public init(
        schemaVersion: Int = PainMapReport.currentSchemaVersion,
        generatedAt: String,
        region: ReportRegion,
        quarter: String,
        previousQuarter: String,
        count: Int,
        previousCount: Int,
        unassignedCount: Int,
        byChannel: [ChannelCount],
        situations: [RegionIndexEntry]
    ) {
        self.schemaVersion = schemaVersion
        self.generatedAt = generatedAt
        self.region = region
        self.quarter = quarter
        self.previousQuarter = previousQuarter
        self.count = count
        self.previousCount = previousCount
        self.unassignedCount = unassignedCount
        self.byChannel = byChannel
        self.situations = situations
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case generatedAt = "generated_at"
        case region, quarter
        case previousQuarter = "previous_quarter"
        case count
        case previousCount = "previous_count"
        case unassignedCount = "unassigned_count"
        case byChannel = "by_channel"
        case situations
    }
}

/// One life situation on a region's index page.
public struct RegionIndexEntry: Sendable, Hashable, Codable {
    /// The situation.
    public var lifeSituation: ReportLifeSituation
    /// Records this quarter.
    public var count: Int
    /// Records in the previous quarter.
    public var previousCount: Int
    /// The change.
    public var delta: ReportDelta
    /// Pains this quarter (not counting «Прочее» and vanished ones).
    public var painCount: Int
    /// The three highest-priority pains.
    public var topPains: [IndexPain]

    /// Creates an entry.
    public init(
        lifeSituation: ReportLifeSituation,
        count: Int,
        previousCount: Int,
        delta: ReportDelta,
        painCount: Int,
        topPains: [IndexPain]
    ) {
        self.lifeSituation = lifeSituation
        self.count = count
        self.previousCount = previousCount
        self.delta = delta
        self.painCount = painCount
        self.topPains = topPains
    }

    enum CodingKeys: String, CodingKey {
        case lifeSituation = "life_situation"
        case count
        case previousCount = "previous_count"
        case delta
        case painCount = "pain_count"
        case topPains = "top_pains"
    }
}

/// A pain as index and overview pages show it.
public struct IndexPain: Sendable, Hashable, Codable {
    /// The pain id.
    public var id: String
    /// The title.
    public var title: String
    /// Records this quarter.
    public var count: Int
    /// New or recurring.
    public var status: PainStatus
    /// The priority score.
    public var priority: Double
    /// Marked «сигнал».
    public var isSignal: Bool

    /// Creates an index pain.
    public init(id: String, title: String, count: Int, status: PainStatus, priority: Double, isSignal: Bool) {
        self.id = id
        self.title = title
        self.count = count
        self.status = status
        self.priority = priority
        self.isSignal = isSignal
    }

    enum CodingKeys: String, CodingKey {
        case id, title, count, status, priority
        case isSignal = "is_signal"
    }
}

extension IndexPain {
    /// Creates the index entry of a report's pain: its id, title, count, status, priority score and signal mark.
    ///
    /// - Parameter pain: The report's pain.
    public init(_ pain: ReportPain) {
        self.init(
            id: pain.id,
            title: pain.title,
            count: pain.count,
            status: pain.status,
            priority: pain.priority.score,
            isSignal: pain.isSignal
        )
    }
}
