internal import PainmapCore

/// Cuts the merge tree of one batch where its branches are stable (issue 16): a group the fixed cut `τ` gives is
/// split into the branches below it when those reproduce better across re-clustered subsamples than the group does.
///
/// A bounded number of subsamples (each a random share of at most ``poolSize`` rows) is clustered again from its own
/// k-means seeding — `k` from the same size rule, one restart — and merged by average link. The stability of a node
/// of the batch's tree (a cell, or the cells under a merge at most `τ`) is the Jaccard overlap, records weighted and
/// over the rows the subsample holds, of its records with the best-matching node of the subsample's tree, averaged
/// over the subsamples: a group that is one problem comes back whole however the data is resampled, a group of
/// several problems joined by a shared word comes back as its parts. Bottom-up, every node is worth its stability
/// times its records, or the worth of its two branches if that is more (ties keep the node); the groups are the
/// chosen nodes. A cut that splits pains the data does not separate scores low, because a random split does not
/// come back in the subsamples. Coarse nodes are easy to find again (the whole batch matches every subsample's root
/// exactly), so the criterion only splits under `τ`; it never merges above it. Template variants of one pain
/// are stable branches too, which is why it is not the default (docs/real-text-evaluation.md).
struct StabilityCut {
    /// Subsamples re-clustered.
    var replicates: Int
    /// The most rows a subsample is drawn from (bounds the cost on large batches).
    var poolSize: Int
    /// The share of the pool in each subsample.
    var subsampleFraction: Double
    /// The run's configuration: `τ`, `k` rule, iterations, tolerance, seed, threads, merge kind.
    var configuration: ClusterConfiguration

    /// The groups of cells chosen by stability, and the account of the choice.
    ///
    /// - Parameters:
    ///   - matrix: The batch's unit rows.
    ///   - rowWeights: Raw records per row (the weights of the overlaps).
    ///   - kMeansWeights: The rows' k-means weights.
    ///   - cellOfRow: The batch's k-means cell of each row.
    ///   - steps: The batch's merge tree.
    ///   - groupsAtThreshold: The merger's group of every cell at `τ` (`-1` for empty cells).
    /// - Returns: The dense group of every cell (`-1` for empty cells, numbered by lowest cell) and the account, or
    ///   `nil` when the batch is too small to re-cluster.
    func choose(
        matrix: SparseRowMatrix,
        rowWeights: [Int],
        kMeansWeights: [Float],
        cellOfRow: [Int32],
        steps: [MergeStep],
        groupsAtThreshold: [Int32]
    ) -> (groupOfCell: [Int32], account: MergeStability)? {
        let occupied = groupsAtThreshold.map { $0 >= 0 }
        let cellCount = occupied.count
        guard replicates > 0, matrix.rowCount >= 20, cellCount > 1 else { return nil }
        var generator = SplitMix64(seed: configuration.seed ^ 0x7F4A_7C15_9E37_79B9)
        let pool = KMeansPlusPlusSeeder.sampleRows(
            rowCount: matrix.rowCount,
            size: max(poolSize, 2),
            generator: &generator
        )
        let subsampleSize = max(2, Int((Double(pool.count) * subsampleFraction).rounded()))
        let nodeCount = cellCount + steps.count
        // stabilities[replicate][node]: the node's best Jaccard in that subsample.
        var stabilities: [[Double]] = []
        for replicate in 0..<replicates {
            let rows = KMeansPlusPlusSeeder.sampleRows(rowCount: pool.count, size: subsampleSize, generator: &generator)
                .map { pool[$0] }
            guard
                let (replicateCells, replicateCellCount, replicateSteps) = cluster(
                    rows: rows,
                    of: matrix,
                    rowWeights: rowWeights,
                    kMeansWeights: kMeansWeights,
                    replicate: replicate
                )
            else { continue }
            stabilities.append(
                Self.bestJaccard(
                    cells: rows.map { cellOfRow[$0] },
                    cellCount: cellCount,
                    steps: steps,
                    otherCells: replicateCells,
                    otherCellCount: replicateCellCount,
                    otherSteps: replicateSteps,
                    weights: rows.map { rowWeights[$0] }
                )
            )
        }
        let measured = stabilities.count
        guard measured > 0 else { return nil }
        let stability = (0..<nodeCount).map { node in
            stabilities.reduce(0) { $0 + $1[node] } / Double(measured)
        }

        var cellRecords = [Int](repeating: 0, count: cellCount)
        for (row, cell) in cellOfRow.enumerated() { cellRecords[Int(cell)] += rowWeights[row] }
        let threshold = configuration.mergeThreshold
        let (chosen, records) = Self.chosenNodes(
            steps: steps,
            occupied: occupied,
            stability: stability,
            cellRecords: cellRecords,
            threshold: threshold
        )
        var groupOfCell = [Int32](repeating: -1, count: cellCount)
        var cellsOfNode: [[Int]] = Array(repeating: [], count: nodeCount)
        for cell in 0..<cellCount { cellsOfNode[cell] = [cell] }
        for (index, step) in steps.enumerated() {
            cellsOfNode[cellCount + index] = cellsOfNode[step.first] + cellsOfNode[step.second]
        }
        // Dense numbering in order of each group's lowest cell, as the merger numbers groups.
        let ordered = chosen.sorted { cellsOfNode[$0].min() ?? 0 < cellsOfNode[$1].min() ?? 0 }
        var groupCount: Int32 = 0
        var stableRecords = 0.0
        for node in ordered where cellsOfNode[node].contains(where: { occupied[$0] }) {
            for cell in cellsOfNode[node] where occupied[cell] { groupOfCell[cell] = groupCount }
            groupCount += 1
            stableRecords += stability[node] * Double(records[node])
        }
        let upperNodes = Self.nodes(of: groupsAtThreshold, steps: steps, cellCount: cellCount, cellsOfNode: cellsOfNode)
        var upperStableRecords = 0.0
        var split = 0
        for node in upperNodes {
            upperStableRecords += stability[node] * Double(records[node])
            if !chosen.contains(node) { split += 1 }
        }
        let total = Double(max(records[nodeCount - 1], 1))
        let account = MergeStability(
            upperThreshold: threshold,
            groupsAtUpperThreshold: upperNodes.count,
            groupCount: Int(groupCount),
            splitGroupCount: split,
            meanStability: stableRecords / total,
            meanStabilityAtUpperThreshold: upperStableRecords / total,
            replicateCount: measured,
            replicateRowCount: subsampleSize
        )
        return (groupOfCell, account)
    }

    /// The nodes that become groups: bottom-up, a node up to `threshold` is worth its stability times its records,
    /// or its two branches' worth if that is more (ties keep the node); from the root down, a node above `threshold`
    /// or worth less than its branches hands over to them.
    ///
    /// - Parameters:
    ///   - steps: The merge tree.
    ///   - occupied: Whether each cell holds rows; the length is the number of cells.
    ///   - stability: Stability of every node (cells, then steps).
    ///   - cellRecords: Records in each cell.
    ///   - threshold: `τ`, the highest merge a group may hold.
    /// - Returns: The chosen nodes, and the records under every node.
    static func chosenNodes(
        steps: [MergeStep],
        occupied: [Bool],
        stability: [Double],
        cellRecords: [Int],
        threshold: Double
    ) -> (nodes: [Int], records: [Int]) {
        let cellCount = occupied.count
        let nodeCount = cellCount + steps.count
        var records = cellRecords
        var worth = (0..<cellCount).map { stability[$0] * Double(records[$0]) }
        worth.reserveCapacity(nodeCount)
        var keeps = [Bool](repeating: true, count: nodeCount)
        for (index, step) in steps.enumerated() {
            let node = cellCount + index
            records.append(records[step.first] + records[step.second])
            let own = stability[node] * Double(records[node])
            let branches = worth[step.first] + worth[step.second]
            keeps[node] = step.distance <= threshold && own >= branches
            worth.append(keeps[node] ? own : branches)
        }
        var chosen: [Int] = []
        var pending = steps.isEmpty ? (0..<cellCount).filter { occupied[$0] } : [nodeCount - 1]
        while let node = pending.popLast() {
            if node < cellCount || keeps[node] {
                if node >= cellCount || occupied[node] { chosen.append(node) }
            } else {
                let step = steps[node - cellCount]
                pending.append(step.first)
                pending.append(step.second)
            }
        }
        return (chosen, records)
    }

    /// The tree node holding exactly the cells of each group of a cut.
    private static func nodes(of groups: [Int32], steps: [MergeStep], cellCount: Int, cellsOfNode: [[Int]]) -> [Int] {
        var cellsOfGroup: [Int32: Set<Int>] = [:]
        for (cell, group) in groups.enumerated() where group >= 0 { cellsOfGroup[group, default: []].insert(cell) }
        var result: [Int] = []
        for node in 0..<(cellCount + steps.count) {
            let cells = cellsOfNode[node]
            guard let first = cells.first, groups[first] >= 0, let group = cellsOfGroup[groups[first]],
                group.count == cells.count, Set(cells) == group
            else { continue }
            result.append(node)
        }
        return result
    }

    /// k-means and average link on the given rows: each row's cell, the cell count and the tree.
    private func cluster(
        rows: [Int],
        of matrix: SparseRowMatrix,
        rowWeights: [Int],
        kMeansWeights: [Float],
        replicate: Int
    ) -> ([Int32], Int, [MergeStep])? {
        let subset = matrix.rows(rows)
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
        let (_, steps) = AverageLinkMerger(threshold: 0, threadCount: configuration.threadCount).merge(
            centroids: CenteredCellMeans.mergeVectors(
                of: fit,
                matrix: subset,
                rowWeights: weights,
                centered: configuration.mergesCenteredCells
            ),
            cellCount: fit.clusterCount,
            columnCount: subset.columnCount
        )
        return (fit.assignments, fit.clusterCount, steps)
    }
}
