/// A pain as a run leaves it in the store: what the next quarter matches against and what trend charts read.
///
/// One row per pain of one (region, quarter, life situation); «Прочее» is not stored. The centroid keeps the
/// strongest stems with their weights, enough for ``PainMatcher``-style cosine matching across quarters.
public struct StoredPain: Sendable, Hashable, Codable {
    /// The 2-digit region code.
    public var region: String
    /// The quarter.
    public var quarter: Quarter
    /// The life situation id.
    public var lifeSituation: String
    /// The pain id, stable across quarters while the pain persists.
    public var id: String
    /// Position by priority within the situation, 1 first.
    public var rank: Int
    /// The pain's title in citizens' words.
    public var title: String
    /// The main journey stage id.
    public var stage: String
    /// Records in the quarter.
    public var count: Int
    /// The priority score.
    public var priority: Double
    /// Marked «сигнал» (too small or too new to trust).
    public var isSignal: Bool
    /// `new` or `recurring` against the previous quarter (the report's status flag).
    public var status: String
    /// Records of the pain in the previous quarter, as this quarter's report counted them.
    public var previousCount: Int
    /// The strongest centroid terms (stems and stem bigrams) with their weights.
    public var centroid: [String: Float]

    /// Creates a stored pain.
    public init(
        region: String,
        quarter: Quarter,
        lifeSituation: String,
        id: String,
        rank: Int,
        title: String,
        stage: String,
        count: Int,
        priority: Double,
        isSignal: Bool,
        status: String = "new",
        previousCount: Int = 0,
        centroid: [String: Float]
    ) {
        self.region = region
        self.quarter = quarter
        self.lifeSituation = lifeSituation
        self.id = id
        self.rank = rank
        self.title = title
        self.stage = stage
        self.count = count
        self.priority = priority
        self.isSignal = isSignal
        self.status = status
        self.previousCount = previousCount
        self.centroid = centroid
    }
}

extension StoredPain {
    /// Checks that every pain belongs to the region-quarter a store is asked to replace.
    ///
    /// - Parameters:
    ///   - pains: The pains to store.
    ///   - region: The region being replaced.
    ///   - quarter: The quarter being replaced.
    /// - Throws: ``LocatedFailure`` with ``FailureCode/storeInvalidWrite`` naming the first pain of another slice.
    public static func requireSlice(_ pains: [StoredPain], region: String, quarter: Quarter) throws(LocatedFailure) {
        if let stray = pains.first(where: { $0.region != region || $0.quarter != quarter }) {
            throw LocatedFailure.store(
                .storeInvalidWrite,
                message:
                    "боль \(stray.id) относится к \(stray.region)/\(stray.quarter), а заменяются боли \(region)/\(quarter)"
            )
        }
    }
}
