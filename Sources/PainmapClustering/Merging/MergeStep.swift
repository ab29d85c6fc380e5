/// One step of the average-link merge tree over k-means cells, numbered as in SciPy's linkage matrix.
///
/// Nodes `0 ..< cellCount` are the k-means cells; step `i` creates node `cellCount + i` from
/// ``first`` and ``second``. The tree runs to a single root, so a pain can later be split (cut lower)
/// or merged (cut higher) without clustering again.
public struct MergeStep: Sendable, Hashable {
    /// The node with the lower representative cell.
    public let first: Int
    /// The other node.
    public let second: Int
    /// Average cosine distance between the cells of the two nodes.
    public let distance: Double
    /// Number of cells under the new node.
    public let cellCount: Int

    /// Creates a step.
    ///
    /// - Parameters:
    ///   - first: The node with the lower representative cell.
    ///   - second: The other node.
    ///   - distance: Average-link cosine distance at which they merge.
    ///   - cellCount: Cells under the new node.
    public init(first: Int, second: Int, distance: Double, cellCount: Int) {
        self.first = first
        self.second = second
        self.distance = distance
        self.cellCount = cellCount
    }
}
