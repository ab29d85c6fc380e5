import Foundation
import PainmapClustering
import PainmapCore
import PainmapReports
import PainmapText

/// Computes every «Карта болей» of one region and quarter from the store: clusters each life situation, matches its
/// pains to the previous quarter's, ranks them and builds the reports, the region's index and the pains to store.
struct RegionAnalyzer: Sendable {
    /// Everything a region run produced.
    struct Result: Sendable {
        /// One report per life situation with records this quarter or pains last quarter, in configuration order.
        let reports: [PainMapReport]
        /// The region's index page.
        let index: RegionIndex
        /// The pains to store for the region and quarter.
        let pains: [StoredPain]
        /// «Решения и их эффект», when pains were decided during the previous quarter (added by `DecidedAnalysis`).
        var effects: DecisionEffectPage? = nil
    }

    let configuration: PainmapConfiguration
    let store: any FeedbackStore
    let clustering: ClusterConfiguration
    let configDigest: String
    let generatedAt: String
    let threadCount: Int

    /// Analyzes one region and quarter. When the previous quarter has records but no stored pains yet (its reports
    /// were never made), its pains are computed first and stored, so that this quarter has something to compare with.
    func analyze(region: Region, quarter: Quarter) async throws -> Result {
        let previousPains = try await ensurePains(region: region, quarter: quarter.previous)
        let records = try await store.classifiedRecords(region: region.code, quarter: quarter)
        let previousRecords = try await store.classifiedRecords(region: region.code, quarter: quarter.previous)
        let history = try await store.pains(region: region.code, quarter: nil).filter { $0.quarter < quarter }
        return await analyze(
            region: region,
            quarter: quarter,
            records: records,
            previousRecords: previousRecords,
            previousPains: previousPains,
            history: history
        )
    }

    /// The stored pains of a region-quarter, computing and storing them when the quarter has records but none stored.
    private func ensurePains(region: Region, quarter: Quarter) async throws -> [StoredPain] {
        let stored = try await store.pains(region: region.code, quarter: quarter)
        guard stored.isEmpty else { return stored }
        let records = try await store.classifiedRecords(region: region.code, quarter: quarter)
        guard records.contains(where: { $0.classification.lifeSituation != nil }) else { return [] }
        let before = try await store.pains(region: region.code, quarter: quarter.previous)
        let previousRecords = try await store.classifiedRecords(region: region.code, quarter: quarter.previous)
        let history = try await store.pains(region: region.code, quarter: nil).filter { $0.quarter < quarter }
        let result = await analyze(
            region: region,
            quarter: quarter,
            records: records,
            previousRecords: previousRecords,
            previousPains: before,
            history: history
        )
        FaultPoint.hit("analyze.previous-computed")
        try await store.replacePains(region: region.code, quarter: quarter, with: result.pains)
        FaultPoint.hit("analyze.previous-stored")
        return result.pains
    }

    private func analyze(
        region: Region,
        quarter: Quarter,
        records: [ClassifiedRecord],
        previousRecords: [ClassifiedRecord],
        previousPains: [StoredPain],
        history: [StoredPain]
    ) async -> Result {
        let analyzer = TextAnalyzer(stopWords: StopWords(extra: configuration.analysis.stopWords))
        let allTokens = await orderedParallelMap(
            (records + previousRecords).map(\.record.text),
            threadCount: threadCount,
            makeState: { StemCache() },
            transform: { text, cache in analyzer.analyze(text, cache: &cache) }
        )
        let tokens = Array(allTokens[..<records.count])
        let previousTokens = Array(allTokens[records.count...])
        func bySituation(_ items: [ClassifiedRecord]) -> [String: [Int]] {
            var result: [String: [Int]] = [:]
            for (index, item) in items.enumerated() {
                if let situation = item.classification.lifeSituation { result[situation, default: []].append(index) }
            }
            return result
        }
        let current = bySituation(records)
        let before = bySituation(previousRecords)
        let unassigned = records.filter { $0.classification.lifeSituation == nil }.count
        let regionByChannel = PainMetrics.byChannel(records.map(\.record))
        let builder = ReportBuilder(
            context: ReportBuilder.Context(
                region: region,
                quarter: quarter,
                catalog: configuration.lifeSituations,
                priority: configuration.priority,
                clustering: clustering,
                configDigest: configDigest,
                generatedAt: generatedAt,
                regionCount: records.count,
                unassignedCount: unassigned,
                regionByChannel: regionByChannel,
                history: history,
                analysis: configuration.analysis
            )
        )

        var reports: [PainMapReport] = []
        var pains: [StoredPain] = []
        var entries: [RegionIndexEntry] = []
        for situation in configuration.lifeSituations.situations {
            let members = current[situation.id] ?? []
            let previousMembers = before[situation.id] ?? []
            guard !members.isEmpty || !previousMembers.isEmpty else { continue }
            let analysis = SituationAnalysis(
                records: members.map { records[$0] },
                tokens: members.map { tokens[$0] },
                previousRecords: previousMembers.map { previousRecords[$0] },
                previousTokens: previousMembers.map { previousTokens[$0] },
                quarter: quarter,
                previous: previousPains.filter { $0.lifeSituation == situation.id },
                configuration: clustering
            )
            let output = builder.build(situation: situation, analysis: analysis)
            FaultPoint.hit("analyze.situation")
            reports.append(output.report)
            pains += output.pains
            let active = output.report.pains.filter { $0.status != .vanished }
            entries.append(
                RegionIndexEntry(
                    lifeSituation: output.report.lifeSituation,
                    count: output.report.totals.count,
                    previousCount: output.report.totals.previousCount,
                    delta: output.report.totals.delta,
                    painCount: active.count,
                    topPains: active.prefix(3).map {
                        IndexPain(
                            id: $0.id,
                            title: $0.title,
                            count: $0.count,
                            status: $0.status,
                            priority: $0.priority.score,
                            isSignal: $0.isSignal
                        )
                    }
                )
            )
        }
        let index = RegionIndex(
            generatedAt: generatedAt,
            region: ReportRegion(code: region.code, name: region.fullName, population: region.population),
            quarter: quarter.description,
            previousQuarter: quarter.previous.description,
            count: records.count,
            previousCount: previousRecords.count,
            unassignedCount: unassigned,
            byChannel: regionByChannel,
            situations: entries
        )
        return Result(reports: reports, index: index, pains: pains)
    }
}
