/// The k-means cells as the merge sees them when ``ClusterConfiguration/mergesCenteredCells`` is set: each cell's
/// weighted mean document minus the batch's mean document, L2-normalized.
///
/// Cosine between plain unit centroids counts every word two cells share, including the words every message of a
/// batch shares: for long letters («город», «улица», «жители», «администрация» …) that background alone lifts the
/// cosine of unrelated cells above the cut, so whole departments merge into one pain. Subtracting the batch mean
/// removes what all cells have in common, and the cut then compares what makes cells differ — the same τ, with no
/// parameter fitted to a data set. Cells of short, distinct messages barely share a background, so their cosines
/// change little.
enum CenteredCellMeans {
    /// What the merge compares for a k-means fit: its unit centroids, or with `centered` the centered cell means.
    ///
    /// - Parameters:
    ///   - fit: The k-means fit of `matrix`.
    ///   - matrix: The L2-normalized document rows.
    ///   - rowWeights: Each row's weight in k-means.
    ///   - centered: ``ClusterConfiguration/mergesCenteredCells``.
    /// - Returns: Cell-major `fit.clusterCount × matrix.columnCount` vectors.
    static func mergeVectors(of fit: KMeansFit, matrix: SparseRowMatrix, rowWeights: [Float], centered: Bool)
        -> [Float]
    {
        guard centered else { return fit.centroids }
        return vectors(matrix: matrix, rowWeights: rowWeights, cellOfRow: fit.assignments, cellCount: fit.clusterCount)
    }

    /// Cell-major `cellCount × matrix.columnCount` unit vectors; an empty cell is all zero.
    ///
    /// - Parameters:
    ///   - matrix: The L2-normalized document rows.
    ///   - rowWeights: Each row's weight in k-means.
    ///   - cellOfRow: Each row's cell.
    ///   - cellCount: Number of cells.
    /// - Returns: The centered, normalized cell means.
    static func vectors(matrix: SparseRowMatrix, rowWeights: [Float], cellOfRow: [Int32], cellCount: Int) -> [Float] {
        let columns = matrix.columnCount
        var sums = [Double](repeating: 0, count: cellCount * columns)
        var mean = [Double](repeating: 0, count: columns)
        var cellWeight = [Double](repeating: 0, count: cellCount)
        var total: Double = 0
        for row in 0..<matrix.rowCount {
            let cell = Int(cellOfRow[row])
            guard cell >= 0, cell < cellCount else { continue }
            let weight = Double(rowWeights[row])
            cellWeight[cell] += weight
            total += weight
            let base = cell * columns
            for position in matrix.range(of: row) {
                let column = Int(matrix.columns[position])
                let value = weight * Double(matrix.values[position])
                sums[base + column] += value
                mean[column] += value
            }
        }
        var result = [Float](repeating: 0, count: cellCount * columns)
        guard total > 0 else { return result }
        for column in 0..<columns { mean[column] /= total }
        for cell in 0..<cellCount where cellWeight[cell] > 0 {
            let base = cell * columns
            var norm: Double = 0
            for column in 0..<columns {
                let value = sums[base + column] / cellWeight[cell] - mean[column]
                sums[base + column] = value
                norm += value * value
            }
            if norm <= 1e-12 {
                // A cell that is the batch mean itself: keep its plain direction, so it still takes part in the merge.
                for column in 0..<columns { sums[base + column] += mean[column] }
                norm = (0..<columns).reduce(0) { $0 + sums[base + $1] * sums[base + $1] }
                guard norm > 0 else { continue }
            }
            let scale = 1 / norm.squareRoot()
            for column in 0..<columns { result[base + column] = Float(sums[base + column] * scale) }
        }
        return result
    }
}
