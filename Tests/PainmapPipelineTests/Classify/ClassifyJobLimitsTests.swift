import Foundation
import Logging
import PainmapClustering
import PainmapCore
import PainmapSQLite
import PainmapTestSupport
import Testing

@testable import PainmapPipeline

private let root = RepositoryRoot.url
private let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

private func loadConfiguration() throws -> PainmapConfiguration {
    try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
}

private func ingestedSampleStore(_ configuration: PainmapConfiguration, label: String) async throws
    -> SQLiteFeedbackStore
{
    let store = try SQLiteFeedbackStore(url: TemporaryDirectory.url(label).appendingPathComponent("s.sqlite"))
    let resolutions = try FeedResolver(configuration: configuration).resolve(
        paths: [root.appendingPathComponent("SampleFeeds").path],
        source: nil
    )
    let report = try await IngestJob(configuration: configuration, store: store, logger: quietLogger).run(resolutions)
    #expect(!report.hasFailures)
    return store
}

/// Adds two hotline calls with a rubric (certain records): the models' training changes.
private func ingestTwoCertainCalls(_ configuration: PainmapConfiguration, into store: SQLiteFeedbackStore) async throws
{
    let hotline = TemporaryDirectory.url("limits-hotline").appendingPathComponent("hotline")
    try FileManager.default.createDirectory(at: hotline, withIntermediateDirectories: true)
    let csv = """
        Номер звонка;Дата звонка;Субъект РФ;Район;Тема;Подтема;Краткое содержание;Результат;Передано в
        122-T-1;15.08.2026 10:00;Новосибирская область;;ЖКХ;;Во дворе дома сломана детская горка;Консультация оказана;
        122-T-2;15.08.2026 11:00;Новосибирская область;;ЖКХ;;Во дворе дома сломаны качели;Консультация оказана;

        """
    try Data(csv.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(
        to: hotline.appendingPathComponent("extra.csv")
    )
    let resolutions = try FeedResolver(configuration: configuration).resolve(paths: [hotline.path], source: nil)
    _ = try await IngestJob(configuration: configuration, store: store, logger: quietLogger).run(resolutions)
}

/// One stored classification, everything a report reads of it.
private struct Saved: Hashable {
    var id: RecordID
    var fingerprint: UInt64
    var classification: RecordClassification
    var configDigest: String
}

private func saved(_ store: SQLiteFeedbackStore) async throws -> [Saved] {
    try await store.classifiedRecords(region: nil, quarter: nil).map {
        Saved(id: $0.id, fingerprint: $0.fingerprint, classification: $0.classification, configDigest: $0.configDigest)
    }
}

/// Issue 16 (large regions) and 17 (no needless training): classification in bounded chunks, and a rerun that finds
/// every record classified does not train.
@Suite(.serialized) struct ClassifyJobLimitsTests {
    @Test func chunksOfAFewRecordsClassifyExactlyAsOneChunk() async throws {
        let configuration = try loadConfiguration()
        // One chunk: every draft kept in memory, one batch; then everything deferred and read again three records at
        // a time; then a budget that keeps some drafts and defers the rest, in batches of seven.
        let limits: [ClassifyJob.Limits] = [
            .init(pendingBytes: .max, batch: 1_000_000),
            .init(pendingBytes: 0, batch: 3),
            .init(pendingBytes: 200_000, batch: 7),
        ]
        var results: [[Saved]] = []
        var grown: [[Saved]] = []
        for (index, limit) in limits.enumerated() {
            let store = try await ingestedSampleStore(configuration, label: "limits-\(index)")
            let job = ClassifyJob(
                configuration: configuration,
                store: store,
                logger: quietLogger,
                threadCount: 2,
                limits: limit
            )
            let report = try await job.run()
            #expect(report.classified == report.slices.map(\.records).reduce(0, +))
            results.append(try await saved(store))
            // Two new certain records change the models: every record is stale and read again with the new ones.
            try await ingestTwoCertainCalls(configuration, into: store)
            #expect(try await job.run().classified == report.classified + 2)
            grown.append(try await saved(store))
        }
        #expect(grown[1] == grown[0] && grown[2] == grown[0], "stale records read again, in chunks or not")
        #expect(grown[0].count == results[0].count + 2)
        let one = results[0]
        #expect(one.count > 3000)
        // The drafts that waited for a model are the ones the budget defers: there must be many of them.
        let waited = one.filter {
            $0.classification.lifeSituation == nil || $0.classification.stageRule == .learned
                || $0.classification.stageRule == .default
        }
        #expect(waited.count > 300)
        #expect(results[1] == one, "everything deferred, three records at a time")
        #expect(results[2] == one, "part kept, part deferred, seven at a time")
    }

    @Test func aRunWithNothingToClassifyDoesNotTrain() async throws {
        let configuration = try loadConfiguration()
        let store = try await ingestedSampleStore(configuration, label: "limits-notrain")
        let first = try await ClassifyJob(configuration: configuration, store: store, logger: quietLogger).run(
            counting: false,
            reusingCurrentModels: true
        )
        #expect(first.trainedModels)
        #expect(first.classified > 3000)

        let logs = LogCapture()
        let again = try await ClassifyJob(configuration: configuration, store: store, logger: logs.logger).run(
            reusingCurrentModels: true
        )
        #expect(!again.trainedModels)
        #expect(again.model == nil)
        #expect(again.classified == 0)
        #expect(again.configDigest == first.configDigest)
        #expect(logs.lines.contains { $0.hasPrefix("Models current, training skipped") })
        #expect(!logs.lines.contains { $0.hasPrefix("Model trained") })
        #expect(again.slices.map(\.notClassified).reduce(0, +) == 0)
        // Training anyway reads the same records and gives that very digest.
        let trained = try await ClassifyJob(configuration: configuration, store: store, logger: quietLogger).run()
        #expect(trained.trainedModels && trained.configDigest == first.configDigest && trained.classified == 0)

        // New certain records: the models train again, the digest changes, every record is classified again.
        try await ingestTwoCertainCalls(configuration, into: store)
        let grown = try await ClassifyJob(configuration: configuration, store: store, logger: quietLogger).run(
            counting: false,
            reusingCurrentModels: true
        )
        #expect(grown.trainedModels)
        #expect(grown.configDigest != first.configDigest)
        #expect(grown.classified == first.classified + 2)

        // An edited catalog: other rules, so training runs again although every record is classified.
        var edited = configuration
        edited.lifeSituations.situations[0].keywords.append("ясельки")
        let retrained = try await ClassifyJob(configuration: edited, store: store, logger: quietLogger).run(
            counting: false,
            reusingCurrentModels: true
        )
        #expect(retrained.trainedModels)
        #expect(retrained.classified == grown.classified)
        // Without asking to reuse (`painmap classify`), the models are trained and named in the report.
        let asked = try await ClassifyJob(configuration: edited, store: store, logger: quietLogger).run()
        #expect(asked.trainedModels && asked.model != nil && asked.classified == 0)
    }
}
