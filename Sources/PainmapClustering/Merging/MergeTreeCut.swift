/// The groups of cells below a cut of an average-link merge tree, numbered as ``AverageLinkMerger`` numbers them.
///
/// Every step whose distance is at most the cut joins its two nodes; a group is named by its lowest cell and groups
/// are numbered densely in that order. Cells outside the tree (empty cells) get `-1`.
enum MergeTreeCut {
    /// The group of every cell when the tree is cut at `threshold`.
    ///
    /// - Parameters:
    ///   - steps: The tree, in merge order (``MergeStep`` numbering).
    ///   - occupied: Whether each cell holds rows; the length is the number of cells.
    ///   - threshold: The largest distance at which nodes still join.
    /// - Returns: Dense group per cell, `-1` for unoccupied cells.
    static func groups(steps: [MergeStep], occupied: [Bool], threshold: Double) -> [Int32] {
        let cellCount = occupied.count
        var parent = Array(0..<cellCount)
        func root(_ cell: Int) -> Int {
            var cell = cell
            while parent[cell] != cell {
                parent[cell] = parent[parent[cell]]
                cell = parent[cell]
            }
            return cell
        }
        // A node's representative: any cell under it (the lowest, as the merger keeps it).
        var cellOfNode = Array(0..<cellCount)
        cellOfNode.reserveCapacity(cellCount + steps.count)
        for step in steps {
            let first = cellOfNode[step.first]
            let second = cellOfNode[step.second]
            cellOfNode.append(min(first, second))
            guard step.distance <= threshold else { continue }
            let a = root(first)
            let b = root(second)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var dense = [Int32](repeating: -1, count: cellCount)
        var group = [Int32](repeating: -1, count: cellCount)
        var next: Int32 = 0
        for cell in 0..<cellCount where occupied[cell] {
            let slot = root(cell)
            if dense[slot] < 0 {
                dense[slot] = next
                next += 1
            }
            group[cell] = dense[slot]
        }
        return group
    }
}
