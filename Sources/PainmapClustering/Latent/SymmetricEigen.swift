/// Eigenvalues and eigenvectors of a small dense symmetric matrix, by cyclic Jacobi rotations.
///
/// Meant for the few-hundred-square matrices of ``LatentSemanticProjection``: cost `O(n³)` per sweep,
/// a handful of sweeps, exact to double precision, and deterministic (a fixed order of rotations).
struct SymmetricEigen {
    /// Eigenvalues, descending.
    let values: [Double]
    /// Eigenvectors, column `k` for `values[k]`, row-major `n × n` (entry `(i, k)` at `i * n + k`).
    let vectors: [Double]
    /// The matrix order.
    let order: Int

    /// Decomposes `matrix` (row-major `order × order`, symmetric).
    ///
    /// - Parameters:
    ///   - matrix: The symmetric matrix.
    ///   - order: Its number of rows.
    ///   - maxSweeps: Upper bound on full sweeps over the off-diagonal entries.
    init(matrix: [Double], order: Int, maxSweeps: Int = 30) {
        let n = order
        precondition(matrix.count == n * n, "SymmetricEigen: the matrix must be order × order")
        var a = matrix
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        var scale: Double = 0
        for x in a { scale += x * x }
        let tolerance = max(scale, .leastNormalMagnitude) * 1e-30
        for _ in 0..<maxSweeps {
            var off: Double = 0
            for p in 0..<n { for q in (p + 1)..<n { off += a[p * n + q] * a[p * n + q] } }
            if off <= tolerance { break }
            for p in 0..<n {
                for q in (p + 1)..<n {
                    let apq = a[p * n + q]
                    if apq == 0 { continue }
                    let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    Self.rotate(&a, v: &v, n: n, p: p, q: q, c: c, s: s)
                }
            }
        }
        let ranking = (0..<n).sorted { a[$0 * n + $0] != a[$1 * n + $1] ? a[$0 * n + $0] > a[$1 * n + $1] : $0 < $1 }
        values = ranking.map { a[$0 * n + $0] }
        var sortedVectors = [Double](repeating: 0, count: n * n)
        for (k, column) in ranking.enumerated() {
            for i in 0..<n { sortedVectors[i * n + k] = v[i * n + column] }
        }
        vectors = sortedVectors
        self.order = order
    }

    /// Applies the rotation that zeroes `a[p, q]` to both sides of `a` (columns, then rows) and accumulates it into the
    /// columns of `v`.
    private static func rotate(_ a: inout [Double], v: inout [Double], n: Int, p: Int, q: Int, c: Double, s: Double) {
        a.withUnsafeMutableBufferPointer { a in
            rotate(a, first: p, second: q, step: n, count: n, c: c, s: s)
            rotate(a, first: p * n, second: q * n, step: 1, count: n, c: c, s: s)
        }
        v.withUnsafeMutableBufferPointer { v in rotate(v, first: p, second: q, step: n, count: n, c: c, s: s) }
    }

    /// Rotates two strided lines of a matrix: for each `k`, `(x, y)` at `first + k·step` and `second + k·step` become
    /// `(c·x − s·y, s·x + c·y)` — columns `p` and `q` with `step` = order, rows with `step` = 1.
    private static func rotate(
        _ buffer: UnsafeMutableBufferPointer<Double>,
        first: Int,
        second: Int,
        step: Int,
        count: Int,
        c: Double,
        s: Double
    ) {
        for k in 0..<count {
            let x = buffer[first + k * step]
            let y = buffer[second + k * step]
            buffer[first + k * step] = c * x - s * y
            buffer[second + k * step] = s * x + c * y
        }
    }
}
