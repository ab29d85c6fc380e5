internal import Foundation
import PainmapCore

/// Latent semantic analysis: the rows of a TF-IDF matrix projected on its leading singular directions.
///
/// Words that occur in the same letters («ливнёвка», «ливневая канализация», «засор») load on the same
/// directions, so two letters that share none of their words but write about one problem come out
/// close, while a frequent bystander word that two problems share weighs less than in the term space.
/// The projection is a truncated SVD by the randomized range finder of Halko, Martinsson and Tropp
/// (2011): a seeded Gaussian sketch `X·Ω`, `powerIterations` passes of `X·Xᵀ` with re-orthonormalization,
/// then the exact eigen decomposition of the small `Qᵀ·X·Xᵀ·Q`. The result `U·Σ` is returned with unit
/// rows, as a matrix whose every row stores every column, so the engine's cosine k-means, merge and
/// partition run on it unchanged.
///
/// Cost: about `2 (powerIterations + 2)` products of the sparse matrix with an `ℓ`-column block and
/// `(powerIterations + 2)` Gram–Schmidt passes of `n · ℓ²` (`ℓ = dimensions + oversampling`), plus an
/// `ℓ³` eigen decomposition: well under a second for a few thousand letters at 300 dimensions, and
/// linear in the rows beyond that. Deterministic for a given seed.
struct LatentSemanticProjection {
    /// Number of latent dimensions kept.
    let dimensions: Int
    /// Extra sketch columns beyond `dimensions` (accuracy of the trailing directions).
    var oversampling = 10
    /// Passes of `X·Xᵀ` over the sketch (accuracy when singular values decay slowly, as in text).
    var powerIterations = 3
    /// Seed of the Gaussian sketch.
    let seed: UInt64

    /// Projects `matrix` (unit rows over the vocabulary) on its leading `dimensions` singular directions.
    ///
    /// - Returns: Unit rows over `min(dimensions, rows, columns)` columns; a row with no weight on any kept
    ///   direction stays all-zero.
    func project(_ matrix: SparseRowMatrix) -> SparseRowMatrix {
        let n = matrix.rowCount
        let m = matrix.columnCount
        guard n > 0, m > 0 else { return matrix }
        let kept = max(1, min(dimensions, n, m))
        let width = min(kept + max(0, oversampling), n, m)

        var generator = SplitMix64(seed: seed ^ 0x4C53_4131)
        var sketch = [Double](repeating: 0, count: m * width)
        for index in sketch.indices { sketch[index] = Self.gaussian(&generator) }
        // Q: orthonormal columns (row-major n × width) spanning X·(Xᵀ·X)^q·Ω.
        // The sketches between power passes only need to stay well conditioned: one Cholesky QR pass each; the basis
        // that is kept gets the second.
        var basis = Self.product(matrix, sketch, width: width)
        let passes = max(0, powerIterations)
        Self.orthonormalize(&basis, rows: n, width: width, passes: passes == 0 ? 2 : 1)
        for pass in 0..<passes {
            basis = Self.product(matrix, Self.transposedProduct(matrix, basis, width: width), width: width)
            Self.orthonormalize(&basis, rows: n, width: width, passes: pass == passes - 1 ? 2 : 1)
        }
        // S = Qᵀ·X·Xᵀ·Q = W·Σ²·Wᵀ, the left singular vectors and values of B = Qᵀ·X.
        let image = Self.product(matrix, Self.transposedProduct(matrix, basis, width: width), width: width)
        var small = [Double](repeating: 0, count: width * width)
        small.withUnsafeMutableBufferPointer { small in
            basis.withUnsafeBufferPointer { basis in
                image.withUnsafeBufferPointer { image in
                    guard let basis = basis.baseAddress, let image = image.baseAddress, let small = small.baseAddress
                    else { return }
                    for r in 0..<n {
                        let q = basis + r * width
                        let x = image + r * width
                        for i in 0..<width {
                            let a = q[i]
                            if a == 0 { continue }
                            let target = small + i * width
                            for j in 0..<width { target[j] += a * x[j] }
                        }
                    }
                }
            }
            for i in 0..<width {
                for j in (i + 1)..<width {
                    let mean = (small[i * width + j] + small[j * width + i]) / 2
                    small[i * width + j] = mean
                    small[j * width + i] = mean
                }
            }
        }
        let eigen = SymmetricEigen(matrix: small, order: width)
        // U·Σ = Q·W·Σ, the first `kept` columns, each row scaled to unit length.
        var loadings = [Double](repeating: 0, count: width * kept)
        for i in 0..<width {
            for k in 0..<kept {
                loadings[i * kept + k] = eigen.vectors[i * width + k] * max(eigen.values[k], 0).squareRoot()
            }
        }
        var offsets = [Int](repeating: 0, count: n + 1)
        var columns = [Int32](repeating: 0, count: n * kept)
        var values = [Float](repeating: 0, count: n * kept)
        var coordinates = [Double](repeating: 0, count: kept)
        for r in 0..<n {
            for k in 0..<kept { coordinates[k] = 0 }
            for i in 0..<width {
                let a = basis[r * width + i]
                if a == 0 { continue }
                for k in 0..<kept { coordinates[k] += a * loadings[i * kept + k] }
            }
            var norm: Double = 0
            for k in 0..<kept { norm += coordinates[k] * coordinates[k] }
            let scale = norm > 0 ? 1 / norm.squareRoot() : 0
            for k in 0..<kept {
                columns[r * kept + k] = Int32(k)
                values[r * kept + k] = Float(coordinates[k] * scale)
            }
            offsets[r + 1] = (r + 1) * kept
        }
        return SparseRowMatrix(rowOffsets: offsets, columns: columns, values: values, columnCount: kept)
    }

    /// `X · B` for a row-major `m × width` block `B`: a row-major `n × width` block.
    static func product(_ matrix: SparseRowMatrix, _ block: [Double], width: Int) -> [Double] {
        accumulate(matrix, block, width: width, transposed: false)
    }

    /// `Xᵀ · B` for a row-major `n × width` block `B`: a row-major `m × width` block.
    static func transposedProduct(_ matrix: SparseRowMatrix, _ block: [Double], width: Int) -> [Double] {
        accumulate(matrix, block, width: width, transposed: true)
    }

    /// One pass over the stored values of `X`: each adds `value ×` a row of `block` to a row of the result — block row
    /// `column` into result row `row` for `X · B`, block row `row` into result row `column` for `Xᵀ · B`.
    private static func accumulate(_ matrix: SparseRowMatrix, _ block: [Double], width: Int, transposed: Bool)
        -> [Double]
    {
        var result = [Double](repeating: 0, count: (transposed ? matrix.columnCount : matrix.rowCount) * width)
        result.withUnsafeMutableBufferPointer { out in
            block.withUnsafeBufferPointer { block in
                guard let out = out.baseAddress, let block = block.baseAddress else { return }
                for row in 0..<matrix.rowCount {
                    for position in matrix.range(of: row) {
                        let value = Double(matrix.values[position])
                        let column = Int(matrix.columns[position])
                        let target = out + (transposed ? column : row) * width
                        let source = block + (transposed ? row : column) * width
                        for j in 0..<width { target[j] += value * source[j] }
                    }
                }
            }
        }
        return result
    }

    /// Replaces the columns of a row-major `rows × width` block by orthonormal columns spanning them.
    ///
    /// Shifted Cholesky QR, applied `passes` times (twice gives orthonormality to rounding; once leaves a well-conditioned
    /// basis of the same span); columns that depend on the others come out near zero.
    ///
    /// Each pass forms the Gram matrix `YᵀY` by rank-one row updates, factors `YᵀY + s·I = RᵀR` with a shift `s`
    /// of `10⁻¹³` of its trace (which keeps a rank-deficient block factorable), and replaces `Y` by `Y·R⁻¹`.
    /// Every inner loop runs along a contiguous row, so the whole pass is `2·rows·width²` vectorizable
    /// operations.
    static func orthonormalize(_ block: inout [Double], rows: Int, width: Int, passes: Int = 2) {
        for _ in 0..<passes {
            var gram = [Double](repeating: 0, count: width * width)
            gram.withUnsafeMutableBufferPointer { gram in
                block.withUnsafeBufferPointer { block in
                    guard let gram = gram.baseAddress, let block = block.baseAddress else { return }
                    for r in 0..<rows {
                        let y = block + r * width
                        for i in 0..<width {
                            let a = y[i]
                            if a == 0 { continue }
                            let target = gram + i * width
                            for j in i..<width { target[j] += a * y[j] }
                        }
                    }
                }
            }
            var trace: Double = 0
            for i in 0..<width { trace += gram[i * width + i] }
            guard trace > 0 else { return }
            let shift = trace * 1e-13
            // Upper-triangular R with RᵀR = G + s·I.
            var factor = [Double](repeating: 0, count: width * width)
            for i in 0..<width {
                var diagonal = gram[i * width + i] + shift
                for k in 0..<i { diagonal -= factor[k * width + i] * factor[k * width + i] }
                let pivot = max(diagonal, shift).squareRoot()
                factor[i * width + i] = pivot
                for j in (i + 1)..<width {
                    var sum = gram[i * width + j]
                    for k in 0..<i { sum -= factor[k * width + i] * factor[k * width + j] }
                    factor[i * width + j] = sum / pivot
                }
            }
            // R⁻¹, upper triangular, column by column from the bottom.
            var inverse = [Double](repeating: 0, count: width * width)
            for j in 0..<width {
                inverse[j * width + j] = 1 / factor[j * width + j]
                var i = j - 1
                while i >= 0 {
                    var sum: Double = 0
                    for k in (i + 1)...j { sum += factor[i * width + k] * inverse[k * width + j] }
                    inverse[i * width + j] = -sum / factor[i * width + i]
                    i -= 1
                }
            }
            var row = [Double](repeating: 0, count: width)
            block.withUnsafeMutableBufferPointer { block in
                inverse.withUnsafeBufferPointer { inverse in
                    row.withUnsafeMutableBufferPointer { row in
                        guard let block = block.baseAddress, let inverse = inverse.baseAddress else { return }
                        for r in 0..<rows {
                            let y = block + r * width
                            for j in 0..<width { row[j] = 0 }
                            for i in 0..<width {
                                let a = y[i]
                                if a == 0 { continue }
                                let source = inverse + i * width
                                for j in i..<width { row[j] += a * source[j] }
                            }
                            for j in 0..<width { y[j] = row[j] }
                        }
                    }
                }
            }
        }
    }

    /// A standard normal draw (Box–Muller, one value per two uniforms).
    static func gaussian(_ generator: inout SplitMix64) -> Double {
        let u1 = (Double(generator.next() >> 11) + 1) / 9_007_199_254_740_992
        let u2 = Double(generator.next() >> 11) / 9_007_199_254_740_992
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
