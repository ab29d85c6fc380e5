/// Average-link (UPGMA) agglomeration of k-means centroids on cosine distance, cut at `τ`.
///
/// Each centroid counts once, as in the baseline's `scipy.cluster.hierarchy.linkage(method="average")`.
/// The closest pair merges first; equal distances go to the lowest pair of representative cells
/// (BERTopic #1906 shows what unbroken ties do to a hierarchy). Average linkage is monotone, so cutting
/// at `τ` keeps exactly the steps with distance ≤ `τ`.
struct AverageLinkMerger {
    /// `τ`: the largest average cosine distance at which groups still merge.
    var threshold: Double
    /// Threads for the pairwise cosines (each pair is computed the same way at any count).
    var threadCount = 1

    /// Builds the full merge tree and the groups below the cut.
    ///
    /// - Parameters:
    ///   - centroids: Cell-major unit centroids, `cellCount × columnCount`; all-zero rows are empty cells.
    ///   - cellCount: Number of cells.
    ///   - columnCount: Vector length.
    /// - Returns: The group of each cell (`-1` for an empty cell; groups numbered by lowest cell) and the tree.
    func merge(centroids: [Float], cellCount: Int, columnCount: Int) -> (groupOfCell: [Int32], steps: [MergeStep]) {
        let similarity = Self.cosineMatrix(
            centroids: centroids,
            cellCount: cellCount,
            columnCount: columnCount,
            threadCount: threadCount
        )
        var active: [Int] = []
        for cell in 0..<cellCount where similarity[cell * cellCount + cell] > 0 { active.append(cell) }
        var distance = [Double](repeating: 0, count: cellCount * cellCount)
        for i in active {
            for j in active { distance[i * cellCount + j] = min(2, max(0, 1 - similarity[i * cellCount + j])) }
        }
        var size = [Int](repeating: 1, count: cellCount)
        var node = Array(0..<cellCount)
        var group = [Int32](repeating: -1, count: cellCount)
        var leader = Array(0..<cellCount)  // the slot (lowest cell) holding each cell's current group
        for cell in active { group[cell] = Int32(cell) }
        var steps: [MergeStep] = []
        steps.reserveCapacity(max(active.count - 1, 0))

        while active.count > 1 {
            var bestI = -1
            var bestJ = -1
            var best = Double.infinity
            for a in 0..<active.count {
                let i = active[a]
                for b in (a + 1)..<active.count {
                    let d = distance[i * cellCount + active[b]]
                    if d < best {
                        best = d
                        bestI = a
                        bestJ = b
                    }
                }
            }
            let i = active[bestI]
            let j = active[bestJ]
            let total = size[i] + size[j]
            for k in active where k != i && k != j {
                let merged =
                    (Double(size[i]) * distance[i * cellCount + k] + Double(size[j]) * distance[j * cellCount + k])
                    / Double(total)
                distance[i * cellCount + k] = merged
                distance[k * cellCount + i] = merged
            }
            steps.append(MergeStep(first: node[i], second: node[j], distance: best, cellCount: total))
            node[i] = cellCount + steps.count - 1
            size[i] = total
            if best <= threshold {
                for cell in 0..<cellCount where leader[cell] == j { leader[cell] = i }
            }
            active.remove(at: bestJ)
        }
        for cell in 0..<cellCount where group[cell] >= 0 { group[cell] = Int32(leader[cell]) }
        // Renumber groups densely in order of their lowest cell.
        var dense = [Int32](repeating: -1, count: cellCount)
        var next: Int32 = 0
        for cell in 0..<cellCount where group[cell] >= 0 {
            let slot = Int(group[cell])
            if dense[slot] < 0 {
                dense[slot] = next
                next += 1
            }
            group[cell] = dense[slot]
        }
        return (group, steps)
    }

    /// Pairwise cosines of the centroids (`cellCount × cellCount`), summed in column order in `Double`.
    ///
    /// Centroids are sparse in practice, so each is scattered once and dotted with the others' nonzeros.
    static func cosineMatrix(
        centroids: [Float],
        cellCount: Int,
        columnCount: Int,
        threadCount: Int = 1
    ) -> [Double] {
        var nonzeroColumns = [[Int32]](repeating: [], count: cellCount)
        for cell in 0..<cellCount {
            let base = cell * columnCount
            for column in 0..<columnCount where centroids[base + column] != 0 {
                nonzeroColumns[cell].append(Int32(column))
            }
        }
        let result = SharedBuffer<Double>(repeating: 0, count: cellCount * cellCount)
        defer { result.deallocate() }
        let columnsOfCell = nonzeroColumns
        // Row `i` computes the pairs (i, j ≥ i) and writes both (i, j) and (j, i): every entry has one writer.
        ChunkedExecutor(threadCount: threadCount).forEach(cellCount) { i in
            let baseI = i * columnCount
            for j in i..<cellCount {
                let baseJ = j * columnCount
                var sum: Double = 0
                for column in columnsOfCell[j] {
                    sum += Double(centroids[baseI + Int(column)]) * Double(centroids[baseJ + Int(column)])
                }
                result[i * cellCount + j] = sum
                result[j * cellCount + i] = sum
            }
        }
        return result.toArray()
    }
}
