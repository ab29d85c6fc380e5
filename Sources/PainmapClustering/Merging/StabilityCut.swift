internal import PainmapCore

/// Chooses the merge cut `τ` of one batch by the stability of the pains it gives (issue 16).
///
/// A bounded number of subsamples (each a random share of at most ``poolSize`` rows) is clustered again from its own
/// k-means seeding — `k` from the same size rule, one restart — and merged by average link. Each candidate cut then
/// gives a partition of every subsample and of the batch itself; the stability of the cut is the mean adjusted Rand
/// index (records weighted) over all pairs of these partitions, on the rows the pair shares. A cut that splits
/// pains which the data does not separate, or joins pains it does separate, gives partitions that differ from one
/// subsample to the next. The most stable candidate wins; ties go to the lower cut (more pains), so a flat curve
/// does not hide pains.
struct StabilityCut {
    /// Candidate cuts, ascending.
    var candidates: [Double]
    /// Subsamples re-clustered.
    var replicates: Int
    /// The most rows a subsample is drawn from (bounds the cost on large batches).
    var poolSize: Int
    /// The share of the pool in each subsample.
    var subsampleFraction: Double
    /// The run's configuration: `k` rule, iterations, tolerance, seed, threads, merge kind.
    var configuration: ClusterConfiguration

    /// The stability of every candidate cut and the chosen one.
    ///
    /// - Parameters:
    ///   - matrix: The batch's unit rows.
    ///   - rowWeights: Raw records per row (the weights of the comparison).
    ///   - kMeansWeights: The rows' k-means weights.
    ///   - cellOfRow: The batch's k-means cell of each row.
    ///   - steps: The batch's merge tree.
    ///   - occupied: Whether each of the batch's cells holds rows.
    /// - Returns: The account of the choice, or `nil` when the batch is too small to re-cluster.
    func measure(
        matrix: SparseRowMatrix,
        rowWeights: [Int],
        kMeansWeights: [Float],
        cellOfRow: [Int32],
        steps: [MergeStep],
        occupied: [Bool]
    ) -> MergeStability? {
        guard !candidates.isEmpty, replicates > 0, matrix.rowCount >= 20 else { return nil }
        var generator = SplitMix64(seed: configuration.seed ^ 0x7F4A_7C15_9E37_79B9)
        let pool = KMeansPlusPlusSeeder.sampleRows(
            rowCount: matrix.rowCount,
            size: max(poolSize, 2),
            generator: &generator
        )
        let subsampleSize = max(2, Int((Double(pool.count) * subsampleFraction).rounded()))
        // labels[p][c][row position in rowsOf[p]]: partition p at candidate c.
        var rowsOf: [[Int]] = [Array(0..<matrix.rowCount)]
        var labels: [[[Int32]]] = [
            candidates.map { cut in
                let group = MergeTreeCut.groups(steps: steps, occupied: occupied, threshold: cut)
                return cellOfRow.map { group[Int($0)] }
            }
        ]
        for replicate in 0..<replicates {
            let rows = KMeansPlusPlusSeeder.sampleRows(rowCount: pool.count, size: subsampleSize, generator: &generator)
                .map { pool[$0] }
            guard let replicateLabels = cluster(rows: rows, of: matrix, rowWeights: rowWeights,
                kMeansWeights: kMeansWeights, replicate: replicate)
            else { continue }
            rowsOf.append(rows)
            labels.append(replicateLabels)
        }
        guard rowsOf.count > 1 else { return nil }
        var sums = [Double](repeating: 0, count: candidates.count)
        var pairs = 0
        for a in 0..<rowsOf.count {
            for b in (a + 1)..<rowsOf.count {
                let (positionsA, positionsB) = Self.shared(rowsOf[a], rowsOf[b], rowCount: matrix.rowCount)
                let weights = positionsA.map { rowWeights[rowsOf[a][$0]] }
                for candidate in candidates.indices {
                    sums[candidate] += Self.adjustedRandIndex(
                        positionsA.map { labels[a][candidate][$0] },
                        positionsB.map { labels[b][candidate][$0] },
                        weights: weights
                    )
                }
                pairs += 1
            }
        }
        let stability = sums.map { $0 / Double(pairs) }
        var chosen = 0
        for candidate in stability.indices where stability[candidate] > stability[chosen] + 1e-9 { chosen = candidate }
        return MergeStability(
            candidates: candidates,
            stability: stability,
            chosenIndex: chosen,
            replicateCount: rowsOf.count - 1,
            replicateRowCount: subsampleSize
        )
    }

    /// k-means and average link on the given rows; the group of each row at every candidate cut.
    private func cluster(
        rows: [Int],
        of matrix: SparseRowMatrix,
        rowWeights: [Int],
        kMeansWeights: [Float],
        replicate: Int
    ) -> [[Int32]]? {
        var offsets = [0]
        var columns: [Int32] = []
        var values: [Float] = []
        offsets.reserveCapacity(rows.count + 1)
        for row in rows {
            columns.append(contentsOf: matrix.columns[matrix.range(of: row)])
            values.append(contentsOf: matrix.values[matrix.range(of: row)])
            offsets.append(values.count)
        }
        let subset = SparseRowMatrix(rowOffsets: offsets, columns: columns, values: values, columnCount: matrix.columnCount)
        let records = rows.reduce(0) { $0 + rowWeights[$1] }
        let weights = rows.map { kMeansWeights[$0] }
        var kMeans = SphericalKMeans(
            clusterCount: min(configuration.resolvedK(contentCount: records), rows.count),
            restarts: 1,
            maxIterations: configuration.maxIterations,
            seed: configuration.seed &+ UInt64(replicate + 1) &* 0x9E37_79B9_7F4A_7C15,
            threadCount: configuration.threadCount
        )
        kMeans.tolerance = configuration.convergenceTolerance
        let fit = kMeans.fit(subset, weights: weights)
        guard fit.clusterCount > 1 else { return nil }
        let (groupOfCell, steps) = AverageLinkMerger(threshold: 0, threadCount: configuration.threadCount).merge(
            centroids: configuration.mergesCenteredCells
                ? CenteredCellMeans.vectors(
                    matrix: subset,
                    rowWeights: weights,
                    cellOfRow: fit.assignments,
                    cellCount: fit.clusterCount
                ) : fit.centroids,
            cellCount: fit.clusterCount,
            columnCount: subset.columnCount
        )
        let occupied = groupOfCell.map { $0 >= 0 }
        return candidates.map { cut in
            let group = MergeTreeCut.groups(steps: steps, occupied: occupied, threshold: cut)
            return fit.assignments.map { group[Int($0)] }
        }
    }

    /// The positions in `a` and in `b` of the rows both hold, in `a`'s order.
    private static func shared(_ a: [Int], _ b: [Int], rowCount: Int) -> ([Int], [Int]) {
        var positionInB = [Int32](repeating: -1, count: rowCount)
        for (position, row) in b.enumerated() { positionInB[row] = Int32(position) }
        var positionsA: [Int] = []
        var positionsB: [Int] = []
        for (position, row) in a.enumerated() where positionInB[row] >= 0 {
            positionsA.append(position)
            positionsB.append(Int(positionInB[row]))
        }
        return (positionsA, positionsB)
    }

    /// The adjusted Rand index of two labelings of the same items, each item counted `weights` times.
    static func adjustedRandIndex(_ a: [Int32], _ b: [Int32], weights: [Int]) -> Double {
        // Integer counts: the sums do not depend on the dictionaries' order, so the result is the same every run.
        func pairs(_ count: Int) -> Int { count * (count - 1) / 2 }
        var joint: [Int64: Int] = [:]
        var rowsA: [Int32: Int] = [:]
        var rowsB: [Int32: Int] = [:]
        var total = 0
        for index in a.indices {
            let weight = weights[index]
            joint[Int64(a[index]) << 32 | Int64(UInt32(bitPattern: b[index])), default: 0] += weight
            rowsA[a[index], default: 0] += weight
            rowsB[b[index], default: 0] += weight
            total += weight
        }
        let index = Double(joint.values.reduce(0) { $0 + pairs($1) })
        let sumA = Double(rowsA.values.reduce(0) { $0 + pairs($1) })
        let sumB = Double(rowsB.values.reduce(0) { $0 + pairs($1) })
        let all = Double(pairs(total))
        guard all > 0 else { return 1 }
        let expected = sumA * sumB / all
        let maximum = (sumA + sumB) / 2
        guard maximum - expected != 0 else { return 1 }
        return (index - expected) / (maximum - expected)
    }
}
