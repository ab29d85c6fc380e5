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
        /// The records of each pain to store (``PainMembers``), in the order of ``pains``.
        public let members: [PainMembers]
        /// «Решения и их эффект», when pains were decided during the previous quarter (added by ``DecisionOverlay``'s
        /// caller from ``DecisionEffectAnalysis``).
        public var effects: DecisionEffectPage?

        /// Collects an analysis' output.
        public init(
            reports: [PainMapReport],
            index: RegionIndex,
            pains: [StoredPain],
            members: [PainMembers] = [],
            effects: DecisionEffectPage? = nil
        ) {
            self.reports = reports
            self.index = index
            self.pains = pains
            self.members = members
            self.effects = effects
        }
    }

    /// The records and stored pains one analysis reads, fetched by the caller.
    public struct Input: Sendable {
        /// The region's classified records of the quarter, in store order.
        public var records: AnalysisRecords
        /// The region's classified records of the previous quarter, in store order.
        public var previousRecords: AnalysisRecords
        /// The stored pains of the previous quarter, which this quarter's pains are matched to.
        public var previousPains: [StoredPain]
        /// The region's stored pains of quarters before this one (for the trend chart).
        public var history: [StoredPain]
        /// On a rerun, the quarter's pains the last run stored: a new pain that matches one takes its id, so the
        /// decisions made on it re-attach (empty on a quarter's first run).
        public var replacedPains: [StoredPain]

        /// Collects the input of one analysis.
        public init(
            records: AnalysisRecords,
            previousRecords: AnalysisRecords,
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
        records: AnalysisRecords,
        previousRecords: AnalysisRecords,
        previousPains: [StoredPain],
        history: [StoredPain],
        replacedPains: [StoredPain]
    ) async -> Result {
        // Markup is not what a record is about (issue 16): the same default preparation as `painmap cluster`.
        let analyzer = TextAnalyzer(
            stopWords: StopWords(extra: configuration.analysis.stopWords),
            preparation: .standard
        )
        // Words as ids (this quarter's records, then the previous quarter's): no `String` per word is kept.
        let currentCount = records.count
        let texts = await AnalyzedTexts.analyze(
            count: records.count + previousRecords.count,
            text: { $0 < currentCount ? records.text(at: $0) : previousRecords.text(at: $0 - currentCount) },
            analyzer: analyzer,
            threadCount: threadCount
        )
        func bySituation(_ items: AnalysisRecords) -> [String: [Int]] {
            var result: [String: [Int]] = [:]
            for index in items.indices {
                if let situation = items.lifeSituation(at: index) { result[situation, default: []].append(index) }
            }
            return result
        }
        // One complaint sent through several channels counts once in the situations' reports (the region's record
        // counts stay records, as the quarter overview counts them from the store). Only records of different
        // channels link, so a batch of one channel has nothing to fold.
        let linker = CrossChannelLinker(settings: configuration.analysis.crossChannel)
        var folded: [RecordID: [SourceKind]] = [:]
        var foldedIDs = Set<RecordID>()
        for batch in [records, previousRecords] where Set(batch.indices.lazy.map(batch.source(at:))).count > 1 {
            let groups = linker.groups(batch.map(\.record))
            for (index, representative) in groups.representative.enumerated() where representative != index {
                folded[batch.id(at: representative), default: []].append(batch.source(at: index))
                foldedIDs.insert(batch.id(at: index))
            }
        }
        let current = bySituation(records)
        let before = bySituation(previousRecords)
        let unassigned = records.indices.reduce(0) { $0 + (records.lifeSituation(at: $1) == nil ? 1 : 0) }
        var channelCounts: [SourceKind: Int] = [:]
        for index in records.indices { channelCounts[records.source(at: index), default: 0] += 1 }
        let regionByChannel = PainMetrics.channelCounts(channelCounts, total: records.count)
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
            ),
            analyzer: analyzer
        )

        // Above the configured size a situation is clustered on a sample, the rest placed in the nearest pain.
        var clustering = clustering
        let sampleAbove = configuration.analysis.clusterSampleAbove
        clustering.sampleAbove = sampleAbove > 0 ? sampleAbove : nil
        var reports: [PainMapReport] = []
        var pains: [StoredPain] = []
        var storedMembers: [PainMembers] = []
        var entries: [RegionIndexEntry] = []
        for situation in configuration.lifeSituations.situations {
            let members = current[situation.id] ?? []
            let previousMembers = before[situation.id] ?? []
            guard !members.isEmpty || !previousMembers.isEmpty else { continue }
            // The documents a list of `ClusterDocument`s would give: words and channels numbered by first appearance.
            var documents = InternedDocuments.Builder()
            var localOfWord: [Int32] = []
            var groupOfSource: [SourceKind: Int32] = [:]
            func group(_ source: SourceKind) -> Int32 {
                if let known = groupOfSource[source] { return known }
                let id = Int32(groupOfSource.count)
                groupOfSource[source] = id
                return id
            }
            documents.append(texts, indices: members, localOfWord: &localOfWord) { group(records.source(at: $0)) }
            documents.append(texts, indices: previousMembers.map { currentCount + $0 }, localOfWord: &localOfWord) {
                group(previousRecords.source(at: $0 - currentCount))
            }
            let analysis = SituationAnalysis(
                records: RecordSelection(base: records, positions: members),
                previousRecords: RecordSelection(base: previousRecords, positions: previousMembers),
                documents: documents.documents,
                quarter: quarter,
                previous: previousPains.filter { $0.lifeSituation == situation.id },
                replaced: replacedPains.filter { $0.lifeSituation == situation.id },
                configuration: clustering,
                noise: configuration.analysis,
                folded: foldedIDs
            )
            let output = builder.build(situation: situation, analysis: analysis)
            FaultPoint.hit("analyze.situation")
            reports.append(output.report)
            pains += output.pains
            storedMembers += output.members
            let active = output.report.pains.filter { $0.status != .vanished }
            entries.append(
                RegionIndexEntry(
                    lifeSituation: output.report.lifeSituation,
                    // The index counts records, as the region's totals and the quarter overview do.
                    count: members.count,
                    previousCount: previousMembers.count,
                    delta: ReportDelta(current: members.count, previous: previousMembers.count),
                    painCount: active.count,
                    topPains: active.prefix(3).map(IndexPain.init)
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
        return Result(reports: reports, index: index, pains: pains, members: storedMembers)
    }
}
