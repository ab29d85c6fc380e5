public import Foundation
public import Logging
import PainmapClustering
public import PainmapCore
import PainmapText

/// Gives every stored record a life situation and a journey stage (`painmap classify`).
///
/// Works one region × quarter slice at a time: fetches the records whose classification is missing or stale (made
/// under another configuration digest, or before a later export changed the record) — or every record with
/// `all` — classifies them on up to `threadCount` tasks, and saves the slice in one transaction. Results do not
/// depend on the thread count: each task classifies a fixed chunk and chunks are merged in input order. The report
/// counts every record of the selected slices, classified in this run or before.
public struct ClassifyJob: Sendable {
    private let configuration: PainmapConfiguration
    private let store: any FeedbackStore
    private let logger: Logger
    private let threadCount: Int

    /// Creates the job.
    ///
    /// - Parameters:
    ///   - configuration: The loaded configuration; its `lifeSituations` must not be empty.
    ///   - store: The store holding the records.
    ///   - logger: Receives counts per slice, never record content.
    ///   - threadCount: How many records are classified at once (default: the active processor count).
    public init(
        configuration: PainmapConfiguration,
        store: any FeedbackStore,
        logger: Logger,
        threadCount: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
        self.threadCount = max(1, threadCount)
    }

    /// Classifies the records of the selected slices and counts the result.
    ///
    /// - Parameters:
    ///   - region: Only this 2-digit region, if given.
    ///   - quarter: Only this quarter, if given.
    ///   - all: Re-classify every record, not only new, changed or stale ones.
    /// - Returns: How many records were classified now, and per slice the counts per situation × stage.
    /// - Throws: ``ConfigurationError`` when `Config/life-situations.yaml` is missing; a ``PainmapFailure`` from the
    ///   store when it cannot read or write.
    public func run(region: String? = nil, quarter: Quarter? = nil, all: Bool = false) async throws -> ClassifyReport {
        let catalog = configuration.lifeSituations
        guard !catalog.isEmpty else {
            let path = configuration.directory.appendingPathComponent("life-situations.yaml").path
            throw ConfigurationError(
                location: SourceLocation(path: path),
                message:
                    "нет описания жизненных ситуаций и этапов; создайте файл по образцу Config/life-situations.yaml"
            )
        }
        let classifier = LifeSituationClassifier(catalog: catalog)
        let digest = classifier.configDigest
        let slices = Set(try await store.status().records.map { Slice(region: $0.region, quarter: $0.quarter) })
            .filter { (region == nil || $0.region == region) && (quarter == nil || $0.quarter == quarter) }
            .sorted()
        var classified = 0
        for slice in slices {
            let records =
                all
                ? try await store.storedRecords(region: slice.region, quarter: slice.quarter)
                : try await store.unclassifiedRecords(
                    configDigest: digest,
                    region: slice.region,
                    quarter: slice.quarter
                )
            let moves = try await analystMoves(region: slice.region, quarter: slice.quarter)
            var items: [ClassifiedRecord] = []
            if !records.isEmpty {
                let results = try await classify(records, with: classifier)
                items = zip(records, results).map { ClassifiedRecord($0, classification: $1, configDigest: digest) }
            }
            items = try await applying(moves, to: items, region: slice.region, quarter: slice.quarter)
            guard !items.isEmpty else { continue }
            let results = items.map(\.classification)
            FaultPoint.hit("classify.before-save")
            try await store.saveClassifications(items)
            FaultPoint.hit("classify.saved")
            classified += items.count
            logger.info(
                "Slice classified",
                metadata: [
                    ClassifyLogKey.region: "\(slice.region)", ClassifyLogKey.quarter: "\(slice.quarter)",
                    ClassifyLogKey.classified: "\(items.count)",
                    ClassifyLogKey.unassigned: "\(results.filter { $0.lifeSituation == nil }.count)",
                ]
            )
        }
        let counts = try await store.classificationCounts(region: region, quarter: quarter, configDigest: digest)
        return ClassifyReport(
            configDigest: digest,
            classified: classified,
            counts: counts,
            catalog: catalog,
            regions: configuration.regions
        )
    }

    /// Classifies records in fixed chunks on up to ``threadCount`` tasks; the output is in input order.
    /// Records analysts moved to another life situation in a region-quarter (none when the store keeps no decisions).
    private func analystMoves(region: String, quarter: Quarter) async throws -> [RecordID: RecordDecision] {
        guard let decisions = store as? any DecisionStore else { return [:] }
        let moves = try await decisions.recordDecisions(region: region, quarter: quarter).filter(\.movesSituation)
        return Dictionary(moves.map { ($0.recordID, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The classifications to save with analysts' moves applied over the classifier's: the records just classified,
    /// plus moved records classified earlier whose stored situation does not show the move yet.
    private func applying(
        _ moves: [RecordID: RecordDecision],
        to items: [ClassifiedRecord],
        region: String,
        quarter: Quarter
    ) async throws -> [ClassifiedRecord] {
        guard !moves.isEmpty else { return items }
        func moved(_ item: ClassifiedRecord) -> ClassifiedRecord {
            guard let move = moves[item.id] else { return item }
            var item = item
            item.classification.lifeSituation = move.lifeSituation
            item.classification.rule = move.lifeSituation == nil ? .unassigned : .analyst
            item.classification.evidence = "перенесено аналитиком \(move.actor), \(move.at)"
            return item
        }
        var result = items.map(moved)
        let fresh = Set(items.map(\.id))
        for item in try await store.classifiedRecords(region: region, quarter: quarter)
        where moves[item.id] != nil && !fresh.contains(item.id) {
            let updated = moved(item)
            if updated.classification != item.classification { result.append(updated) }
        }
        return result
    }

    private func classify(_ records: [StoredRecord], with classifier: LifeSituationClassifier) async throws
        -> [RecordClassification]
    {
        await orderedParallelMap(
            records,
            threadCount: threadCount,
            makeState: { StemCache() },
            transform: { record, cache in classifier.classify(record.record, cache: &cache) }
        )
    }

    /// One region × quarter.
    private struct Slice: Hashable, Comparable {
        let region: String
        let quarter: Quarter

        static func < (lhs: Slice, rhs: Slice) -> Bool {
            lhs.region != rhs.region ? lhs.region < rhs.region : lhs.quarter < rhs.quarter
        }
    }
}

/// Log metadata keys of `painmap classify`: codes and counts only.
private enum ClassifyLogKey {
    static let region = "classify.region"
    static let quarter = "classify.quarter"
    static let classified = "records.classified"
    static let unassigned = "records.unassigned"
}
