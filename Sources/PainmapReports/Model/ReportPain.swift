/// One row of the pain table: one pain of a life situation in a region and quarter.
public struct ReportPain: Sendable, Hashable, Codable {
    /// The stable pain id, carried across quarters while the pain persists (such as `2026Q2-07`:
    /// the quarter it first appeared in and its number there).
    public var id: String
    /// Position by priority, 1 first; `nil` for a vanished pain.
    public var rank: Int?
    /// The pain in citizens' words (the most central short phrase of its records).
    public var title: String
    /// Its most characteristic words (c-TF-IDF), as citizens spell them.
    public var keywords: [String]
    /// The journey stage most of its records belong to.
    public var stage: ReportStageRef
    /// Records per stage, largest first (ties in journey order).
    public var stageDistribution: [StageCount]
    /// Records in this quarter (0 for a vanished pain).
    public var count: Int
    /// `count` over the situation's records in the quarter.
    public var share: Double
    /// Records per channel, every channel listed, in channel order.
    public var byChannel: [ChannelCount]
    /// Records of the matched pain in the previous quarter (0 for a new pain).
    public var previousCount: Int
    /// `count − previousCount`.
    public var delta: ReportDelta
    /// New, recurring, or vanished since the previous quarter.
    public var status: PainStatus
    /// Too small or too new to be trusted yet (the rule is in the methodology note).
    public var isSignal: Bool
    /// Low scores among the pain's rated records.
    public var dissatisfaction: RateShare
    /// Late answers among the pain's records that carry a deadline.
    public var overdue: RateShare
    /// The organisations its records name most often (at most three), most frequent first.
    public var organizations: [NamedCount]
    /// The priority score and every factor of it.
    public var priority: PainPriority
    /// Two or three redacted quotes nearest the pain's centre, from distinct wordings.
    public var quotes: [ReportQuote]
    /// «Предлагаемое решение»: the analysts' solution (`painmap review solution`), empty until they give one.
    public var proposedSolution: String
    /// The analysts' decisions (status, responsible body, due date, flags); absent when nobody decided anything.
    public var review: PainReview?
    /// The previous quarter's pain this one split off, when it did not keep that pain's id.
    ///
    /// Most of its previous-quarter records belonged to that pain and its centroid matches that pain's, but another
    /// pain of this quarter continues its id. Decisions on it carry to this pain as to its own predecessor. Absent when
    /// the pain kept its predecessor's id or is new.
    public var predecessorID: String?

    /// Creates a pain row.
    public init(
        id: String,
        rank: Int?,
        title: String,
        keywords: [String],
        stage: ReportStageRef,
        stageDistribution: [StageCount],
        count: Int,
        share: Double,
        byChannel: [ChannelCount],
        previousCount: Int,
        delta: ReportDelta,
        status: PainStatus,
        isSignal: Bool,
        dissatisfaction: RateShare,
        overdue: RateShare,
        organizations: [NamedCount],
        priority: PainPriority,
        quotes: [ReportQuote],
        proposedSolution: String = "",
        review: PainReview? = nil,
        predecessorID: String? = nil
    ) {
        self.id = id
        self.rank = rank
        self.title = title
        self.keywords = keywords
        self.stage = stage
        self.stageDistribution = stageDistribution
        self.count = count
        self.share = share
        self.byChannel = byChannel
        self.previousCount = previousCount
        self.delta = delta
        self.status = status
        self.isSignal = isSignal
        self.dissatisfaction = dissatisfaction
        self.overdue = overdue
        self.organizations = organizations
        self.priority = priority
        self.quotes = quotes
        self.proposedSolution = proposedSolution
        self.review = review
        self.predecessorID = predecessorID
    }

    enum CodingKeys: String, CodingKey {
        case id, rank, title, keywords, stage
        case stageDistribution = "stage_distribution"
        case count, share
        case byChannel = "by_channel"
        case previousCount = "previous_count"
        case delta, status
        case isSignal = "is_signal"
        case dissatisfaction, overdue, organizations, priority, quotes
        case proposedSolution = "proposed_solution"
        case review
        case predecessorID = "predecessor_id"
    }
}

/// How a pain relates to the previous quarter.
public enum PainStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// No pain of the previous quarter matched it.
    case new
    /// It continues a pain of the previous quarter (same id).
    case recurring
    /// A pain of the previous quarter that nothing in this quarter matched.
    case vanished

    /// The flag reports print: «новая», «повторяется», «исчезла».
    public var russianName: String {
        switch self {
        case .new: "новая"
        case .recurring: "повторяется"
        case .vanished: "исчезла"
        }
    }
}

/// A part of a whole, such as dissatisfied among rated records; `share` is `nil` when nothing could be counted.
public struct RateShare: Sendable, Hashable, Codable {
    /// Records the share is taken of (rated records, records with a deadline).
    public var base: Int
    /// Records that have the property.
    public var count: Int
    /// `count / base`, or `nil` when `base` is 0 («нет данных»).
    public var share: Double?

    /// Creates a share of `count` in `base`.
    public init(count: Int, base: Int) {
        self.base = base
        self.count = count
        share = base > 0 ? Double(count) / Double(base) : nil
    }
}

/// A name with a count (an organisation, a keyword).
public struct NamedCount: Sendable, Hashable, Codable {
    /// The name as the records give it.
    public var name: String
    /// How many records name it.
    public var count: Int

    /// Creates a named count.
    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}

/// A stage reference: id and Russian name.
public struct ReportStageRef: Sendable, Hashable, Codable {
    /// The stage id from the configuration, such as `review`.
    public var id: String
    /// The Russian name, such as «Рассмотрение».
    public var name: String
    /// The stage's position in the journey, 1 first.
    public var order: Int

    /// Creates a stage reference.
    public init(id: String, name: String, order: Int) {
        self.id = id
        self.name = name
        self.order = order
    }
}

/// Records of one stage.
public struct StageCount: Sendable, Hashable, Codable {
    /// The stage id.
    public var stage: String
    /// Records in that stage.
    public var count: Int

    /// Creates a stage count.
    public init(stage: String, count: Int) {
        self.stage = stage
        self.count = count
    }
}

/// The priority of a pain and every factor of it, so a reviewer can dispute one
/// (`score = volume × growth × severity × dissatisfaction`).
public struct PainPriority: Sendable, Hashable, Codable {
    /// The product of the components.
    public var score: Double
    /// The factors.
    public var components: PriorityComponents

    /// Creates a priority.
    public init(score: Double, components: PriorityComponents) {
        self.score = score
        self.components = components
    }
}

/// The factors of a priority score.
public struct PriorityComponents: Sendable, Hashable, Codable {
    /// `ln(1 + count)`.
    public var volume: Double
    /// `1 + min(cap, max(0, growth))`, growth = (n − n_prev) / max(n_prev, 1).
    public var growth: Double
    /// The weight of the pain's severity class.
    public var severity: Double
    /// The severity class id (`safety`, `money`, `deadlines`, `convenience` …).
    public var severityClass: String
    /// The Russian name of the severity class.
    public var severityName: String
    /// `0.5 + dissatisfied share` (0.5 + 0 when no record is rated).
    public var dissatisfaction: Double

    /// Creates the components.
    public init(
        volume: Double,
        growth: Double,
        severity: Double,
        severityClass: String,
        severityName: String,
        dissatisfaction: Double
    ) {
        self.volume = volume
        self.growth = growth
        self.severity = severity
        self.severityClass = severityClass
        self.severityName = severityName
        self.dissatisfaction = dissatisfaction
    }

    enum CodingKeys: String, CodingKey {
        case volume, growth, severity
        case severityClass = "severity_class"
        case severityName = "severity_name"
        case dissatisfaction
    }
}

/// A redacted citizen quote with where it came from.
public struct ReportQuote: Sendable, Hashable, Codable {
    /// The redacted text (personal data replaced by `[ТЕЛЕФОН]`, `[ФИО]` …), shortened to a readable length.
    public var text: String
    /// The record id an analyst can look up (the source's id when it has one, else the store's).
    public var recordID: String
    /// The channel id.
    public var channel: String
    /// The Russian channel name.
    public var channelName: String
    /// The date the record was received (`YYYY-MM-DD`).
    public var date: String

    /// Creates a quote.
    public init(text: String, recordID: String, channel: String, channelName: String, date: String) {
        self.text = text
        self.recordID = recordID
        self.channel = channel
        self.channelName = channelName
        self.date = date
    }

    enum CodingKeys: String, CodingKey {
        case text
        case recordID = "record_id"
        case channel
        case channelName = "channel_name"
        case date
    }
}
