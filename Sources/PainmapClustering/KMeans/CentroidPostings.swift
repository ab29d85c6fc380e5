/// The nonzero weights of a set of centroids, listed by term (a transposed sparse copy).
///
/// Centroids of short texts are sparse (most term × cell entries are zero), so scoring a row against all centroids through these lists touches far fewer values than
/// a dense `terms × cells` matrix. Scores come out bit-identical to the dense product: each cell still
/// adds its products in the row's term order, and skipped zero products would add exactly `+0`.
///
/// `@unchecked Sendable`: each restart owns one instance; only that restart's update rewrites it, and
/// the parallel assignment passes that read it run strictly after the update's parallel call returns.
final class CentroidPostings: @unchecked Sendable {
    /// Entries of term `t` are `offsets[t] ..< offsets[t + 1]`.
    private(set) var offsets: [Int32] = []
    /// Cell of each entry, ascending within a term.
    private(set) var cells: [Int32] = []
    /// Weight of each entry (never zero).
    private(set) var weights: [Float] = []

    /// Rebuilds the lists from a dense term-major matrix (`columnCount × stride`, cells `0 ..< clusterCount`).
    ///
    /// With an `executor`, ranges of terms are listed in parallel and joined in term order: the same lists.
    func rebuild(
        from dense: UnsafePointer<Float>,
        columnCount: Int,
        stride: Int,
        clusterCount: Int,
        executor: ChunkedExecutor = ChunkedExecutor(threadCount: 1)
    ) {
        let parts = max(1, min(executor.threadCount, columnCount / 1_024))
        let matrix = DenseTerms(base: dense)
        let pieces = executor.map(parts) { part -> (offsets: [Int32], cells: [Int32], weights: [Float]) in
            var offsets: [Int32] = []
            var cells: [Int32] = []
            var weights: [Float] = []
            let columns = (part * columnCount / parts)..<((part + 1) * columnCount / parts)
            offsets.reserveCapacity(columns.count)
            Self.list(
                matrix.base,
                columns: columns,
                stride: stride,
                clusterCount: clusterCount,
                offsets: &offsets,
                cells: &cells,
                weights: &weights
            )
            return (offsets, cells, weights)
        }
        offsets.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
        weights.removeAll(keepingCapacity: true)
        offsets.reserveCapacity(columnCount + 1)
        offsets.append(0)
        for piece in pieces {
            let shift = Int32(cells.count)
            offsets.append(contentsOf: piece.offsets.lazy.map { $0 + shift })
            cells.append(contentsOf: piece.cells)
            weights.append(contentsOf: piece.weights)
        }
    }

    /// Appends the nonzero entries of `columns` and, per column, the running entry count.
    private static func list(
        _ dense: UnsafePointer<Float>,
        columns: Range<Int>,
        stride: Int,
        clusterCount: Int,
        offsets: inout [Int32],
        cells: inout [Int32],
        weights: inout [Float]
    ) {
        for column in columns {
            let term = dense + column * stride
            for cell in 0..<clusterCount where term[cell] != 0 {
                cells.append(Int32(cell))
                weights.append(term[cell])
            }
            offsets.append(Int32(cells.count))
        }
    }

    /// A read-only view of the dense matrix for the listing tasks.
    private struct DenseTerms: @unchecked Sendable {
        let base: UnsafePointer<Float>
    }

    /// For every cell, the dot product of its listed weights with the same cell of a dense matrix.
    func dotPerCell(with dense: UnsafePointer<Float>, columnCount: Int, stride: Int, clusterCount: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: clusterCount)
        for column in 0..<columnCount {
            let term = dense + column * stride
            for entry in Int(offsets[column])..<Int(offsets[column + 1]) {
                let cell = Int(cells[entry])
                sums[cell] += Double(weights[entry]) * Double(term[cell])
            }
        }
        return sums
    }

    /// For every cell, the squared norm of its listed weights.
    func squaredNorms(clusterCount: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: clusterCount)
        for entry in cells.indices { sums[Int(cells[entry])] += Double(weights[entry]) * Double(weights[entry]) }
        return sums
    }
}
