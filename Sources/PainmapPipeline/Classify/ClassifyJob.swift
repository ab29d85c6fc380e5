public import Foundation
public import Logging
import PainmapClustering
public import PainmapCore
import PainmapText

/// Gives every stored record a life situation and a journey stage (`painmap classify`).
///
/// Each record's text is read and analysed once, streamed from the store one region × quarter slice at a time in the
/// regions' order (in pages along the store's slice index):
/// 1. *Reading*: every record of the store whose situation is certain (survey answer, service id, source category;
///    see ``LifeSituationClassifier/addTraining(_:to:scratch:)``) is counted into a ``LearnedSituationModel``, whatever
///    `region` and `quarter` select, so a one-region run classifies exactly as a whole run. In the same pass the
///    selected slices' records that need a classification — never classified, changed since, or every record with
///    `all` — are drafted: the rules that need no model decide most of them at once
///    (``LifeSituationClassifier/Draft``); the few that fall to a learned model keep their stem keys.
/// 2. *Saving*: the model's digest joins the configuration digest; the drafts waiting for a model are finished, and
///    each slice's classifications are saved in batches, one transaction per batch. A record already classified under
///    this very digest is not classified again; one classified under another digest (new or changed certain records
///    re-classify what the model decides) is read and classified again in this step.
///
/// Results do not depend on the thread count: each record's classification depends on the record and the models
/// alone, and the models' counts are integers summed per task. The report counts every record of the selected
/// slices, classified in this run or before.
public struct ClassifyJob: Sendable {
    let configuration: PainmapConfiguration
    let store: any FeedbackStore
    let logger: Logger
    let threadCount: Int

    /// Records read from the store at once.
    static let pageSize = 8_192
    /// Records analysed by one task at once.
    static let chunkSize = 512
    /// Classifications saved in one transaction at most.
    static let saveBatchSize = 50_000

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
    ///   - counting: Count the selected slices' records per situation × stage for the report (a quarterly run needs
    ///     only the digest and leaves the counts empty).
    /// - Returns: How many records were classified now, and per slice the counts per situation × stage.
    /// - Throws: ``LocatedFailure`` (``FailureCode/configuration``) when `Config/life-situations.yaml` is missing; a ``PainmapFailure`` from the
    ///   store when it cannot read or write.
    public func run(region: String? = nil, quarter: Quarter? = nil, all: Bool = false, counting: Bool = true)
        async throws
        -> ClassifyReport
    {
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
        let inputs: any ClassificationInputStore =
            store as? any ClassificationInputStore ?? GenericClassificationInputs(store: store)
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
        let selected = Set(
            everySlice.filter { (region == nil || $0.region == region) && (quarter == nil || $0.quarter == quarter) }
        )

        // 1. One pass over every slice: training counts for all, drafts for the selected slices' records.
        let lanes = (0..<threadCount).map { _ in Lane(training: rules.makeTraining()) }
        var table = ClassificationTable()
        var drafts: [Slice: SliceDrafts] = [:]
        for slice in everySlice {
            let drafting = selected.contains(slice)
            var sliceDrafts = SliceDrafts()
            try await inputs.classificationInputs(
                region: slice.region,
                quarter: slice.quarter,
                batchSize: Self.pageSize
            ) { page in
                let parts = await analyse(page, with: rules, drafting: drafting, all: all, lanes: lanes)
                for part in parts { sliceDrafts.append(part, into: &table) }
            }
            if drafting { drafts[slice] = sliceDrafts }
        }
        lap("read and draft")
        var training = rules.makeTraining()
        for lane in lanes { training.merge(lane.training) }
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

        // 2. Finish the drafts that wait for a model, re-classify what another digest classified, save.
        var classified = 0
        // Rows wait here until a batch is full: slices of a federal quarter hold a few thousand records each, and one
        // transaction per slice would cost one WAL sync per slice.
        var waiting: [ClassificationBatch.Row] = []
        func flush(_ minimum: Int) async throws {
            while waiting.count >= max(1, minimum) {
                let count = min(Self.saveBatchSize, waiting.count)
                let batch = Array(waiting[..<count])
                waiting.removeFirst(count)
                FaultPoint.hit("classify.before-save")
                try await inputs.saveClassifications(
                    ClassificationBatch(classifications: table.items, rows: batch, configDigest: digest)
                )
                FaultPoint.hit("classify.saved")
                classified += batch.count
            }
        }
        for slice in everySlice where selected.contains(slice) {
            guard let sliceDrafts = drafts.removeValue(forKey: slice) else { continue }
            let finished = await finish(sliceDrafts.pending, with: classifier)
            var rows = sliceDrafts.rows(finishing: finished, into: &table)
            var unassigned = finished.filter { $0.lifeSituation == nil }.count
            // Records classified under another digest (the models or the configuration changed) were not drafted:
            // read them again.
            if sliceDrafts.classifiedUnder.contains(where: { $0 != digest }) {
                try await inputs.classificationInputs(
                    region: slice.region,
                    quarter: slice.quarter,
                    batchSize: Self.pageSize
                ) { page in
                    let again = page.filter { $0.classifiedUnder != nil && $0.classifiedUnder != digest }
                    let results = await classify(again.map(\.record), with: classifier)
                    for (input, classification) in zip(again, results) {
                        rows.append(
                            ClassificationBatch.Row(
                                id: input.id,
                                fingerprint: input.fingerprint,
                                classification: table.index(of: classification)
                            )
                        )
                        if classification.lifeSituation == nil { unassigned += 1 }
                    }
                }
            }
            let moves = try await analystMoves(region: slice.region, quarter: slice.quarter)
            rows = try await applying(moves, to: rows, table: &table, region: slice.region, quarter: slice.quarter)
            waiting += rows
            try await flush(Self.saveBatchSize)
            guard !rows.isEmpty else { continue }
            logger.info(
                "Slice classified",
                metadata: [
                    ClassifyLogKey.region: "\(slice.region)", ClassifyLogKey.quarter: "\(slice.quarter)",
                    ClassifyLogKey.classified: "\(rows.count)",
                    ClassifyLogKey.unassigned: "\(unassigned)",
                ]
            )
        }
        try await flush(1)
        lap("classification")
        let counts =
            counting ? try await store.classificationCounts(region: region, quarter: quarter, configDigest: digest) : []
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

    /// Reads one page on up to ``threadCount`` tasks, each with its own lane (stem cache and training counts), in
    /// chunks of ``chunkSize`` records; the chunks come back in page order.
    private func analyse(
        _ page: [ClassificationInput],
        with rules: LifeSituationClassifier,
        drafting: Bool,
        all: Bool,
        lanes: [Lane]
    ) async -> [DraftChunk] {
        var start = 0
        var parts: [DraftChunk] = []
        _ = await orderedParallelMap(
            width: lanes.count,
            makeState: { lanes[$0] },
            next: { () -> ArraySlice<ClassificationInput>? in
                guard start < page.count else { return nil }
                defer { start += Self.chunkSize }
                return page[start..<min(start + Self.chunkSize, page.count)]
            },
            transform: { chunk, lane in
                Self.analyse(chunk, with: rules, drafting: drafting, all: all, lane: lane)
            },
            consume: { part in
                parts.append(part)
                return true
            }
        )
        return parts
    }

    /// Counts a chunk's records for training and drafts those that need a classification.
    private static func analyse(
        _ chunk: ArraySlice<ClassificationInput>,
        with rules: LifeSituationClassifier,
        drafting: Bool,
        all: Bool,
        lane: Lane
    ) -> DraftChunk {
        var part = DraftChunk()
        var local: [RecordClassification: Int32] = [:]
        for input in chunk {
            let draft = drafting && (all || input.classifiedUnder == nil)
            if drafting, !draft, let digest = input.classifiedUnder { part.classifiedUnder.insert(digest) }
            let analysis = rules.analyse(
                input.record,
                train: true,
                draft: draft,
                into: &lane.training,
                scratch: &lane.scratch
            )
            guard let result = analysis.draft else { continue }
            part.ids.append(input.id)
            part.fingerprints.append(input.fingerprint)
            switch result {
            case .done(let classification):
                if let known = local[classification] {
                    part.slots.append(known)
                } else {
                    let slot = Int32(part.local.count)
                    local[classification] = slot
                    part.local.append(classification)
                    part.slots.append(slot)
                }
            case .pending(let pending):
                part.slots.append(-1)
                part.pending.append(pending)
            }
        }
        return part
    }

    /// Finishes drafts with the learned models, in fixed chunks on up to ``threadCount`` tasks, in input order.
    private func finish(
        _ pending: [LifeSituationClassifier.PendingClassification],
        with classifier: LifeSituationClassifier
    ) async -> [RecordClassification] {
        await orderedParallelMap(
            pending,
            threadCount: threadCount,
            makeState: { ClassifierScratch() },
            transform: { draft, scratch in classifier.finish(draft, scratch: &scratch) }
        )
    }

    /// Records analysts moved to another life situation in a region-quarter (none when the store keeps no decisions).
    private func analystMoves(region: String, quarter: Quarter) async throws -> [RecordID: RecordDecision] {
        guard let decisions = store as? any DecisionStore else { return [:] }
        let moves = try await decisions.recordDecisions(region: region, quarter: quarter).filter(\.movesSituation)
        return Dictionary(moves.map { ($0.recordID, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The rows to save with analysts' moves applied over the classifier's: the rows just classified, plus moved
    /// records classified earlier whose stored situation does not show the move yet.
    private func applying(
        _ moves: [RecordID: RecordDecision],
        to rows: [ClassificationBatch.Row],
        table: inout ClassificationTable,
        region: String,
        quarter: Quarter
    ) async throws -> [ClassificationBatch.Row] {
        guard !moves.isEmpty else { return rows }
        func moved(_ classification: RecordClassification, of id: RecordID) -> RecordClassification {
            guard let move = moves[id] else { return classification }
            var classification = classification
            classification.lifeSituation = move.lifeSituation
            classification.rule = move.lifeSituation == nil ? .unassigned : .analyst
            classification.evidence = "перенесено аналитиком \(move.actor), \(move.at)"
            return classification
        }
        var result = rows
        for index in result.indices where moves[result[index].id] != nil {
            let row = result[index]
            result[index].classification = table.index(of: moved(table.items[Int(row.classification)], of: row.id))
        }
        let fresh = Set(rows.map(\.id))
        // Records not classified in this run are current under this run's digest, which the batch names.
        for item in try await store.classifiedRecords(region: region, quarter: quarter)
        where moves[item.id] != nil && !fresh.contains(item.id) {
            let updated = moved(item.classification, of: item.id)
            if updated != item.classification {
                result.append(
                    ClassificationBatch.Row(
                        id: item.id,
                        fingerprint: item.fingerprint,
                        classification: table.index(of: updated)
                    )
                )
            }
        }
        return result
    }

    /// Classifies records in fixed chunks on up to ``threadCount`` tasks; the output is in input order.
    private func classify(_ records: [FeedbackRecord], with classifier: LifeSituationClassifier) async
        -> [RecordClassification]
    {
        await orderedParallelMap(
            records,
            threadCount: threadCount,
            makeState: { ClassifierScratch() },
            transform: { record, scratch in classifier.classify(record, scratch: &scratch) }
        )
    }

    /// One region × quarter.
    struct Slice: Hashable, Comparable {
        let region: String
        let quarter: Quarter

        static func < (lhs: Slice, rhs: Slice) -> Bool {
            lhs.region != rhs.region ? lhs.region < rhs.region : lhs.quarter < rhs.quarter
        }
    }

    /// One task's working state across the pages of a run: its stem cache and its training counts.
    ///
    /// `@unchecked Sendable` is safe here: `orderedParallelMap` hands a lane to one transform at a time, and the job
    /// reads the counts only after the last page.
    final class Lane: @unchecked Sendable {
        var scratch = ClassifierScratch()
        var training: ClassifierTraining

        init(training: ClassifierTraining) {
            self.training = training
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
