import Foundation
public import PainmapCore
public import PainmapReports

/// Builds the all-regions overview of a quarter from stored figures alone (record counts and stored pains), so a
/// one-region rerun can refresh it without recomputing the other regions.
public struct OverviewBuilder: Sendable {
    let configuration: PainmapConfiguration
    let generatedAt: String

    /// Creates a builder.
    ///
    /// - Parameters:
    ///   - configuration: The loaded configuration (regions, life situations).
    ///   - generatedAt: The overview's timestamp.
    public init(configuration: PainmapConfiguration, generatedAt: String) {
        self.configuration = configuration
        self.generatedAt = generatedAt
    }

    /// The overview of a quarter.
    ///
    /// - Parameters:
    ///   - quarter: The quarter reported.
    ///   - current: Classified record counts of every region in the quarter.
    ///   - previous: The same for the previous quarter.
    ///   - pains: The stored pains of every region in the quarter.
    /// - Returns: One row per region with records, in region-code order.
    public func build(
        quarter: Quarter,
        current: [ClassificationCount],
        previous: [ClassificationCount],
        pains: [StoredPain]
    ) -> QuarterOverview {
        let situations = configuration.lifeSituations.situations
        var previousTotals: [String: Int] = [:]
        for count in previous { previousTotals[count.region, default: 0] += count.count }
        var rows: [String: (total: Int, unassigned: Int, bySituation: [String: Int])] = [:]
        for count in current {
            var row = rows[count.region] ?? (0, 0, [:])
            row.total += count.count
            if let situation = count.lifeSituation {
                row.bySituation[situation, default: 0] += count.count
            } else {
                row.unassigned += count.count
            }
            rows[count.region] = row
        }
        let regions = rows.keys.sorted().map { code -> OverviewRegion in
            let row = rows[code] ?? (0, 0, [:])
            let region = configuration.regions.region(code: code)
            let top = pains.filter { $0.region == code }.max {
                $0.priority != $1.priority ? $0.priority < $1.priority : ($0.count, $1.id) < ($1.count, $0.id)
            }
            let previousCount = previousTotals[code] ?? 0
            return OverviewRegion(
                region: ReportRegion(code: code, name: region?.fullName ?? code, population: region?.population),
                count: row.total,
                previousCount: previousCount,
                delta: ReportDelta(current: row.total, previous: previousCount),
                per10k: region?.population.flatMap {
                    $0 > 0 ? (Double(row.total) * 10_000 / Double($0) * 100).rounded() / 100 : nil
                },
                unassignedCount: row.unassigned,
                bySituation: situations.map { row.bySituation[$0.id] ?? 0 },
                topPain: top.map {
                    IndexPain(
                        id: $0.id,
                        title: $0.title,
                        count: $0.count,
                        status: PainStatus(rawValue: $0.status) ?? .recurring,
                        priority: $0.priority,
                        isSignal: $0.isSignal
                    )
                },
                topPainSituation: top?.lifeSituation
            )
        }
        return QuarterOverview(
            generatedAt: generatedAt,
            quarter: quarter.description,
            previousQuarter: quarter.previous.description,
            lifeSituations: situations.map { ReportLifeSituation(id: $0.id, name: $0.name) },
            regions: regions
        )
    }
}
