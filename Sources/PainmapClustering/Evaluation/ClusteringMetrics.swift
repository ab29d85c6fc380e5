internal import Foundation

/// Agreement between two labelings, as scikit-learn computes it; used by benchmarks and tests.
///
/// Both metrics ignore label names (any permutation scores the same) and treat every label,
/// including ``ClusteringResult/noContent`` and «Прочее», as one more cluster.
public enum ClusteringMetrics {
    /// Normalized mutual information with arithmetic normalization, like scikit-learn's
    /// `normalized_mutual_info_score` default (and equal to its V-measure).
    ///
    /// - Parameters:
    ///   - truth: Reference labels.
    ///   - predicted: Labels to score, same length as `truth`.
    /// - Returns: `MI / ((H(truth) + H(predicted)) / 2)` in `0 ... 1`; `1` when both labelings have a
    ///   single class (or are empty), `0` when the lengths differ.
    public static func normalizedMutualInformation<Truth: Hashable, Predicted: Hashable>(
        _ truth: [Truth],
        _ predicted: [Predicted]
    ) -> Double {
        guard truth.count == predicted.count else { return 0 }
        let table = Contingency(truth, predicted)
        if table.rowSums.count == table.columnSums.count, table.rowSums.count <= 1 { return 1 }
        let n = Double(truth.count)
        var mutual: Double = 0
        for cell in table.cells {
            let joint = Double(cell.count)
            let term =
                joint / n * log(joint * n / (Double(table.rowSums[cell.row]) * Double(table.columnSums[cell.column])))
            mutual += abs(term) < Double.ulpOfOne ? 0 : term
        }
        mutual = max(0, mutual)
        if mutual == 0 { return 0 }
        let normalizer = (entropy(table.rowSums, n) + entropy(table.columnSums, n)) / 2
        return mutual / max(normalizer, Double.ulpOfOne)
    }

    /// Adjusted mutual information with arithmetic normalization, like scikit-learn's
    /// `adjusted_mutual_info_score` default: mutual information corrected for what chance gives partitions of these
    /// sizes, so many small clusters are not rewarded as NMI rewards them.
    ///
    /// - Parameters:
    ///   - truth: Reference labels.
    ///   - predicted: Labels to score, same length as `truth`.
    /// - Returns: `(MI − E[MI]) / (mean(H(truth), H(predicted)) − E[MI])`: `≈ 0` for chance, `1` for identical
    ///   partitions (also when both have one class or none); `0` when the lengths differ.
    public static func adjustedMutualInformation<Truth: Hashable, Predicted: Hashable>(
        _ truth: [Truth],
        _ predicted: [Predicted]
    ) -> Double {
        guard truth.count == predicted.count else { return 0 }
        let table = Contingency(truth, predicted)
        let rows = table.rowSums.count
        let columns = table.columnSums.count
        if rows == columns, rows <= 1 { return 1 }
        // Identical partitions (up to names) agree perfectly; with all-singleton clusters the chance correction
        // would otherwise be 0 / 0.
        if rows == columns, table.cells.count == rows { return 1 }
        let n = Double(truth.count)
        var mutual: Double = 0
        for cell in table.cells {
            let joint = Double(cell.count)
            mutual +=
                joint / n * log(joint * n / (Double(table.rowSums[cell.row]) * Double(table.columnSums[cell.column])))
        }
        mutual = max(0, mutual)
        let expected = expectedMutualInformation(table.rowSums, table.columnSums, n: truth.count)
        let normalizer = (entropy(table.rowSums, n) + entropy(table.columnSums, n)) / 2
        var denominator = normalizer - expected
        denominator = denominator < 0 ? min(denominator, -Double.ulpOfOne) : max(denominator, Double.ulpOfOne)
        return (mutual - expected) / denominator
    }

    /// The mutual information two random partitions with these cluster sizes have on average (the hypergeometric
    /// model of Vinh, Epps and Bailey, 2010), as scikit-learn's `expected_mutual_information`.
    ///
    /// Each cell's overlap follows a hypergeometric distribution, which is unimodal: the sum starts at its mode and
    /// walks out both ways until the probability falls below e⁻⁴⁰ of the peak, so the cost is about a hundred terms
    /// per cell instead of `min(a, b)` (scikit-learn sums every term; the difference is below 10⁻¹⁵).
    static func expectedMutualInformation(_ a: [Int], _ b: [Int], n count: Int) -> Double {
        let n = Double(count)
        let lnFactorial: [Double] = (0...count).map { (value: Int) -> Double in Foundation.lgamma(Double(value) + 1) }
        let lnN = lnFactorial[count]
        var expected: Double = 0
        for ai in a {
            let lnA = lnFactorial[ai] + lnFactorial[count - ai]
            for bj in b {
                let lnB = lnFactorial[bj] + lnFactorial[count - bj]
                let low = max(1, ai + bj - count)
                let high = min(ai, bj)
                guard low <= high else { continue }
                let logAB = log(Double(ai) * Double(bj))
                func lnProbability(_ nij: Int) -> Double {
                    let numerator: Double = lnA + lnB - lnN
                    let cells: Double = lnFactorial[nij] + lnFactorial[ai - nij] + lnFactorial[bj - nij]
                    return numerator - cells - lnFactorial[count - ai - bj + nij]
                }
                func term(_ nij: Int, _ lnP: Double) -> Double {
                    Double(nij) / n * (log(n * Double(nij)) - logAB) * exp(lnP)
                }
                let mode = min(high, max(low, (ai + 1) * (bj + 1) / (count + 2)))
                let floor = lnProbability(mode) - 40
                var nij = mode
                while nij <= high {
                    let lnP = lnProbability(nij)
                    if lnP < floor { break }
                    expected += term(nij, lnP)
                    nij += 1
                }
                nij = mode - 1
                while nij >= low {
                    let lnP = lnProbability(nij)
                    if lnP < floor { break }
                    expected += term(nij, lnP)
                    nij -= 1
                }
            }
        }
        return expected
    }

    /// The adjusted Rand index, like scikit-learn's `adjusted_rand_score` (from the pair confusion matrix).
    ///
    /// - Parameters:
    ///   - truth: Reference labels.
    ///   - predicted: Labels to score, same length as `truth`.
    /// - Returns: `≈ 0` for chance agreement, `1` for identical partitions (also when no pair disagrees),
    ///   negative below chance; `0` when the lengths differ.
    public static func adjustedRandIndex<Truth: Hashable, Predicted: Hashable>(
        _ truth: [Truth],
        _ predicted: [Predicted]
    ) -> Double {
        guard truth.count == predicted.count else { return 0 }
        let table = Contingency(truth, predicted)
        let n = truth.count
        var sumSquares = 0
        for cell in table.cells { sumSquares += cell.count * cell.count }
        let rowSquares = table.rowSums.reduce(0) { $0 + $1 * $1 }
        let columnSquares = table.columnSums.reduce(0) { $0 + $1 * $1 }
        let falsePositive = Double(columnSquares - sumSquares)
        let falseNegative = Double(rowSquares - sumSquares)
        let truePositive = Double(sumSquares - n)
        let trueNegative = Double(n) * Double(n) - falsePositive - falseNegative - Double(sumSquares)
        if falseNegative == 0, falsePositive == 0 { return 1 }
        let numerator = 2 * (truePositive * trueNegative - falseNegative * falsePositive)
        let denominator =
            (truePositive + falseNegative) * (falseNegative + trueNegative)
            + (truePositive + falsePositive) * (falsePositive + trueNegative)
        return numerator / denominator
    }

    /// Shannon entropy (natural log) of a distribution given as counts summing to `n`.
    private static func entropy(_ counts: [Int], _ n: Double) -> Double {
        var sum: Double = 0
        for count in counts where count > 0 {
            let p = Double(count) / n
            sum -= p * log(p)
        }
        return sum
    }

    /// A sparse contingency table with labels numbered by first occurrence, cells in a fixed order.
    private struct Contingency {
        var rowSums: [Int] = []
        var columnSums: [Int] = []
        var cells: [(row: Int, column: Int, count: Int)] = []

        init<Truth: Hashable, Predicted: Hashable>(_ truth: [Truth], _ predicted: [Predicted]) {
            if let truth = truth as? [Int32], let predicted = predicted as? [Int32],
                let dense = Self(denseTruth: truth, predicted: predicted)
            {
                self = dense
                return
            }
            var rowOf: [Truth: Int] = [:]
            var columnOf: [Predicted: Int] = [:]
            var countOf: [Int: Int] = [:]
            var order: [Int] = []
            for (a, b) in zip(truth, predicted) {
                let row =
                    rowOf[a]
                    ?? {
                        rowOf[a] = rowSums.count
                        rowSums.append(0)
                        return rowSums.count - 1
                    }()
                let column =
                    columnOf[b]
                    ?? {
                        columnOf[b] = columnSums.count
                        columnSums.append(0)
                        return columnSums.count - 1
                    }()
                rowSums[row] += 1
                columnSums[column] += 1
                let key = row << 32 | column
                if let existing = countOf[key] {
                    countOf[key] = existing + 1
                } else {
                    countOf[key] = 1
                    order.append(key)
                }
            }
            cells = order.map { (row: $0 >> 32, column: $0 & 0xFFFF_FFFF, count: countOf[$0] ?? 0) }
        }

        /// The same table (same numbering, same cell order) with arrays instead of dictionaries, for the
        /// common case of small non-negative labels (`-1` allowed); `nil` when the labels are too spread out.
        private init?(denseTruth truth: [Int32], predicted: [Int32]) {
            let limit: Int32 = 1 << 16
            guard let truthRange = Self.range(truth, below: limit),
                let predictedRange = Self.range(predicted, below: limit),
                truthRange * predictedRange <= 1 << 24
            else { return nil }
            var rowOf = [Int](repeating: -1, count: truthRange)
            var columnOf = [Int](repeating: -1, count: predictedRange)
            var cellOf = [Int32](repeating: -1, count: truthRange * predictedRange)
            var counts: [Int] = []
            var keys: [(row: Int, column: Int)] = []
            for index in truth.indices {
                let a = Int(truth[index]) + 1
                let b = Int(predicted[index]) + 1
                var row = rowOf[a]
                if row < 0 {
                    row = rowSums.count
                    rowOf[a] = row
                    rowSums.append(0)
                }
                var column = columnOf[b]
                if column < 0 {
                    column = columnSums.count
                    columnOf[b] = column
                    columnSums.append(0)
                }
                rowSums[row] += 1
                columnSums[column] += 1
                let slot = a * predictedRange + b
                if cellOf[slot] < 0 {
                    cellOf[slot] = Int32(counts.count)
                    counts.append(0)
                    keys.append((row, column))
                }
                counts[Int(cellOf[slot])] += 1
            }
            cells = keys.indices.map { (row: keys[$0].row, column: keys[$0].column, count: counts[$0]) }
        }

        /// `max + 2` when every label is in `-1 ..< limit`, else `nil`.
        private static func range(_ labels: [Int32], below limit: Int32) -> Int? {
            var low: Int32 = 0
            var high: Int32 = -1
            for label in labels {
                low = min(low, label)
                high = max(high, label)
            }
            return low >= -1 && high < limit ? Int(high) + 2 : nil
        }
    }
}
