extension StabilityCut {
    /// For every node of the first tree, its best Jaccard overlap with a node of the second, over the given rows.
    ///
    /// - Parameters:
    ///   - cells: The first tree's cell of each row.
    ///   - cellCount: Cells of the first tree.
    ///   - steps: The first tree.
    ///   - otherCells: The second tree's cell of each row.
    ///   - otherCellCount: Cells of the second tree.
    ///   - otherSteps: The second tree.
    ///   - weights: Records per row.
    /// - Returns: Best Jaccard per node of the first tree (`0` for a node with no row here).
    static func bestJaccard(
        cells: [Int32],
        cellCount: Int,
        steps: [MergeStep],
        otherCells: [Int32],
        otherCellCount: Int,
        otherSteps: [MergeStep],
        weights: [Int]
    ) -> [Double] {
        let otherNodeCount = otherCellCount + otherSteps.count
        let nodeCount = cellCount + steps.count
        // overlap[node * otherNodeCount + otherNode], built for cells and summed up both trees.
        var overlap = [Int](repeating: 0, count: nodeCount * otherNodeCount)
        var size = [Int](repeating: 0, count: nodeCount)
        var otherSize = [Int](repeating: 0, count: otherNodeCount)
        for index in cells.indices {
            overlap[Int(cells[index]) * otherNodeCount + Int(otherCells[index])] += weights[index]
            size[Int(cells[index])] += weights[index]
            otherSize[Int(otherCells[index])] += weights[index]
        }
        for (index, step) in otherSteps.enumerated() {
            let node = otherCellCount + index
            otherSize[node] = otherSize[step.first] + otherSize[step.second]
            for cell in 0..<cellCount {
                let base = cell * otherNodeCount
                overlap[base + node] = overlap[base + step.first] + overlap[base + step.second]
            }
        }
        for (index, step) in steps.enumerated() {
            let node = cellCount + index
            size[node] = size[step.first] + size[step.second]
            let base = node * otherNodeCount
            let first = step.first * otherNodeCount
            let second = step.second * otherNodeCount
            for other in 0..<otherNodeCount { overlap[base + other] = overlap[first + other] + overlap[second + other] }
        }
        return (0..<nodeCount).map { node in
            guard size[node] > 0 else { return 0 }
            var best = 0.0
            let base = node * otherNodeCount
            for other in 0..<otherNodeCount where overlap[base + other] > 0 {
                let shared = overlap[base + other]
                best = max(best, Double(shared) / Double(size[node] + otherSize[other] - shared))
            }
            return best
        }
    }
}
