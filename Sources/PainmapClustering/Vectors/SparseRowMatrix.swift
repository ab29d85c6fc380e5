/// A compressed sparse row (CSR) matrix of `Float` values with `Int32` column indices.
///
/// Columns within a row are strictly increasing.
struct SparseRowMatrix: Sendable {
    /// `columns[rowOffsets[r] ..< rowOffsets[r + 1]]` and the same range of `values` form row `r`.
    var rowOffsets: [Int]
    /// Column index of each stored value.
    var columns: [Int32]
    /// Stored values.
    var values: [Float]
    /// Number of columns (the vocabulary size).
    var columnCount: Int

    /// Number of rows.
    var rowCount: Int { rowOffsets.count - 1 }

    /// Number of stored values.
    var nonzeroCount: Int { values.count }

    /// The stored range of row `row`.
    func range(of row: Int) -> Range<Int> {
        rowOffsets[row]..<rowOffsets[row + 1]
    }

    /// A matrix of the given rows, in the given order (a row may repeat).
    func rows(_ rows: some Collection<Int>) -> SparseRowMatrix {
        var offsets = [0]
        var columns: [Int32] = []
        var values: [Float] = []
        offsets.reserveCapacity(rows.count + 1)
        for row in rows {
            columns.append(contentsOf: self.columns[range(of: row)])
            values.append(contentsOf: self.values[range(of: row)])
            offsets.append(values.count)
        }
        return SparseRowMatrix(rowOffsets: offsets, columns: columns, values: values, columnCount: columnCount)
    }
}
