/// Totals for `painmap status`: row accounting overall, per source and per region × quarter.
public struct StoreStatus: Sendable, Hashable {
    /// Row accounting over all files.
    public var totals: FileAccounting
    /// Row accounting per source kind (every kind present, zero if none).
    public var bySource: [SourceKind: FileAccounting]
    /// Records held per region, quarter and source.
    public var records: [RegionQuarterCount]
    /// Quarantined rows per reason code.
    public var quarantineByReason: [QuarantineReason: Int]
    /// Files ingested successfully.
    public var filesDone: Int
    /// Files rejected as a whole (not retried until they change or the config changes).
    public var filesRejected: Int

    /// Creates a status.
    public init(
        totals: FileAccounting,
        bySource: [SourceKind: FileAccounting],
        records: [RegionQuarterCount],
        quarantineByReason: [QuarantineReason: Int],
        filesDone: Int,
        filesRejected: Int
    ) {
        self.totals = totals
        self.bySource = bySource
        self.records = records
        self.quarantineByReason = quarantineByReason
        self.filesDone = filesDone
        self.filesRejected = filesRejected
    }
}

/// The number of records one source holds for one region and quarter.
public struct RegionQuarterCount: Sendable, Hashable, Codable {
    /// 2-digit region code.
    public var region: String
    /// The quarter.
    public var quarter: Quarter
    /// The source kind.
    public var source: SourceKind
    /// Records held.
    public var count: Int

    /// Creates a count.
    public init(region: String, quarter: Quarter, source: SourceKind, count: Int) {
        self.region = region
        self.quarter = quarter
        self.source = source
        self.count = count
    }
}
