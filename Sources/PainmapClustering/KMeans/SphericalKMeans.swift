import PainmapCore

/// The outcome of ``SphericalKMeans/fit(_:weights:)``: the best restart.
struct KMeansFit: Sendable {
    /// Cell of each matrix row.
    var assignments: [Int32]
    /// Cosine of each row to its cell's centroid at the last assignment step.
    var similarities: [Float]
    /// Unit-length centroids, cell-major (`clusterCount × columnCount`); an empty cell is all zero.
    var centroids: [Float]
    /// Number of cells (`k0`, capped at the number of rows).
    var clusterCount: Int
    /// Weighted sum of cosines of rows to their centroids (higher is better).
    var objective: Double
    /// Lloyd iterations the winning restart ran.
    var iterations: Int
    /// Index of the winning restart.
    var restart: Int
}

/// Spherical k-means (Lloyd iterations on the unit sphere) with greedy k-means++ seeding.
///
/// Restarts advance in lockstep: each assignment step is one parallel pass over fixed-size row chunks
/// of every running restart, each chunk writing its own rows and its own partial objective, which are
/// summed in chunk order. Centroid sums are accumulated serially in row order. The result is therefore
/// bit-identical for any ``threadCount``. An empty cell is re-seeded with the worst-fitting row.
///
/// Two exact speed-ups keep Lloyd cheap (they change which products are computed, never which cell
/// wins, up to a float-rounding margin):
/// - *Yinyang bounds* (Ding et al., 2015): cells form groups of ``groupSize``; each row keeps, per
///   group, an upper bound on its cosine to the group's cells other than its own. After an update the
///   bound grows by the group's largest centroid movement (for a unit row, a centroid moving by `δ`
///   changes the cosine by at most `δ`). A row whose exact cosine to its own centroid beats every
///   bound keeps its cell; otherwise only the groups whose bound it does not beat are rescored.
/// - *Sparse centroids*: full scans read rare terms through ``CentroidPostings``.
struct SphericalKMeans {
    /// Default rows per parallel work item.
    static let defaultChunkSize = 1_024
    /// Default size above which restarts compete on a sample (16 chunks).
    static let defaultRestartSampleSize = 16_384
    /// Seeding sample size (scikit-learn's default `init_size` is 3 × 1,024).
    static let seedingSampleSize = 3_072
    /// Lloyd iterations on the sample after which the restarts are ranked and the best one goes to the
    /// polish on all rows.
    ///
    /// Ranking early costs less CPU than running every restart to convergence and gave the same or a higher ARI in
    /// the measured runs; letting the winner converge on the sample before the polish measured no better. The
    /// figures are in BENCHMARKS.md (clustering).
    static let rankingIterations = 3
    /// Convergence tolerance of the restarts' trial on a sample (see ``tolerance``).
    static let trialTolerance = 0.001
    /// Slack on the pruning tests that absorbs float rounding in cosines and bounds.
    static let boundMargin: Float = 1e-5
    /// Cells per Yinyang group.
    static let groupSize = 16
    /// A term listed in at least `clusterCount / denseFraction` cells is scored with a dense axpy.
    static let denseFraction = 4

    /// Number of cells `k0`.
    var clusterCount: Int
    /// Independent restarts; the highest objective wins, ties go to the lower restart index.
    var restarts: Int
    /// Iteration cap per restart.
    var maxIterations: Int
    /// Seed of the first restart; restart `r` derives its own stream from it.
    var seed: UInt64
    /// Worker threads.
    var threadCount: Int
    /// A restart stops once at most this fraction of rows changed cell in an iteration (`0`: until
    /// no row changes).
    ///
    /// The late iterations of Lloyd move a handful of boundary rows each, at the price
    /// of a full pass.
    var tolerance: Double = 0
    /// Rows per parallel work item; fixed, so the reduction order never depends on the thread count.
    var chunkSize = Self.defaultChunkSize
    /// Above this many rows, restarts compete on a sample of this many rows.
    var restartSampleSize = Self.defaultRestartSampleSize
    /// Lloyd iterations on all rows after a sample trial (at least 1: the final assignment pass).
    var polishIterations = 2
    /// Unit vectors over the matrix columns that seed the first cells of every restart (previous
    /// periods' centroids, analysts' seeded pains); k-means++ chooses the other cells around them.
    var fixedCenters: SparseRowMatrix?

    /// The matrix and row weights as raw buffers for the workers.
    private struct Rows: Sendable {
        let offsets: SharedBuffer<Int>
        let columns: SharedBuffer<Int32>
        let values: SharedBuffer<Float>
        let weights: SharedBuffer<Float>
        let count: Int
        let columnCount: Int
    }

    /// One restart's slice of the shared state.
    private struct RestartState {
        /// Term-major dense centroids, `columnCount × clusterCount`.
        let centroids: UnsafeMutablePointer<Float>
        /// The same centroids as per-term lists.
        let postings: CentroidPostings
        /// Cell of each row (`-1` before the first assignment).
        let assignments: UnsafeMutablePointer<Int32>
        /// Exact cosine of each row to its cell's centroid.
        let similarities: UnsafeMutablePointer<Float>
        /// Per row and group, an upper bound on the cosine to the group's cells other than the row's own.
        let upperBounds: UnsafeMutablePointer<Float>
        /// How far each centroid moved in the last update (Euclidean).
        let drift: UnsafeMutablePointer<Float>
    }

    /// All restarts' state in shared buffers.
    private struct Workspace: Sendable {
        let centroids: SharedBuffer<Float>
        let postings: [CentroidPostings]
        let assignments: SharedBuffer<Int32>
        let similarities: SharedBuffer<Float>
        let upperBounds: SharedBuffer<Float>
        let drift: SharedBuffer<Float>
        let rowCount: Int
        let matrixSize: Int
        let clusterCount: Int
        let groupCount: Int

        init(restarts: Int, rowCount: Int, columnCount: Int, clusterCount: Int, groupCount: Int) {
            self.rowCount = rowCount
            self.clusterCount = clusterCount
            self.groupCount = groupCount
            matrixSize = columnCount * clusterCount
            centroids = SharedBuffer(repeating: 0, count: restarts * matrixSize)
            postings = (0..<restarts).map { _ in CentroidPostings() }
            assignments = SharedBuffer(repeating: -1, count: restarts * rowCount)
            similarities = SharedBuffer(repeating: 0, count: restarts * rowCount)
            upperBounds = SharedBuffer(repeating: .infinity, count: restarts * rowCount * groupCount)
            drift = SharedBuffer(repeating: 0, count: restarts * clusterCount)
        }

        func state(_ restart: Int) -> RestartState {
            RestartState(
                centroids: centroids.base + restart * matrixSize,
                postings: postings[restart],
                assignments: assignments.base + restart * rowCount,
                similarities: similarities.base + restart * rowCount,
                upperBounds: upperBounds.base + restart * rowCount * groupCount,
                drift: drift.base + restart * clusterCount
            )
        }

        func deallocate() {
            for buffer in [centroids, similarities, upperBounds, drift] { buffer.deallocate() }
            assignments.deallocate()
        }
    }

    /// Clusters the unit-length rows of `matrix`.
    ///
    /// With more than `restartSampleSize` rows, the restarts compete on a seeded uniform sample of
    /// that many rows (as scikit-learn's mini-batch k-means chooses among its initializations on a
    /// sample): after ``rankingIterations`` iterations the best restart (or the only one, run to
    /// convergence on the sample) runs ``polishIterations`` Lloyd iterations on all rows,
    /// starting from its centroids — mini-batch k-means likewise ends with an assignment pass over all
    /// rows. Polishing to full convergence measured no better (ARI over five seeds on the synthetic
    /// 100k corpus: 0.913 mean against 0.920 with two passes) at several times the cost.
    ///
    /// - Parameters:
    ///   - matrix: L2-normalized rows, each with at least one stored value.
    ///   - weights: Weight of each row.
    ///   - initialCentroids: Optional cell-major starting centroids (`cells × columnCount`); when given,
    ///     there is one run from them instead of seeded restarts, and `clusterCount` is ignored.
    /// - Returns: The winning restart, or an empty fit when the matrix has no rows.
    func fit(_ matrix: SparseRowMatrix, weights: [Float], initialCentroids: [Float]? = nil) -> KMeansFit {
        guard initialCentroids == nil, matrix.rowCount > restartSampleSize else {
            return run(matrix, weights: weights, initialCentroids: initialCentroids)
        }
        var generator = SplitMix64(seed: seed ^ 0x5A3C_96E1_0F2B_7D45)
        let sample = KMeansPlusPlusSeeder.sampleRows(
            rowCount: matrix.rowCount,
            size: restartSampleSize,
            generator: &generator
        )
        let sampled = matrix.rows(sample)
        // The trial only ranks the restarts and seeds the polish, which converges on all rows anyway.
        var trialRun = self
        trialRun.tolerance = max(tolerance, Self.trialTolerance)
        let sampleWeights = sample.map { weights[$0] }
        // Several restarts run a few iterations and only the best one goes on, to the polish.
        let rankAfter = restarts > 1 && maxIterations > Self.rankingIterations ? Self.rankingIterations : nil
        if let rankAfter { trialRun.maxIterations = rankAfter }
        let trial = trialRun.run(sampled, weights: sampleWeights, initialCentroids: nil, rankAfter: rankAfter)
        var polish = self
        polish.restarts = 1
        polish.maxIterations = max(1, min(maxIterations, polishIterations))
        let fitted = polish.run(matrix, weights: weights, initialCentroids: trial.centroids)
        return KMeansFit(
            assignments: fitted.assignments,
            similarities: fitted.similarities,
            centroids: fitted.centroids,
            clusterCount: fitted.clusterCount,
            objective: fitted.objective,
            iterations: fitted.iterations,
            restart: trial.restart
        )
    }

    /// Lloyd iterations on all rows of `matrix`, from seeded restarts or from given centroids.
    ///
    /// With `rankAfter`, the restarts still running after that many iterations are ranked with the ones
    /// that already converged (highest objective, then lowest index) and only the best goes on; its
    /// assignments and bounds carry over, so no pass is spent re-assigning from scratch.
    private func run(
        _ matrix: SparseRowMatrix,
        weights: [Float],
        initialCentroids: [Float]?,
        rankAfter: Int? = nil
    ) -> KMeansFit {
        let rowCount = matrix.rowCount
        let columnCount = matrix.columnCount
        let requested = initialCentroids.map { columnCount > 0 ? $0.count / columnCount : 0 } ?? clusterCount
        let fixedCount = initialCentroids == nil ? min(fixedCenters?.rowCount ?? 0, max(requested, 1)) : 0
        let k = initialCentroids == nil ? fixedCount + min(max(requested, 1) - fixedCount, rowCount) : requested
        guard k > 0, rowCount > 0, columnCount > 0 else {
            return KMeansFit(
                assignments: [],
                similarities: [],
                centroids: [],
                clusterCount: 0,
                objective: 0,
                iterations: 0,
                restart: 0
            )
        }
        let restartCount = initialCentroids == nil ? max(1, restarts) : 1
        let groupCount = (k + Self.groupSize - 1) / Self.groupSize
        let chunkSize = max(1, self.chunkSize)
        let chunkCount = (rowCount + chunkSize - 1) / chunkSize
        let executor = ChunkedExecutor(threadCount: threadCount)

        let seeder = KMeansPlusPlusSeeder(clusterCount: k, sampleSize: max(Self.seedingSampleSize, 3 * k))
        let baseSeed = seed
        let fixed = fixedCount > 0 ? fixedCenters : nil
        let seedRows = executor.map(initialCentroids == nil ? restartCount : 0) { restart -> [Int] in
            var generator = SplitMix64(seed: baseSeed ^ (UInt64(restart) &* 0xD1B5_4A32_D192_ED03))
            return seeder.seeds(matrix: matrix, weights: weights, fixedCenters: fixed, generator: &generator)
        }

        let rows = Rows(
            offsets: SharedBuffer(copying: matrix.rowOffsets),
            columns: SharedBuffer(copying: matrix.columns),
            values: SharedBuffer(copying: matrix.values),
            weights: SharedBuffer(copying: weights),
            count: rowCount,
            columnCount: columnCount
        )
        let workspace = Workspace(
            restarts: restartCount,
            rowCount: rowCount,
            columnCount: columnCount,
            clusterCount: k,
            groupCount: groupCount
        )
        let chunkObjective = SharedBuffer<Double>(repeating: 0, count: restartCount * chunkCount)
        let chunkChanges = SharedBuffer<Int>(repeating: 0, count: restartCount * chunkCount)
        defer {
            rows.offsets.deallocate()
            rows.columns.deallocate()
            rows.values.deallocate()
            rows.weights.deallocate()
            workspace.deallocate()
            chunkObjective.deallocate()
            chunkChanges.deallocate()
        }

        for restart in 0..<restartCount {
            let state = workspace.state(restart)
            if let initialCentroids {
                for cell in 0..<k {
                    for column in 0..<columnCount {
                        state.centroids[column * k + cell] = initialCentroids[cell * columnCount + column]
                    }
                }
            } else {
                if let fixed {
                    for cell in 0..<fixedCount {
                        for position in fixed.range(of: cell) {
                            state.centroids[Int(fixed.columns[position]) * k + cell] = fixed.values[position]
                        }
                    }
                }
                for (index, row) in seedRows[restart].enumerated() {
                    let cell = fixedCount + index
                    for position in rows.offsets[row]..<rows.offsets[row + 1] {
                        state.centroids[Int(rows.columns[position]) * k + cell] = rows.values[position]
                    }
                }
            }
            state.postings.rebuild(from: state.centroids, columnCount: columnCount, stride: k, clusterCount: k)
        }

        var running = Array(0..<restartCount)
        let stableChanges = Int(max(0, tolerance) * Double(rowCount))
        var objectives = [Double](repeating: -.infinity, count: restartCount)
        var iterations = [Int](repeating: 0, count: restartCount)
        var leader: Int?
        for iteration in 1...max(1, maxIterations) where !running.isEmpty {
            let active = running
            executor.forEach(active.count * chunkCount) { item in
                let restart = active[item / chunkCount]
                let chunk = item % chunkCount
                let range = chunk * chunkSize..<min(rowCount, (chunk + 1) * chunkSize)
                let (objective, changes) = Self.assign(
                    range,
                    rows: rows,
                    state: workspace.state(restart),
                    clusterCount: k
                )
                chunkObjective[restart * chunkCount + chunk] = objective
                chunkChanges[restart * chunkCount + chunk] = changes
            }
            // Several restarts update side by side; a lone restart splits its update across the threads.
            let splitExecutor = active.count == 1 ? executor : ChunkedExecutor(threadCount: 1)
            let converged = executor.map(active.count) { index -> Bool in
                let restart = active[index]
                var changes = 0
                for chunk in 0..<chunkCount { changes += chunkChanges[restart * chunkCount + chunk] }
                if changes <= stableChanges { return true }
                Self.update(rows: rows, state: workspace.state(restart), clusterCount: k, executor: splitExecutor)
                return false
            }
            var next: [Int] = []
            for (index, restart) in active.enumerated() {
                var objective: Double = 0
                for chunk in 0..<chunkCount { objective += chunkObjective[restart * chunkCount + chunk] }
                objectives[restart] = objective
                iterations[restart] = iteration
                if !converged[index] { next.append(restart) }
            }
            running = next
            if iteration == rankAfter, restartCount > 1 {
                var best = 0
                for restart in 1..<restartCount where objectives[restart] > objectives[best] { best = restart }
                leader = best
                running = running.filter { $0 == best }
            }
        }

        var best = 0
        for restart in 1..<restartCount where objectives[restart] > objectives[best] { best = restart }
        best = leader ?? best
        let winner = workspace.state(best)
        var cellMajor = [Float](repeating: 0, count: k * columnCount)
        for column in 0..<columnCount {
            for cell in 0..<k { cellMajor[cell * columnCount + column] = winner.centroids[column * k + cell] }
        }
        return KMeansFit(
            assignments: Array(UnsafeBufferPointer(start: winner.assignments, count: rowCount)),
            similarities: Array(UnsafeBufferPointer(start: winner.similarities, count: rowCount)),
            centroids: cellMajor,
            clusterCount: k,
            objective: objectives[best],
            iterations: iterations[best],
            restart: best
        )
    }

    /// Assigns every row of a chunk to its most similar centroid (ties to the lower cell).
    ///
    /// - Returns: The chunk's weighted sum of cosines and how many rows changed cell.
    private static func assign(
        _ range: Range<Int>,
        rows: Rows,
        state: RestartState,
        clusterCount k: Int
    ) -> (objective: Double, changes: Int) {
        let offsets = rows.offsets.base
        let columns = rows.columns.base
        let values = rows.values.base
        let centroids = UnsafePointer(state.centroids)
        let groupCount = (k + groupSize - 1) / groupSize
        let denseCutoff = max(8, k / denseFraction)
        var groupDrift = [Float](repeating: 0, count: groupCount)
        for cell in 0..<k { groupDrift[cell / groupSize] = max(groupDrift[cell / groupSize], state.drift[cell]) }
        let scores = UnsafeMutablePointer<Float>.allocate(capacity: k)
        let failing = UnsafeMutablePointer<Int>.allocate(capacity: groupCount)
        defer {
            scores.deallocate()
            failing.deallocate()
        }
        var objective: Double = 0
        var changes = 0
        state.postings.offsets.withUnsafeBufferPointer { postingOffsets in
            state.postings.cells.withUnsafeBufferPointer { postingCells in
                state.postings.weights.withUnsafeBufferPointer { postingWeights in
                    for row in range {
                        let start = offsets[row]
                        let end = offsets[row + 1]
                        let bounds = state.upperBounds + row * groupCount
                        let current = Int(state.assignments[row])
                        var own: Float = 0
                        var failingCount = groupCount
                        if current >= 0 {
                            for position in start..<end {
                                own += values[position] * centroids[Int(columns[position]) * k + current]
                            }
                            failingCount = 0
                            for group in 0..<groupCount {
                                let bound = bounds[group] + groupDrift[group]
                                bounds[group] = bound
                                if own <= bound + boundMargin {
                                    failing[failingCount] = group
                                    failingCount += 1
                                }
                            }
                            if failingCount == 0 {
                                state.similarities[row] = own
                                objective += Double(rows.weights[row]) * Double(own)
                                continue
                            }
                        }

                        var best = 0
                        var bestScore: Float = 0
                        if 2 * failingCount > groupCount {
                            // Full scan. Terms present in many cells use the dense row (a vectorized axpy),
                            // the others their posting list; skipped zero products would add exactly +0.
                            scores.update(repeating: 0, count: k)
                            for position in start..<end {
                                let value = values[position]
                                let column = Int(columns[position])
                                let first = Int(postingOffsets[column])
                                let last = Int(postingOffsets[column + 1])
                                if last - first >= denseCutoff {
                                    let term = centroids + column * k
                                    for cell in 0..<k { scores[cell] += value * term[cell] }
                                } else {
                                    for entry in first..<last {
                                        scores[Int(postingCells[entry])] += value * postingWeights[entry]
                                    }
                                }
                            }
                            // Each group's maximum is its bound; the first group holding the overall
                            // maximum holds the lowest cell with it, the winner; its own group's bound
                            // then excludes the winner.
                            var bestGroup = 0
                            bestScore = -.infinity
                            for group in 0..<groupCount {
                                let maximum = groupMaximum(scores, group: group, clusterCount: k)
                                bounds[group] = maximum
                                if maximum > bestScore {
                                    bestScore = maximum
                                    bestGroup = group
                                }
                            }
                            best = bestGroup * groupSize
                            while scores[best] != bestScore { best += 1 }
                            bounds[bestGroup] = groupMaximum(scores, group: bestGroup, clusterCount: k, excluding: best)
                        } else {
                            // Rescore only the groups whose bound the own cosine does not beat.
                            best = current
                            bestScore = own
                            var currentGroupRescored = false
                            for index in 0..<failingCount {
                                let low = failing[index] * groupSize
                                let high = min(k, low + groupSize)
                                currentGroupRescored = currentGroupRescored || failing[index] == current / groupSize
                                (scores + low).update(repeating: 0, count: high - low)
                                for position in start..<end {
                                    let value = values[position]
                                    let term = centroids + Int(columns[position]) * k
                                    for cell in low..<high { scores[cell] += value * term[cell] }
                                }
                                for cell in low..<high {
                                    let score = scores[cell]
                                    if score > bestScore || (score == bestScore && cell < best) {
                                        best = cell
                                        bestScore = score
                                    }
                                }
                            }
                            // A rescored group's own-cell score equals `own` bit for bit (same sum order).
                            for index in 0..<failingCount {
                                bounds[failing[index]] = groupMaximum(
                                    scores,
                                    group: failing[index],
                                    clusterCount: k,
                                    excluding: best
                                )
                            }
                            if best != current, !currentGroupRescored {
                                // The old cell now counts among the others of its group.
                                bounds[current / groupSize] = max(bounds[current / groupSize], own)
                            }
                        }
                        if current != best {
                            state.assignments[row] = Int32(best)
                            changes += 1
                        }
                        state.similarities[row] = bestScore
                        objective += Double(rows.weights[row]) * Double(bestScore)
                    }
                }
            }
        }
        return (objective, changes)
    }

    /// The largest score among a group's cells (`-∞` for an empty group).
    ///
    /// A full group is reduced as one 16-lane vector: scores are finite, so the lane-wise maximum equals the
    /// scalar one.
    @inline(__always)
    private static func groupMaximum(
        _ scores: UnsafeMutablePointer<Float>,
        group: Int,
        clusterCount: Int
    ) -> Float {
        let low = group * groupSize
        if groupSize == 16, low + groupSize <= clusterCount {
            let raw = UnsafeRawPointer(scores + low)
            let quarters = pointwiseMax(
                pointwiseMax(
                    raw.loadUnaligned(as: SIMD4<Float>.self),
                    raw.loadUnaligned(fromByteOffset: 16, as: SIMD4<Float>.self)
                ),
                pointwiseMax(
                    raw.loadUnaligned(fromByteOffset: 32, as: SIMD4<Float>.self),
                    raw.loadUnaligned(fromByteOffset: 48, as: SIMD4<Float>.self)
                )
            )
            return max(max(quarters[0], quarters[1]), max(quarters[2], quarters[3]))
        }
        var maximum = -Float.infinity
        for cell in low..<clusterCount { maximum = max(maximum, scores[cell]) }
        return maximum
    }

    /// The largest score among a group's cells other than `excluded` (`-∞` if there is none).
    @inline(__always)
    private static func groupMaximum(
        _ scores: UnsafeMutablePointer<Float>,
        group: Int,
        clusterCount: Int,
        excluding excluded: Int
    ) -> Float {
        var maximum = -Float.infinity
        for cell in (group * groupSize)..<min(clusterCount, (group + 1) * groupSize) where cell != excluded {
            maximum = max(maximum, scores[cell])
        }
        return maximum
    }

    /// One restart's centroids and assignments, for the threads of its update (each writes its own cells).
    private struct UpdateBuffers: @unchecked Sendable {
        let centroids: UnsafeMutablePointer<Float>
        let assignments: UnsafeMutablePointer<Int32>
    }

    /// Recomputes unit centroids from the assignment, first re-seeding empty cells, and records drift.
    ///
    /// An empty cell takes the worst-fitting row (lowest cosine, then lowest index) among rows whose
    /// cell keeps another member. The sums are split across `executor`'s threads by ranges of cells, each
    /// thread going through all rows in row order for its own cells, so every cell's sums are added in the
    /// same order whatever the split: the result does not depend on the thread count.
    private static func update(rows: Rows, state: RestartState, clusterCount k: Int, executor: ChunkedExecutor) {
        let rowCount = rows.count
        let columnCount = rows.columnCount
        let assignments = state.assignments
        let groupCount = (k + groupSize - 1) / groupSize
        var members = [Int](repeating: 0, count: k)
        for row in 0..<rowCount { members[Int(assignments[row])] += 1 }
        for cell in 0..<k where members[cell] == 0 {
            var worst = -1
            for row in 0..<rowCount where members[Int(assignments[row])] > 1 {
                if worst < 0 || state.similarities[row] < state.similarities[worst] { worst = row }
            }
            guard worst >= 0 else { break }
            members[Int(assignments[worst])] -= 1
            members[cell] = 1
            assignments[worst] = Int32(cell)
            state.similarities[worst] = 1  // it now is its cell's centroid; keeps it from being picked twice
            // Force a full scan next time.
            (state.upperBounds + worst * groupCount).update(repeating: .infinity, count: groupCount)
        }

        let oldSquares = state.postings.squaredNorms(clusterCount: k)
        let parts = min(executor.threadCount, k)
        let squares = SharedBuffer<Double>(repeating: 0, count: k)
        defer { squares.deallocate() }
        let shared = UpdateBuffers(centroids: state.centroids, assignments: assignments)
        executor.forEach(parts) { part in
            let centroids = shared.centroids
            let assignments = shared.assignments
            let low = part * k / parts
            let high = (part + 1) * k / parts
            let width = high - low
            for column in 0..<columnCount { (centroids + column * k + low).update(repeating: 0, count: width) }
            for row in 0..<rowCount {
                let cell = Int(assignments[row])
                guard cell >= low && cell < high else { continue }
                let weight = rows.weights[row]
                for position in rows.offsets[row]..<rows.offsets[row + 1] {
                    centroids[Int(rows.columns[position]) * k + cell] += weight * rows.values[position]
                }
            }
            for column in 0..<columnCount {
                let term = centroids + column * k
                for cell in low..<high { squares[cell] += Double(term[cell]) * Double(term[cell]) }
            }
            var scale = [Float](repeating: 0, count: width)
            for cell in low..<high where squares[cell] > 0 { scale[cell - low] = Float(1 / squares[cell].squareRoot()) }
            for column in 0..<columnCount {
                let term = centroids + column * k + low
                for offset in 0..<width { term[offset] *= scale[offset] }
            }
        }
        // ‖new − old‖² = ‖new‖² + ‖old‖² − 2 new·old, with the old centroids still in the postings.
        let crossDots = state.postings.dotPerCell(
            with: state.centroids,
            columnCount: columnCount,
            stride: k,
            clusterCount: k
        )
        state.postings.rebuild(
            from: state.centroids,
            columnCount: columnCount,
            stride: k,
            clusterCount: k,
            executor: executor
        )
        let newSquares = state.postings.squaredNorms(clusterCount: k)
        for cell in 0..<k {
            let moved = max(0, newSquares[cell] + oldSquares[cell] - 2 * crossDots[cell])
            // Rounded up a little so the bound stays an upper bound despite rounding.
            state.drift[cell] = Float(moved.squareRoot() * (1 + 1e-6) + 1e-7)
        }
    }
}
