import Foundation
import Logging
import PainmapCore
import PainmapPipeline
import PainmapSQLite
import PainmapTestSupport
import Testing

private let root = RepositoryRoot.url

/// Everything an ingest leaves in a store, in the store's own order.
private struct IngestResult: Equatable {
    var accounting: [String]
    var records: [StoredRecord]
    var identifiers: [RedactedIdentifier]
    var quarantine: [QuarantineEntry]
    var originals: [String]
}

/// Ingests SampleFeeds (every adapter, hostile files included) into a fresh store, redacting with `threads` threads.
private func ingestSampleFeeds(redactionThreads threads: Int) async throws -> IngestResult {
    let directory = TemporaryDirectory.url("parallel")
    let store = try SQLiteFeedbackStore(url: directory.appendingPathComponent("s.sqlite"))
    var configuration = try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
    configuration.privacy = PrivacyConfiguration(keepOriginals: true)
    let resolutions = try FeedResolver(configuration: configuration).resolve(
        paths: [root.appendingPathComponent("SampleFeeds").path],
        source: nil
    )
    let job = IngestJob(
        configuration: configuration,
        store: store,
        logger: Logger(label: "test"),
        now: Date(timeIntervalSince1970: 1_790_000_000),
        redactionThreads: threads
    )
    let report = try await job.run(resolutions)
    let originals = try store.originalTexts().sorted { $0.key < $1.key }.map {
        "\($0.key) \($0.value.text) \($0.value.answerText ?? "-")"
    }
    return IngestResult(
        accounting: report.files.map { "\($0.path) \($0.outcome)" },
        records: try await store.storedRecords(region: nil, quarter: nil),
        identifiers: try await store.redactedIdentifiers(region: nil, quarter: nil),
        quarantine: try await store.quarantinedRows(reason: nil),
        originals: originals
    )
}

/// Redaction runs on the reader's side in parallel chunks (`RowPipeline` with the sink's `RecordPreparation`); the
/// thread count must change nothing that is stored.
@Suite struct ParallelRedactionTests {
    @Test func storedResultsAreIdenticalAtOneTwoAndFiveThreads() async throws {
        let one = try await ingestSampleFeeds(redactionThreads: 1)
        #expect(one.records.count > 1_000)
        #expect(one.identifiers.count > 100)
        #expect(!one.quarantine.isEmpty)
        #expect(one.records.contains { $0.record.text.contains("[ФИО]") })
        for threads in [2, 5] {
            let other = try await ingestSampleFeeds(redactionThreads: threads)
            #expect(other.accounting == one.accounting, "threads \(threads)")
            #expect(other.records == one.records, "threads \(threads)")
            #expect(other.identifiers == one.identifiers, "threads \(threads)")
            #expect(other.quarantine == one.quarantine, "threads \(threads)")
            #expect(other.originals == one.originals, "threads \(threads)")
        }
    }
}
