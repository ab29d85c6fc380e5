public import Foundation
public import Logging
import PainmapClustering
public import PainmapCore
import PainmapText

/// Gives every stored record a life situation and a journey stage (`painmap classify`).
///
/// Two passes over the store, one region × quarter slice at a time in the regions' order:
/// 1. *Training*: every record of the store whose situation is certain (survey answer, service id, source category;
///    see ``LifeSituationClassifier/addTraining(_:to:scratch:)``) is counted into a ``LearnedSituationModel``, whatever
///    `region` and `quarter` select, so a one-region run classifies exactly as a whole run. The model's digest joins
///    the configuration digest: new or changed certain records re-classify what the model decides.
/// 2. *Classification*: the selected slices' records whose classification is missing or stale (made under another
///    digest, or before a later export changed the record) — or every record with `all` — are classified on up to
///    `threadCount` tasks and saved one slice per transaction.
///
/// Results do not depend on the thread count: each task handles a fixed chunk, chunks are merged in input order, and
/// the model's counts are integers. The report counts every record of the selected slices, classified in this run or
/// before.
public struct ClassifyJob: Sendable {
    let configuration: PainmapConfiguration
    let store: any FeedbackStore
    let logger: Logger
    let threadCount: Int

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
    /// - Throws: ``LocatedFailure`` (``FailureCode/configuration``) when `Config/life-situations.yaml` is missing; a ``PainmapFailure`` from the
    ///   store when it cannot read or write.
    public func run(region: String? = nil, quarter: Quarter? = nil, all: Bool = false) async throws -> ClassifyReport {
        let catalog = configuration.lifeSituations
        guard !catalog.isEmpty else {
            let path = configuration.directory.appendingPathComponent("life-situations.yaml").path
            throw LocatedFailure.configuration(
                location: SourceLocation(path: path),
                message:
                    "нет описания жизненных ситуаций и этапов; создайте файл по образцу Config/life-situations.yaml"
            )
        }
        let rules = LifeSituationClassifier(catalog: catalog)
        let clock = ContinuousClock()
        var mark = clock.now
        var seconds: [String] = []
        func lap(_ name: String) {
            let now = clock.now
            let elapsed = mark.duration(to: now)
            let value = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            seconds.append(name + " " + String(format: "%.2f", value))
            mark = now
        }
        let everySlice = Set(try await store.status().records.map { Slice(region: $0.region, quarter: $0.quarter) })
            .sorted()
        lap("status")
        var training = rules.makeTraining()
        for slice in everySlice {
            let records = try await records(of: slice, staleFor: nil)
            lap("read \(slice.region)")
            training.merge(await train(records, with: rules))
            lap("train \(slice.region)")
        }
        lap("training")
        let model = LearnedSituationModel(training.situations)
        let stageModel = LearnedSituationModel(training.stages)
        let classifier = rules.withModels(model, stageModel: stageModel)
        let digest = classifier.configDigest
        logger.info(
            "Model trained",
            metadata: [
                ClassifyLogKey.trainingRecords: "\(model.trainingRecords)",
                ClassifyLogKey.features: "\(model.featureCount)",
                ClassifyLogKey.stageTrainingRecords: "\(stageModel.trainingRecords)",
            ]
        )
        lap("models")
        let slices = everySlice.filter {
            (region == nil || $0.region == region) && (quarter == nil || $0.quarter == quarter)
        }
        var classified = 0
        for slice in slices {
            let records = try await records(of: slice, staleFor: all ? nil : digest)
            lap("read \(slice.region)")
            let moves = try await analystMoves(region: slice.region, quarter: slice.quarter)
            var items: [ClassifiedRecord] = []
            if !records.isEmpty {
                let results = try await classify(records, with: classifier)
                items = zip(records, results).map { ClassifiedRecord($0, classification: $1, configDigest: digest) }
            }
            items = try await applying(moves, to: items, region: slice.region, quarter: slice.quarter)
            guard !items.isEmpty else { continue }
            let results = items.map(\.classification)
            lap("classify \(slice.region)")
            FaultPoint.hit("classify.before-save")
            try await store.saveClassifications(items)
            FaultPoint.hit("classify.saved")
            lap("save \(slice.region)")
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
        lap("classification")
        let counts = try await store.classificationCounts(region: region, quarter: quarter, configDigest: digest)
        lap("counts")
        logger.info("Classification timed", metadata: [ClassifyLogKey.seconds: "\(seconds.joined(separator: ", "))"])
        return ClassifyReport(
            configDigest: digest,
            classified: classified,
            counts: counts,
            catalog: catalog,
            regions: configuration.regions,
            model: model,
            stageModel: stageModel
        )
    }

    /// A slice's records — only those not classified under `digest`, when given — through the store's lean read when
    /// it has one.
    private func records(of slice: Slice, staleFor digest: String?) async throws -> [StoredRecord] {
        if let lean = store as? any ClassificationInputStore {
            return try await lean.classificationInputs(region: slice.region, quarter: slice.quarter, staleFor: digest)
        }
        if let digest {
            return try await store.unclassifiedRecords(
                configDigest: digest,
                region: slice.region,
                quarter: slice.quarter
            )
        }
        return try await store.storedRecords(region: slice.region, quarter: slice.quarter)
    }

    /// Counts the records whose class is certain, in ``threadCount`` fixed chunks merged in input order.
    private func train(_ records: [StoredRecord], with classifier: LifeSituationClassifier) async
        -> ClassifierTraining
    {
        let chunkSize = max(1_024, (records.count + threadCount - 1) / threadCount)
        let starts = Array(stride(from: 0, to: records.count, by: chunkSize))
        let parts = await withTaskGroup(of: (Int, ClassifierTraining).self) { group in
            for (index, start) in starts.enumerated() {
                let chunk = records[start..<min(start + chunkSize, records.count)]
                group.addTask {
                    var training = classifier.makeTraining()
                    var scratch = ClassifierScratch()
                    for stored in chunk { classifier.addTraining(stored.record, to: &training, scratch: &scratch) }
                    return (index, training)
                }
            }
            var parts = [ClassifierTraining?](repeating: nil, count: starts.count)
            for await (index, part) in group { parts[index] = part }
            return parts
        }
        var training = classifier.makeTraining()
        for part in parts {
            if let part { training.merge(part) }
        }
        return training
    }

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

    /// Classifies records in fixed chunks on up to ``threadCount`` tasks; the output is in input order.
    private func classify(_ records: [StoredRecord], with classifier: LifeSituationClassifier) async throws
        -> [RecordClassification]
    {
        await orderedParallelMap(
            records,
            threadCount: threadCount,
            makeState: { ClassifierScratch() },
            transform: { record, scratch in classifier.classify(record.record, scratch: &scratch) }
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
    static let trainingRecords = "model.training_records"
    static let features = "model.features"
    static let stageTrainingRecords = "model.stage_training_records"
    static let seconds = "classify.seconds"
}
