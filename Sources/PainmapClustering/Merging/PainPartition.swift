/// The final classes of the matrix rows: pains in report order, then «Прочее» (`CLUSTERING.md` §2.7–2.8).
///
/// Starting from the merged groups of k-means cells, optionally refined by moving every row to its nearest
/// group centroid (a k-means step at the level of pains: a cell that straddles two pains gives each of its
/// rows to the pain it is closest to), a row whose cosine to its group's centroid is
/// below `θ` moves to «Прочее», then groups smaller than the minimum pain size move there too. Pains
/// are ordered by size (raw records) descending, then by their lowest document index.
struct PainPartition {
    /// Class of each matrix row: `0 ..< painCount` are pains, `painCount` is «Прочее».
    private(set) var classOfRow: [Int32]
    /// Number of pains, not counting «Прочее».
    private(set) var painCount: Int
    /// The k-means cells merged into each pain, ascending.
    private(set) var cellsOfPain: [[Int]]
    /// Unit centroids of every class (pains, then «Прочее»), class-major `(painCount + 1) × columnCount`.
    private(set) var centroids: [Float]
    /// Cosine of each row to its final class centroid.
    private(set) var similarities: [Float]
    /// Raw records in each class (pains, then «Прочее»).
    private(set) var sizes: [Int]

    /// Number of classes including «Прочее».
    var classCount: Int { painCount + 1 }

    /// Splits rows into pains and «Прочее».
    ///
    /// - Parameters:
    ///   - matrix: Unit rows.
    ///   - rowWeights: Raw records per matrix row.
    ///   - firstDocument: Lowest document index of each matrix row (the ordering tie-break).
    ///   - cellOfRow: k-means cell of each row.
    ///   - groupOfCell: Merged group of each cell.
    ///   - catchAllThreshold: `θ`.
    ///   - minimumPainSize: Smallest pain in raw records.
    ///   - refinementPasses: Passes that move every row to its nearest merged-group centroid first.
    ///   - threadCount: Worker threads for those passes; results are identical for any value.
    init(
        matrix: SparseRowMatrix,
        rowWeights: [Int],
        firstDocument: [Int],
        cellOfRow: [Int32],
        groupOfCell: [Int32],
        catchAllThreshold: Double,
        minimumPainSize: Int,
        refinementPasses: Int = 0,
        threadCount: Int = 1
    ) {
        let rowCount = matrix.rowCount
        var groupCount = 0
        for group in groupOfCell { groupCount = max(groupCount, Int(group) + 1) }
        var group = cellOfRow.map { groupOfCell[Int($0)] }
        let catchAll = Int32(groupCount)

        var provisional = Self.classCentroids(
            matrix: matrix,
            classOfRow: group,
            classCount: groupCount + 1,
            weights: rowWeights
        )
        for _ in 0..<max(0, refinementPasses) where groupCount > 1 {
            Self.reassignToNearestGroup(
                matrix: matrix,
                group: &group,
                centroids: provisional,
                groupCount: groupCount,
                threadCount: threadCount
            )
            provisional = Self.classCentroids(
                matrix: matrix,
                classOfRow: group,
                classCount: groupCount + 1,
                weights: rowWeights
            )
        }
        var sizes = [Int](repeating: 0, count: groupCount + 1)
        for row in 0..<rowCount {
            let cosine = Self.dot(matrix: matrix, row: row, centroids: provisional, of: Int(group[row]))
            if Double(cosine) < catchAllThreshold { group[row] = catchAll }
            sizes[Int(group[row])] += rowWeights[row]
        }
        var firstOfGroup = [Int](repeating: Int.max, count: groupCount + 1)
        for row in 0..<rowCount {
            firstOfGroup[Int(group[row])] = min(firstOfGroup[Int(group[row])], firstDocument[row])
        }
        let kept = (0..<groupCount)
            .filter { sizes[$0] >= minimumPainSize }
            .sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : firstOfGroup[$0] < firstOfGroup[$1] }
        var classOfGroup = [Int32](repeating: Int32(kept.count), count: groupCount + 1)
        for (rank, group) in kept.enumerated() { classOfGroup[group] = Int32(rank) }

        painCount = kept.count
        classOfRow = group.map { classOfGroup[Int($0)] }
        cellsOfPain = [[Int]](repeating: [], count: kept.count)
        for (cell, group) in groupOfCell.enumerated() where group >= 0 {
            let pain = Int(classOfGroup[Int(group)])
            if pain < kept.count { cellsOfPain[pain].append(cell) }
        }
        centroids = Self.classCentroids(
            matrix: matrix,
            classOfRow: classOfRow,
            classCount: kept.count + 1,
            weights: rowWeights
        )
        self.sizes = [Int](repeating: 0, count: kept.count + 1)
        similarities = [Float](repeating: 0, count: rowCount)
        for row in 0..<rowCount {
            let row32 = Int(classOfRow[row])
            self.sizes[row32] += rowWeights[row]
            similarities[row] = Self.dot(matrix: matrix, row: row, centroids: centroids, of: row32)
        }
    }

    /// Raw records in «Прочее».
    var catchAllSize: Int { sizes[painCount] }

    /// Unit centroids of the classes: weighted sums of their rows, normalized (zero for an empty class).
    static func classCentroids(matrix: SparseRowMatrix, classOfRow: [Int32], classCount: Int, weights: [Int])
        -> [Float]
    {
        let columnCount = matrix.columnCount
        var sums = [Float](repeating: 0, count: classCount * columnCount)
        for row in 0..<matrix.rowCount {
            let base = Int(classOfRow[row]) * columnCount
            let weight = Float(weights[row])
            for position in matrix.range(of: row) {
                sums[base + Int(matrix.columns[position])] += weight * matrix.values[position]
            }
        }
        for cls in 0..<classCount {
            let base = cls * columnCount
            var squares: Double = 0
            for column in 0..<columnCount { squares += Double(sums[base + column]) * Double(sums[base + column]) }
            guard squares > 0 else { continue }
            let scale = Float(1 / squares.squareRoot())
            for column in 0..<columnCount { sums[base + column] *= scale }
        }
        return sums
    }

    /// Moves every row to the group whose centroid is most similar (ties and rows sharing no term with
    /// any group keep their group).
    ///
    /// Rows are scored in fixed chunks in parallel; each row's result
    /// depends on that row alone, so any thread count gives the same groups.
    private static func reassignToNearestGroup(
        matrix: SparseRowMatrix,
        group: inout [Int32],
        centroids: [Float],
        groupCount: Int,
        threadCount: Int
    ) {
        let columnCount = matrix.columnCount
        let termMajor = SharedBuffer<Float>(repeating: 0, count: columnCount * groupCount)
        let offsets = SharedBuffer(copying: matrix.rowOffsets)
        let columns = SharedBuffer(copying: matrix.columns)
        let values = SharedBuffer(copying: matrix.values)
        let groups = SharedBuffer(copying: group)
        defer {
            for buffer in [termMajor, values] { buffer.deallocate() }
            offsets.deallocate()
            columns.deallocate()
            groups.deallocate()
        }
        for cls in 0..<groupCount {
            for column in 0..<columnCount {
                termMajor[column * groupCount + cls] = centroids[cls * columnCount + column]
            }
        }
        let rowCount = matrix.rowCount
        let chunkSize = SphericalKMeans.defaultChunkSize
        ChunkedExecutor(threadCount: threadCount).forEach((rowCount + chunkSize - 1) / chunkSize) { chunk in
            let scores = UnsafeMutablePointer<Float>.allocate(capacity: groupCount)
            defer { scores.deallocate() }
            for row in chunk * chunkSize..<min(rowCount, (chunk + 1) * chunkSize) {
                scores.update(repeating: 0, count: groupCount)
                for position in offsets[row]..<offsets[row + 1] {
                    let value = values[position]
                    let base = termMajor.base + Int(columns[position]) * groupCount
                    for cls in 0..<groupCount { scores[cls] += value * base[cls] }
                }
                var best = Int(groups[row])
                for cls in 0..<groupCount where scores[cls] > scores[best] { best = cls }
                groups[row] = Int32(best)
            }
        }
        group = groups.toArray()
    }

    /// Cosine of a unit row with a class centroid.
    private static func dot(matrix: SparseRowMatrix, row: Int, centroids: [Float], of cls: Int) -> Float {
        let base = cls * matrix.columnCount
        var sum: Float = 0
        for position in matrix.range(of: row) {
            sum += matrix.values[position] * centroids[base + Int(matrix.columns[position])]
        }
        return sum
    }
}
