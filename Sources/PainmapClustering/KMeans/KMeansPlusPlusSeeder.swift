internal import Foundation
import PainmapCore

/// Greedy k-means++ seeding on a seeded sample of rows, with cosine geometry.
///
/// Rows are unit vectors with non-negative weights, so the squared Euclidean distance to a unit centre
/// is `2 − 2·cos`, and a row sharing no term with a candidate sits at the largest distance, 2, where
/// the candidate cannot improve it. Each new centre is the best of `2 + ⌊ln k⌋` candidates drawn with
/// probability ∝ weight × distance², as in scikit-learn. An inverted index over the sample (at most
/// ``sampleSize`` rows) lets each candidate visit only the rows it shares a term with.
struct KMeansPlusPlusSeeder {
    /// Number of centres to choose.
    let clusterCount: Int
    /// Largest number of rows considered.
    let sampleSize: Int

    /// Chooses `clusterCount` seed rows (fewer only if the matrix has fewer rows), or, with fixed centres,
    /// the `clusterCount − fixedCenters.rowCount` rows that best complement them.
    ///
    /// - Parameters:
    ///   - matrix: Unit-length rows with non-negative values.
    ///   - weights: Weight of each row (raw records it stands for).
    ///   - fixedCenters: Unit vectors over the same columns that are seeds already (at most
    ///     `clusterCount` of them are used); the draws then start from their distances.
    ///   - generator: The restart's random stream.
    /// - Returns: Row indices of the seeds, in the order chosen.
    func seeds(
        matrix: SparseRowMatrix,
        weights: [Float],
        fixedCenters: SparseRowMatrix? = nil,
        generator: inout SplitMix64
    ) -> [Int] {
        let rowCount = matrix.rowCount
        let fixedCount = min(fixedCenters?.rowCount ?? 0, clusterCount)
        let k = min(clusterCount - fixedCount, rowCount)
        guard k > 0 else { return [] }
        let sample = Self.sampleRows(rowCount: rowCount, size: sampleSize, generator: &generator)
        // Latent rows store every column (and fixed centres are never latent): score them without the index, which
        // is then left empty.
        let dense =
            fixedCenters == nil && matrix.columnCount > 0 && matrix.nonzeroCount == rowCount * matrix.columnCount
        let index = SampleIndex(matrix: matrix, sample: dense ? [] : sample)
        let m = sample.count
        let sampleWeights = sample.map { Double(weights[$0]) }
        var distances = [Double](repeating: 2, count: m)
        var cumulative = [Double](repeating: 0, count: m)
        var similarity = [Float](repeating: 0, count: m)
        var touched: [Int32] = []
        touched.reserveCapacity(m)
        var chosen: [Int] = []
        chosen.reserveCapacity(k)

        /// Scores `candidate` against the sample; `touched` lists the rows sharing a term with it.
        func score(_ candidate: Int) {
            score(matrix, row: candidate)
        }

        /// Scores row `row` of `vectors` (the matrix or the fixed centres) against the sample.
        ///
        /// The hot loop of seeding: it runs over buffers (no copy-on-write checks on the captured arrays), with the
        /// same operations in the same order as element by element, so the seeds are the same.
        func score(_ vectors: SparseRowMatrix, row candidate: Int) {
            if dense {
                scoreDense(vectors, row: candidate)
                return
            }
            similarity.withUnsafeMutableBufferPointer { similarity in
                for entry in touched { similarity[Int(entry)] = 0 }
                touched.removeAll(keepingCapacity: true)
                index.rows.withUnsafeBufferPointer { rows in
                    index.values.withUnsafeBufferPointer { values in
                        for position in vectors.range(of: candidate) {
                            let value = vectors.values[position]
                            let column = Int(vectors.columns[position])
                            for entry in index.range(of: column) {
                                let row = Int(rows[entry])
                                if similarity[row] == 0 { touched.append(Int32(row)) }
                                similarity[row] += value * values[entry]
                            }
                        }
                    }
                }
            }
        }

        /// ``score(_:row:)`` for a matrix whose rows store every column (latent rows): plain dot products with every
        /// sample row, all of which are touched.
        func scoreDense(_ vectors: SparseRowMatrix, row candidate: Int) {
            if touched.count != m { touched = (0..<m).map(Int32.init) }
            let width = matrix.columnCount
            similarity.withUnsafeMutableBufferPointer { similarity in
                vectors.values.withUnsafeBufferPointer { candidateValues in
                    matrix.values.withUnsafeBufferPointer { rowValues in
                        guard let candidateBase = candidateValues.baseAddress, let rowBase = rowValues.baseAddress
                        else {
                            return
                        }
                        let a = candidateBase + vectors.rowOffsets[candidate]
                        for (sampleRow, row) in sample.enumerated() {
                            similarity[sampleRow] = DenseDot.dot(a, rowBase + matrix.rowOffsets[row], count: width)
                        }
                    }
                }
            }
        }

        /// How much choosing the last scored candidate lowers the weighted potential.
        func gain() -> Double {
            var total: Double = 0
            similarity.withUnsafeBufferPointer { similarity in
                distances.withUnsafeBufferPointer { distances in
                    sampleWeights.withUnsafeBufferPointer { sampleWeights in
                        for entry in touched {
                            let row = Int(entry)
                            let distance = max(0, 2 - 2 * Double(similarity[row]))
                            if distance < distances[row] { total += sampleWeights[row] * (distances[row] - distance) }
                        }
                    }
                }
            }
            return total
        }

        /// Fills `cumulative` with the running sum of weight × score and returns the total. Computed once per
        /// centre: the draws of one step all use the same distances.
        func accumulate(_ scores: [Double]) -> Double {
            var total: Double = 0
            cumulative.withUnsafeMutableBufferPointer { cumulative in
                sampleWeights.withUnsafeBufferPointer { sampleWeights in
                    scores.withUnsafeBufferPointer { scores in
                        for row in 0..<m {
                            total += sampleWeights[row] * scores[row]
                            cumulative[row] = total
                        }
                    }
                }
            }
            return total
        }

        /// A sample row drawn with probability ∝ its share of `total`, or `-1` when the total is zero.
        func draw(total: Double) -> Int {
            guard total > 0 else { return -1 }
            let target = generator.unit() * total
            var low = 0
            var high = m - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] > target { high = middle } else { low = middle + 1 }
            }
            return low
        }

        func accept(_ candidate: Int) {
            score(candidate)
            lowerDistances()
            chosen.append(candidate)
        }

        func lowerDistances() {
            distances.withUnsafeMutableBufferPointer { distances in
                similarity.withUnsafeBufferPointer { similarity in
                    for entry in touched {
                        let row = Int(entry)
                        distances[row] = min(distances[row], max(0, 2 - 2 * Double(similarity[row])))
                    }
                }
            }
        }

        if let fixedCenters, fixedCount > 0 {
            // Fixed centres (warm-start centroids, analysts' seeds) count as already chosen.
            for center in 0..<fixedCount {
                score(fixedCenters, row: center)
                lowerDistances()
            }
        } else {
            accept(sample[max(draw(total: accumulate([Double](repeating: 1, count: m))), 0)])
        }
        let trials = 2 + Int(log(Double(k)))
        while chosen.count < k {
            var bestGain = -Double.infinity
            var bestCandidate = -1
            let total = accumulate(distances)
            for _ in 0..<trials {
                let drawn = draw(total: total)
                // Every sampled row coincides with a centre: take the next unused row deterministically.
                let candidate = drawn >= 0 ? sample[drawn] : Self.unusedRow(after: chosen, rowCount: rowCount)
                score(candidate)
                let candidateGain = gain()
                if candidateGain > bestGain {
                    bestGain = candidateGain
                    bestCandidate = candidate
                }
                if drawn < 0 { break }
            }
            accept(bestCandidate)
        }
        return chosen
    }

    /// A sorted uniform sample of `size` rows without replacement (all rows when there are fewer).
    static func sampleRows(rowCount: Int, size: Int, generator: inout SplitMix64) -> [Int] {
        guard rowCount > size else { return Array(0..<rowCount) }
        var indices = Array(0..<rowCount)
        for index in 0..<size {
            let other = index + generator.next(below: rowCount - index)
            indices.swapAt(index, other)
        }
        return indices[0..<size].sorted()
    }

    /// The lowest row not yet chosen (rows repeat only when every row is already a centre).
    private static func unusedRow(after chosen: [Int], rowCount: Int) -> Int {
        let used = Set(chosen)
        return (0..<rowCount).first { !used.contains($0) } ?? chosen.count % rowCount
    }

    /// The sample transposed: for each term, the sample rows containing it and their values.
    private struct SampleIndex {
        var offsets: [Int]
        var rows: [Int32]
        var values: [Float]

        init(matrix: SparseRowMatrix, sample: [Int]) {
            offsets = [Int](repeating: 0, count: matrix.columnCount + 1)
            for row in sample {
                for position in matrix.range(of: row) { offsets[Int(matrix.columns[position]) + 1] += 1 }
            }
            for column in 0..<matrix.columnCount { offsets[column + 1] += offsets[column] }
            var next = offsets
            rows = [Int32](repeating: 0, count: offsets[matrix.columnCount])
            values = [Float](repeating: 0, count: offsets[matrix.columnCount])
            for (sampleRow, row) in sample.enumerated() {
                for position in matrix.range(of: row) {
                    let column = Int(matrix.columns[position])
                    rows[next[column]] = Int32(sampleRow)
                    values[next[column]] = matrix.values[position]
                    next[column] += 1
                }
            }
        }

        func range(of column: Int) -> Range<Int> {
            offsets[column]..<offsets[column + 1]
        }
    }
}
