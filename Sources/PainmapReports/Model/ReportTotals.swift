/// The header figures of a report: how many records, from which channels, and how that changed.
public struct ReportTotals: Sendable, Hashable, Codable {
    /// Records of the situation in the region and quarter.
    public var count: Int
    /// The same in the previous quarter.
    public var previousCount: Int
    /// `count − previousCount`, absolute and relative.
    public var delta: ReportDelta
    /// Complaints per channel (every channel listed, zeros included), in channel order.
    ///
    /// A complaint that came through several channels counts once in ``count`` and once under each of its channels.
    public var byChannel: [ChannelCount]
    /// All records of the region and quarter, of every situation and unassigned.
    public var regionCount: Int
    /// Records of the region and quarter that no life situation claimed.
    public var unassignedCount: Int
    /// `unassignedCount / regionCount` (0 when the region has no records).
    public var unassignedShare: Double
    /// Records of the situation without words to group (ratings only): counted here, in no pain.
    public var withoutTextCount: Int
    /// Records folded into a complaint already counted from another channel (the same text, or a reference to the
    /// other channel's number): not in ``count``.
    public var collapsedCount: Int

    /// Creates totals.
    public init(
        count: Int,
        previousCount: Int,
        delta: ReportDelta,
        byChannel: [ChannelCount],
        regionCount: Int,
        unassignedCount: Int,
        unassignedShare: Double,
        withoutTextCount: Int = 0,
        collapsedCount: Int = 0
    ) {
        self.count = count
        self.previousCount = previousCount
        self.delta = delta
        self.byChannel = byChannel
        self.regionCount = regionCount
        self.unassignedCount = unassignedCount
        self.unassignedShare = unassignedShare
        self.withoutTextCount = withoutTextCount
        self.collapsedCount = collapsedCount
    }

    enum CodingKeys: String, CodingKey {
        case count
        case previousCount = "previous_count"
        case delta
        case byChannel = "by_channel"
        case regionCount = "region_count"
        case unassignedCount = "unassigned_count"
        case unassignedShare = "unassigned_share"
        case withoutTextCount = "without_text_count"
        case collapsedCount = "collapsed_count"
    }
}

/// A count of one channel and its share of the whole.
public struct ChannelCount: Sendable, Hashable, Codable {
    /// The channel id: `pos`, `site`, `hotline`, `portal` or `survey`.
    public var channel: String
    /// The Russian channel name.
    public var name: String
    /// Records from the channel.
    public var count: Int
    /// `count` divided by the total (0 when the total is 0).
    public var share: Double

    /// Creates a channel count.
    public init(channel: String, name: String, count: Int, share: Double) {
        self.channel = channel
        self.name = name
        self.count = count
        self.share = share
    }
}

/// A change between two quarters.
public struct ReportDelta: Sendable, Hashable, Codable {
    /// `current − previous`.
    public var absolute: Int
    /// `absolute / previous` as a fraction (0.25 = +25 %); `nil` when the previous count is 0.
    public var relative: Double?

    /// Creates a delta from two counts.
    public init(current: Int, previous: Int) {
        absolute = current - previous
        relative = previous > 0 ? Double(current - previous) / Double(previous) : nil
    }
}
