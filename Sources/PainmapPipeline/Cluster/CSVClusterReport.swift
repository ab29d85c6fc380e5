internal import Foundation
public import PainmapClustering

/// What ``CSVClusterJob/run()`` did: counts, the assignment hash, quality against a truth column, timings.
public struct CSVClusterReport: Sendable {
    /// One timed stage of the run.
    public struct Stage: Sendable, Equatable {
        /// `read+analyze`, `cluster`, `quotes` or `write`.
        public var name: String
        /// Wall time in seconds.
        public var seconds: Double
    }

    /// The summary, exactly as written to `--summary` (also when no summary file was asked for).
    public let summary: ClusterSummary
    /// Wall time per stage, in run order.
    public let stages: [Stage]
    /// The pains' cohesion, the quality criterion printed beside the number of pains.
    ///
    /// The mean cosine of a clustered record to its pain's centroid, records weighted, «Прочее» left out; `nil` when
    /// there is no pain.
    public let cohesion: Double?
    /// How the merge cut was chosen by stability (`--merge-cut stability`), `nil` for the fixed cut.
    public let mergeStability: MergeStability?
    /// The text profile applied and what it was chosen by (`nil` for reports made without one).
    public let profile: ResolvedTextProfile?

    /// Data rows read.
    public var rowCount: Int { summary.rows }
    /// Rows with no usable text.
    public var noContentCount: Int { summary.noContent }
    /// FNV-1a 64 of the assignments, 16 hex digits.
    public var assignmentHash: String { summary.assignmentHash }

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - summary: The summary of the run.
    ///   - stages: Wall time per stage.
    ///   - cohesion: The pains' mean record-to-centroid cosine, if known.
    ///   - mergeStability: How the merge cut was chosen by stability, if it was.
    ///   - profile: The text profile applied, if known.
    public init(
        summary: ClusterSummary,
        stages: [Stage],
        cohesion: Double? = nil,
        mergeStability: MergeStability? = nil,
        profile: ResolvedTextProfile? = nil
    ) {
        self.summary = summary
        self.stages = stages
        self.cohesion = cohesion
        self.mergeStability = mergeStability
        self.profile = profile
    }

    /// A short Russian account for the terminal.
    ///
    /// - Parameter showHash: Whether to add the `хеш назначений:` line.
    /// - Returns: Lines ending in a newline; figures use a decimal point, so scripts can parse them.
    public func text(showHash: Bool) -> String {
        let catchAll = summary.clusters.first(where: \.isCatchAll)?.size ?? 0
        var lines = [
            "строк: \(summary.rows); болей: \(summary.pains); «Прочее»: \(catchAll) ("
                + String(format: "%.1f", summary.catchAllShare * 100)
                + " %); без содержания: \(summary.noContent)"
        ]
        if let profile { lines.append(profile.text) }
        if let cohesion {
            // How the number of pains was chosen, and how tight the pains are.
            lines.append(
                "число болей: \(summary.parameters.cells) ячеек k-means"
                    + (summary.parameters.latentDimensions > 0
                        ? " в латентном пространстве из \(summary.parameters.latentDimensions) измерений" : "")
                    + " слиты при косинусном расстоянии ≤ "
                    + String(format: "%.2f", summary.parameters.mergeThreshold) + "; связность болей (средний косинус"
                    + " записи к центру) " + String(format: "%.3f", cohesion)
            )
        }
        if let stability = mergeStability {
            // The criterion that split the groups of the cut at τ: the stability of their branches.
            lines.append(
                "критерий: устойчивость ветвей дерева слияния (средний Жаккар с лучшей ветвью "
                    + "\(stability.replicateCount) подвыборок по \(stability.replicateRowCount) текстов) — при τ "
                    + String(format: "%.2f", stability.upperThreshold) + " групп \(stability.groupsAtUpperThreshold)"
                    + " (устойчивость " + String(format: "%.3f", stability.meanStabilityAtUpperThreshold)
                    + "), разделено \(stability.splitGroupCount), групп \(stability.groupCount) (устойчивость "
                    + String(format: "%.3f", stability.meanStability) + "), болей \(summary.pains)"
            )
        }
        if showHash { lines.append("хеш назначений: \(summary.assignmentHash)") }
        if let metrics = summary.metrics {
            lines.append(
                String(format: "NMI %.4f ARI %.4f AMI %.4f", metrics.nmi, metrics.ari, metrics.ami)
                    + " (по столбцу «\(metrics.truthColumn)»)"
            )
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
