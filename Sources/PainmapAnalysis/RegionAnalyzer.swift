import Foundation
public import PainmapClustering
public import PainmapCore
public import PainmapReports
import PainmapText

/// Computes every «Карта болей» of one region and quarter from its records: clusters each life situation, matches
/// its pains to the previous quarter's, ranks them and builds the reports, the region's index and the pains to store.
///
/// Values in, values out: the caller reads the records and stored pains and stores what comes back.
public struct RegionAnalyzer: Sendable {
    /// Everything a region analysis produced.
    public struct Result: Sendable {
        /// One report per life situation with records this quarter or pains last quarter, in configuration order.
        public let reports: [PainMapReport]
        /// The region's index page.
        public let index: RegionIndex
        /// The pains to store for the region and quarter.
        public let pains: [StoredPain]
        /// «Решения и их эффект», when pains were decided during the previous quarter (added by ``DecisionOverlay``'s
        /// caller from ``DecisionEffectAnalysis``).
        public var effects: DecisionEffectPage?

        /// Collects an analysis' output.
        public init(
            reports: [PainMapReport],
            index: RegionIndex,
            pains: [StoredPain],
            effects: DecisionEffectPage? = nil
        ) {
            self.reports = reports
            self.index = index
            self.pains = pains
            self.effects = effects
        }
    }

    /// The records and stored pains one analysis reads, fetched by the caller.
    public struct Input: Sendable {
        /// The region's classified records of the quarter, in store order.
        public var records: [ClassifiedRecord]
        /// The region's classified records of the previous quarter, in store order.
        public var previousRecords: [ClassifiedRecord]
        /// The stored pains of the previous quarter, which this quarter's pains are matched to.
        public var previousPains: [StoredPain]
        /// The region's stored pains of quarters before this one (for the trend chart).
        public var history: [StoredPain]
        /// On a rerun, the quarter's pains the last run stored: a new pain that matches one takes its id, so the
        /// decisions made on it re-attach (empty on a quarter's first run).
        public var replacedPains: [StoredPain]

        /// Collects the input of one analysis.
        public init(
            records: [ClassifiedRecord],
            previousRecords: [ClassifiedRecord],
            previousPains: [StoredPain],
            history: [StoredPain],
            replacedPains: [StoredPain] = []
        ) {
            self.records = records
            self.previousRecords = previousRecords
            self.previousPains = previousPains
            self.history = history
            self.replacedPains = replacedPains
        }
    }

    let configuration: PainmapConfiguration
    let clustering: ClusterConfiguration
    let configDigest: String
    let generatedAt: String
    let threadCount: Int

    /// Creates an analyzer for one run.
    ///
    /// - Parameters:
    ///   - configuration: The loaded configuration (life situations, priority, analysis settings).
    ///   - clustering: The engine's settings.
    ///   - configDigest: The configuration digest the reports carry.
    ///   - generatedAt: The reports' timestamp.
    ///   - threadCount: At most this many tasks analyze texts at once.
    public init(
        configuration: PainmapConfiguration,
        clustering: ClusterConfiguration,
        configDigest: String,
        generatedAt: String,
        threadCount: Int
    ) {
        self.configuration = configuration
        self.clustering = clustering
        self.configDigest = configDigest
        self.generatedAt = generatedAt
        self.threadCount = threadCount
    }

    /// Analyzes one region and quarter from its records and stored pains.
    ///
    /// - Parameters:
    ///   - region: The region.
    ///   - quarter: The quarter reported.
    ///   - input: The records of the quarter and the previous one, and the stored pains.
    /// - Returns: The reports, the region index and the pains to store.
    public func analyze(region: Region, quarter: Quarter, input: Input) async -> Result {
        await analyze(
            region: region,
            quarter: quarter,
            records: input.records,
            previousRecords: input.previousRecords,
            previousPains: input.previousPains,
            history: input.history,
            replacedPains: input.replacedPains
        )
    }

    private func analyze(
        region: Region,
        quarter: Quarter,
        records: [ClassifiedRecord],
        previousRecords: [ClassifiedRecord],
        previousPains: [StoredPain],
        history: [StoredPain],
        replacedPains: [StoredPain]
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
        // One complaint sent through several channels counts once in the situations' reports (the region's record
        // counts stay records, as the quarter overview counts them from the store).
        let linker = CrossChannelLinker(settings: configuration.analysis.crossChannel)
        var folded: [RecordID: [SourceKind]] = [:]
        var foldedIDs = Set<RecordID>()
        for batch in [records, previousRecords] {
            let groups = linker.groups(batch.map(\.record))
            for (index, representative) in groups.representative.enumerated() where representative != index {
                folded[batch[representative].id, default: []].append(batch[index].record.source)
                foldedIDs.insert(batch[index].id)
            }
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
                analysis: configuration.analysis,
                folded: folded
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
                replaced: replacedPains.filter { $0.lifeSituation == situation.id },
                configuration: clustering,
                folded: foldedIDs
            )
            let output = builder.build(situation: situation, analysis: analysis)
            FaultPoint.hit("analyze.situation")
            reports.append(output.report)
            pains += output.pains
            let active = output.report.pains.filter { $0.status != .vanished }
            entries.append(
                RegionIndexEntry(
                    lifeSituation: output.report.lifeSituation,
                    // The index counts records, as the region's totals and the quarter overview do.
                    count: members.count,
                    previousCount: previousMembers.count,
                    delta: ReportDelta(current: members.count, previous: previousMembers.count),
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
