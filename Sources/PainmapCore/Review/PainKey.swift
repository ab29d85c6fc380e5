/// Which pain a decision is about: its id within one region and quarter.
public struct PainKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The 2-digit region code.
    public var region: String
    /// The quarter.
    public var quarter: Quarter
    /// The pain's review id: `life situation/pain id` for a pain a run stored, with `-рN` for one a split made.
    public var painID: String

    /// Creates a key.
    public init(region: String, quarter: Quarter, painID: String) {
        self.region = region
        self.quarter = quarter
        self.painID = painID
    }

    /// `54/2026Q3/kindergarten/2026Q2-01`.
    public var description: String { "\(region)/\(quarter)/\(painID)" }

    /// Orders by region, quarter, then pain id.
    public static func < (lhs: PainKey, rhs: PainKey) -> Bool {
        (lhs.region, lhs.quarter.description, lhs.painID) < (rhs.region, rhs.quarter.description, rhs.painID)
    }
}
