/// A pain of an earlier period, as stored: its stable id and centroid.
public struct PreviousPain: Sendable, Hashable {
    /// The stable id analysts and reports know the pain by.
    public let id: String
    /// Centroid terms and weights (``PainCluster/centroid`` of the run that found it).
    public let centroid: [String: Float]

    /// Creates a previous pain.
    ///
    /// - Parameters:
    ///   - id: The stable id.
    ///   - centroid: Centroid weights keyed by term.
    public init(id: String, centroid: [String: Float]) {
        self.id = id
        self.centroid = centroid
    }
}
