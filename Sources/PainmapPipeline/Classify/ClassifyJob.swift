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
///    (``LifeSituationClassifier/Draft``) and keep a 24-byte row; the few that fall to a learned model keep their
///    stem keys while ``Limits/pendingBytes`` lasts, and only their id beyond it.
/// 2. *Saving*: the model's digest joins the configuration digest; the drafts waiting for a model are finished in
///    chunks of ``Limits/batch``, the records deferred in step 1 are read again from the store and classified page by
///    page, and the rows are saved in batches of ``Limits/batch``, one transaction per batch. A record already
///    classified under this very digest is not classified again; one classified under another digest (new or changed
///    certain records re-classify what the model decides) is read and classified again in this step.
///
/// Memory is bounded by the rows (24 bytes a selected record), the pending budget, the models and one page or chunk,
/// whatever the slice's size. Results do not depend on the thread count or the limits: each record's classification
/// depends on the record and the models alone, and the models' counts are integers summed per task. The report counts
/// every record of the selected slices, classified in this run or before.
///
/// When the store remembers the last run's models (``ClassificationModelStore``) and the caller allows it
/// (`reusingCurrentModels`), a run that finds every record of the store classified under them, from the same rules,
/// skips both steps: training again would read the same records and give the same digest.
public struct ClassifyJob: Sendable {
    let configuration: PainmapConfiguration
    let store: any FeedbackStore
    let logger: Logger
    let threadCount: Int
    let limits: Limits

    /// Records read from the store at once.
    static let pageSize = 8_192
    /// Records analysed by one task at once.
    static let chunkSize = 512

    /// What a run holds at once.
    struct Limits: Sendable {
        /// Estimated bytes of drafts that wait for a learned model, over the whole run; beyond it a draft keeps only its
        /// record's id and the record is read again once the models exist.
        var pendingBytes: Int
        /// Drafts finished, records read and classifications saved at once (one transaction per batch of rows).
        var batch: Int

        /// 64 MB of pending drafts (about 60,000 records), batches of 50,000 rows: a federal quarter's slices share a
        /// transaction, a million-record slice is saved in twenty.
        static let standard = Limits(pendingBytes: 64 << 20, batch: 50_000)
    }

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
        self.init(
            configuration: configuration,
            store: store,
            logger: logger,
            threadCount: threadCount,
            limits: .standard
        )
    }

    /// Creates the job with other limits (tests shrink them to a few records).
    init(
        configuration: PainmapConfiguration,
        store: any FeedbackStore,
        logger: Logger,
        threadCount: Int,
        limits: Limits
    ) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
        self.threadCount = max(1, threadCount)
        self.limits = Limits(pendingBytes: max(0, limits.pendingBytes), batch: max(1, limits.batch))
    }

    /// Classifies the records of the selected slices and counts the result.
    ///
    /// - Parameters:
    ///   - region: Only this 2-digit region, if given.
    ///   - quarter: Only this quarter, if given.
    ///   - all: Re-classify every record, not only new, changed or stale ones.
    ///   - counting: Count the selected slices' records per situation × stage for the report (a quarterly run needs
    ///     only the digest and leaves the counts empty).
    ///   - reusingCurrentModels: Skip training when the store shows every record classified under its last models
    ///     (see ``ClassificationModelStore``); the report then names no model. Analysts' moves are applied either way.
    /// - Returns: How many records were classified now, and per slice the counts per situation × stage.
    /// - Throws: ``LocatedFailure`` (``FailureCode/configuration``) when `Config/life-situations.yaml` is missing; a ``PainmapFailure`` from the
    ///   store when it cannot read or write.
    public func run(
        region: String? = nil,
        quarter: Quarter? = nil,
        all: Bool = false,
        counting: Bool = true,
        reusingCurrentModels: Bool = false
    ) async throws -> ClassifyReport {
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
        let modelKey = rules.rulesDigest + " " + LearnedSituationModel.version
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
        let selected = everySlice.filter {
            (region == nil || $0.region == region) && (quarter == nil || $0.quarter == quarter)
        }
        var writer = ClassificationWriter(inputs: inputs, batchSize: limits.batch)
        // The run's report under `digest`, naming the models trained now (`nil`: the current ones were kept).
        func runReport(
            under digest: String,
            models: (LearnedSituationModel, LearnedSituationModel)?
        ) async throws -> ClassifyReport {
            try await report(
                digest: digest,
                classified: writer.saved,
                region: region,
                quarter: quarter,
                counting: counting,
                catalog: catalog,
                models: models,
                lap: lap,
                seconds: { seconds }
            )
        }

        var current: String?
        if reusingCurrentModels, !all, let models = store as? any ClassificationModelStore {
            current = try await models.currentClassificationDigest(rules: modelKey)
            lap("check")
        }
        if let digest = current {
            writer.digest = digest
            for slice in selected {
                let moves = try await analystMoves(region: slice.region, quarter: slice.quarter)
                var emitted = SliceEmission(moves: moves)
                try await applyRemainingMoves(&emitted, to: slice, writer: &writer)
                logSlice(slice, emitted)
            }
            try await writer.flush(1)
            lap("moves")
            logger.info(
                "Models current, training skipped",
                metadata: [ClassifyLogKey.configDigest: "\(digest.prefix(12))"]
            )
            return try await runReport(under: digest, models: nil)
        }

        // 1. One pass over every slice: training counts for all, drafts for the selected slices' records.
        var lanes = (0..<threadCount).map { _ in Lane(training: rules.makeTraining()) }
        var drafts: [Slice: SliceDrafts] = [:]
        var room = limits.pendingBytes
        var read = 0
        let pageSize = min(Self.pageSize, limits.batch)
        let chosen = Set(selected)
        for slice in everySlice {
            let drafting = chosen.contains(slice)
            var sliceDrafts = SliceDrafts()
            try await inputs.classificationInputs(
                of: slice,
                batchSize: pageSize
            ) { page in
                read += page.count
                let parts = await analyse(page, with: rules, drafting: drafting, all: all, lanes: lanes)
                for part in parts { sliceDrafts.append(part, into: &writer.table, room: &room) }
            }
            if drafting { drafts[slice] = sliceDrafts }
        }
        lap("read and draft")
        let (model, stageModel) = Self.models(from: lanes, rules: rules)
        // The tasks' counts and stem caches are not needed any more: only the models are.
        lanes.removeAll()
        let classifier = rules.withModels(model, stageModel: stageModel)
        let digest = classifier.configDigest
        writer.digest = digest
        logger.info(
            "Model trained",
            metadata: [
                ClassifyLogKey.trainingRecords: "\(model.trainingRecords)",
                ClassifyLogKey.features: "\(model.featureCount)",
                ClassifyLogKey.stageTrainingRecords: "\(stageModel.trainingRecords)",
            ]
        )
        lap("models")

        // 2. Per slice: save the rules' rows, finish the drafts that wait for a model, read and classify the deferred
        // records and those another digest classified, in batches.
        for slice in selected {
            guard let sliceDrafts = drafts.removeValue(forKey: slice) else { continue }
            var emitted = SliceEmission(
                moves: try await analystMoves(region: slice.region, quarter: slice.quarter)
            )
            var start = 0
            while start < sliceDrafts.rows.count {
                let end = min(start + limits.batch, sliceDrafts.rows.count)
                try await emit(sliceDrafts.rows[start..<end], &emitted, writer: &writer)
                start = end
            }
            // Saves the classifications of records given by id and fingerprint, in the same order, counting those
            // left without a life situation.
            func emitClassified(
                _ classifications: [RecordClassification],
                of records: [(id: RecordID, fingerprint: UInt64)]
            ) async throws {
                var rows: [ClassificationBatch.Row] = []
                rows.reserveCapacity(records.count)
                for (record, classification) in zip(records, classifications) {
                    if classification.lifeSituation == nil { emitted.unassigned += 1 }
                    rows.append(
                        ClassificationBatch.Row(
                            id: record.id,
                            fingerprint: record.fingerprint,
                            classification: writer.table.index(of: classification)
                        )
                    )
                }
                try await emit(rows[...], &emitted, writer: &writer)
            }
            start = 0
            while start < sliceDrafts.pending.count {
                let chunk = sliceDrafts.pending[start..<min(start + limits.batch, sliceDrafts.pending.count)]
                let finished = await finish(chunk.map(\.draft), with: classifier)
                try await emitClassified(finished, of: chunk.map { ($0.id, $0.fingerprint) })
                start += chunk.count
            }
            // Records deferred beyond the budget, and records classified under another digest (the models or the
            // configuration changed), were not drafted to the end: read them again.
            let stale = !all && sliceDrafts.classifiedUnder.contains { $0 != digest }
            let deferred = sliceDrafts.deferred
            func classifyAgain(_ again: [ClassificationInput]) async throws {
                guard !again.isEmpty else { return }
                let results = await classify(again.map(\.record), with: classifier)
                try await emitClassified(results, of: again.map { ($0.id, $0.fingerprint) })
            }
            if stale {
                try await inputs.classificationInputs(
                    of: slice,
                    batchSize: pageSize
                ) { page in
                    try await classifyAgain(
                        page.filter { input in
                            deferred.contains(input.id)
                                || (input.classifiedUnder != nil && input.classifiedUnder != digest)
                        }
                    )
                }
            } else if !deferred.isEmpty {
                try await inputs.classificationInputs(
                    of: slice,
                    ids: deferred,
                    batchSize: pageSize
                ) { page in
                    try await classifyAgain(page)
                }
            }
            try await applyRemainingMoves(&emitted, to: slice, writer: &writer)
            logSlice(slice, emitted)
        }
        try await writer.flush(1)
        if let models = store as? any ClassificationModelStore {
            try await models.saveClassificationModel(
                ClassificationModelState(configDigest: digest, rules: modelKey, records: read)
            )
        }
        lap("classification")
        return try await runReport(under: digest, models: (model, stageModel))
    }

    /// The report of a run: the store's counts when asked, and the phase timings logged.
    private func report(
        digest: String,
        classified: Int,
        region: String?,
        quarter: Quarter?,
        counting: Bool,
        catalog: LifeSituationCatalog,
        models: (LearnedSituationModel, LearnedSituationModel)?,
        lap: (String) -> Void,
        seconds: () -> [String]
    ) async throws -> ClassifyReport {
        let counts =
            counting ? try await store.classificationCounts(region: region, quarter: quarter, configDigest: digest) : []
        lap("counts")
        logger.info("Classification timed", metadata: [ClassifyLogKey.seconds: "\(seconds().joined(separator: ", "))"])
        var report = ClassifyReport(
            configDigest: digest,
            classified: classified,
            counts: counts,
            catalog: catalog,
            regions: configuration.regions,
            model: models?.0,
            stageModel: models?.1
        )
        report.trainedModels = models != nil
        return report
    }

    /// The models from every task's counts.
    private static func models(from lanes: [Lane], rules: LifeSituationClassifier) -> (
        LearnedSituationModel, LearnedSituationModel
    ) {
        var training = rules.makeTraining()
        for lane in lanes {
            training.merge(lane.training)
            lane.training = rules.makeTraining()
        }
        return (LearnedSituationModel(training.situations), LearnedSituationModel(training.stages))
    }

    /// Saves rows of a slice with analysts' moves applied over the classifier's.
    private func emit(
        _ rows: ArraySlice<ClassificationBatch.Row>,
        _ emitted: inout SliceEmission,
        writer: inout ClassificationWriter
    ) async throws {
        for var row in rows {
            if let move = emitted.moves[row.id] {
                row.classification = writer.table.index(
                    of: Self.moved(writer.table.items[Int(row.classification)], by: move)
                )
                emitted.moved.insert(row.id)
            }
            writer.waiting.append(row)
        }
        emitted.rows += rows.count
        try await writer.flush(limits.batch)
    }

    /// Saves the moves of records classified earlier (not in this run) whose stored situation does not show the move
    /// yet; they stay current under this run's digest, which the batch names.
    private func applyRemainingMoves(
        _ emitted: inout SliceEmission,
        to slice: Slice,
        writer: inout ClassificationWriter
    ) async throws {
        guard !emitted.moves.isEmpty else { return }
        var rows: [ClassificationBatch.Row] = []
        for item in try await store.classifiedRecords(region: slice.region, quarter: slice.quarter)
        where !emitted.moved.contains(item.id) {
            guard let move = emitted.moves[item.id] else { continue }
            let updated = Self.moved(item.classification, by: move)
            if updated != item.classification {
                rows.append(
                    ClassificationBatch.Row(
                        id: item.id,
                        fingerprint: item.fingerprint,
                        classification: writer.table.index(of: updated)
                    )
                )
            }
        }
        emitted.moves = [:]
        try await emit(rows[...], &emitted, writer: &writer)
    }

    /// Logs a slice's counts when it saved rows.
    private func logSlice(_ slice: Slice, _ emitted: SliceEmission) {
        guard emitted.rows > 0 else { return }
        logger.info(
            "Slice classified",
            metadata: [
                ClassifyLogKey.region: "\(slice.region)", ClassifyLogKey.quarter: "\(slice.quarter)",
                ClassifyLogKey.classified: "\(emitted.rows)",
                ClassifyLogKey.unassigned: "\(emitted.unassigned)",
            ]
        )
    }

    /// A classification with an analyst's move applied.
    private static func moved(_ classification: RecordClassification, by move: RecordDecision) -> RecordClassification {
        var classification = classification
        classification.lifeSituation = move.lifeSituation
        classification.rule = move.lifeSituation == nil ? .unassigned : .analyst
        classification.evidence = "перенесено аналитиком \(move.actor), \(move.at)"
        return classification
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
    typealias Slice = StoreSlice

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
    static let configDigest = "classify.config_digest"
}
