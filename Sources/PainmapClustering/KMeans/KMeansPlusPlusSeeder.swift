internal import Foundation

/// Greedy k-means++ seeding on a seeded sample of rows, with cosine geometry.
///
/// Rows are unit vectors, so the squared Euclidean distance to a unit centre is `2 − 2·cos`. Each new
/// centre is the best of `2 + ⌊ln k⌋` candidates drawn with probability ∝ weight × distance², as in
/// scikit-learn; the sample (at most ``sampleSize`` rows) keeps seeding cheap at any batch size.
struct KMeansPlusPlusSeeder {
    /// Number of centres to choose.
    let clusterCount: Int
    /// Largest number of rows considered.
    let sampleSize: Int

    /// Chooses `clusterCount` seed rows (fewer only if the matrix has fewer rows).
    ///
    /// - Parameters:
    ///   - matrix: Unit-length rows.
    ///   - weights: Weight of each row (raw records it stands for).
    ///   - generator: The restart's random stream.
    /// - Returns: Row indices of the seeds, in the order chosen.
    func seeds(matrix: SparseRowMatrix, weights: [Float], generator: inout SplitMix64) -> [Int] {
        let rowCount = matrix.rowCount
        let k = min(clusterCount, rowCount)
        guard k > 0 else { return [] }
        let sample = Self.sampleRows(rowCount: rowCount, size: sampleSize, generator: &generator)
        let m = sample.count
        let sampleWeights = sample.map { Double(weights[$0]) }
        var dense = [Float](repeating: 0, count: matrix.columnCount)
        var distances = [Double](repeating: 0, count: m)
        var candidateDistances = [Double](repeating: 0, count: m)
        var bestDistances = [Double](repeating: 0, count: m)
        var cumulative = [Double](repeating: 0, count: m)
        var chosen: [Int] = []
        chosen.reserveCapacity(k)

        func fill(_ output: inout [Double], candidate: Int, cappedBy current: [Double]?) -> Double {
            for position in matrix.range(of: candidate) {
                dense[Int(matrix.columns[position])] = matrix.values[position]
            }
            var potential: Double = 0
            dense.withUnsafeBufferPointer { vector in
                for index in 0 ..< m {
                    let cosine = Double(matrix.dot(row: sample[index], dense: vector))
                    var distance = max(0, 2 - 2 * cosine)
                    if let current { distance = min(distance, current[index]) }
                    output[index] = distance
                    potential += sampleWeights[index] * distance
                }
            }
            for position in matrix.range(of: candidate) { dense[Int(matrix.columns[position])] = 0 }
            return potential
        }

        func draw(byWeights scores: [Double]) -> Int {
            var total: Double = 0
            for index in 0 ..< m {
                total += sampleWeights[index] * scores[index]
                cumulative[index] = total
            }
            guard total > 0 else { return -1 }
            let target = generator.nextUnit() * total
            var low = 0
            var high = m - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] > target { high = middle } else { low = middle + 1 }
            }
            return low
        }

        let first = draw(byWeights: [Double](repeating: 1, count: m))
        chosen.append(sample[max(first, 0)])
        _ = fill(&distances, candidate: chosen[0], cappedBy: nil)
        let trials = 2 + Int(log(Double(k)))
        while chosen.count < k {
            var bestPotential = Double.infinity
            var bestCandidate = -1
            for _ in 0 ..< trials {
                let drawn = draw(byWeights: distances)
                // All sampled rows coincide with a centre: take the next unused row deterministically.
                let candidate = drawn >= 0 ? sample[drawn] : Self.unusedRow(after: chosen, rowCount: rowCount)
                let potential = fill(&candidateDistances, candidate: candidate, cappedBy: distances)
                if potential < bestPotential {
                    bestPotential = potential
                    bestCandidate = candidate
                    swap(&candidateDistances, &bestDistances)
                }
                if drawn < 0 { break }
            }
            chosen.append(bestCandidate)
            swap(&distances, &bestDistances)
        }
        return chosen
    }

    /// A sorted uniform sample of `size` rows without replacement (all rows when there are fewer).
    static func sampleRows(rowCount: Int, size: Int, generator: inout SplitMix64) -> [Int] {
        guard rowCount > size else { return Array(0 ..< rowCount) }
        var indices = Array(0 ..< rowCount)
        for index in 0 ..< size {
            let other = index + generator.next(below: rowCount - index)
            indices.swapAt(index, other)
        }
        return indices[0 ..< size].sorted()
    }

    /// The lowest row not yet chosen (rows repeat only when every row is already a centre).
    private static func unusedRow(after chosen: [Int], rowCount: Int) -> Int {
        let used = Set(chosen)
        return (0 ..< rowCount).first { !used.contains($0) } ?? chosen.count % rowCount
    }
}
