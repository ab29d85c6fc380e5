/// How the pains of a new period relate to the previous period's.
public struct PainMatching: Sendable, Hashable {
    /// For each new pain, in input order: the reused previous id, or `nil` for a new pain.
    public let matchedIDs: [String?]
    /// For each new pain: the cosine to its matched previous pain, or `nil`.
    public let similarities: [Double?]
    /// Previous ids no new pain took, in their input order.
    public let vanishedIDs: [String]

    /// Creates a matching.
    ///
    /// - Parameters:
    ///   - matchedIDs: Reused id or `nil` per new pain.
    ///   - similarities: Cosine of each match or `nil`.
    ///   - vanishedIDs: Previous ids left unmatched.
    public init(matchedIDs: [String?], similarities: [Double?], vanishedIDs: [String]) {
        self.matchedIDs = matchedIDs
        self.similarities = similarities
        self.vanishedIDs = vanishedIDs
    }
}
