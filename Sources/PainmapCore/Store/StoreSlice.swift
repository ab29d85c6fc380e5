/// One region × quarter of a store: what a classification run reads and saves at a time.
public struct StoreSlice: Sendable, Hashable, Comparable {
    /// The 2-digit region code.
    public var region: String
    /// The quarter.
    public var quarter: Quarter

    /// Creates a slice.
    ///
    /// - Parameters:
    ///   - region: The 2-digit region code.
    ///   - quarter: The quarter.
    public init(region: String, quarter: Quarter) {
        self.region = region
        self.quarter = quarter
    }

    /// Orders slices by region, then by quarter.
    public static func < (lhs: StoreSlice, rhs: StoreSlice) -> Bool {
        lhs.region != rhs.region ? lhs.region < rhs.region : lhs.quarter < rhs.quarter
    }
}
