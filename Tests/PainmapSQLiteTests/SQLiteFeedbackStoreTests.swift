import Foundation
import PainmapCore
import PainmapSQLite
import PainmapTestSupport
import Testing

/// SQLite-only facts; what every store promises is in PainmapStoreContractTests.
@Suite struct SQLiteFeedbackStoreTests {
    let store: SQLiteFeedbackStore

    init() throws {
        let directory = TemporaryDirectory.url("store")
        store = try SQLiteFeedbackStore(url: directory.appendingPathComponent("s.sqlite"))
    }

    @Test func connectionSettingsAreReadBack() throws {
        let pragmas = try store.pragmas()
        #expect(pragmas["journal_mode"] == "wal")
        #expect(pragmas["synchronous"] == "2")  // FULL
        #expect(pragmas["foreign_keys"] == "1")
        #expect((Int(pragmas["busy_timeout"] ?? "") ?? 0) >= 5000)
    }

    @Test func theFileStaysIntactThroughIngestClassificationPainsAndRefusals() async throws {
        var record = FeedbackRecord(
            source: .pos,
            feed: "pos-csv",
            receivedAt: Date(timeIntervalSince1970: 1_775_359_200),
            region: "54",
            regionRaw: "50",
            regionCodeSystem: .okato,
            quarter: try #require(Quarter("2026Q3")),
            text: "очередь в детский сад не движется"
        )
        record.sourceRecordID = "1"
        _ = try await store.ingest(
            IngestFileIdentity(digest: "a", path: "a.csv", feed: "pos-csv", source: .pos),
            rows: IngestRows.preloaded([
                .record(
                    RedactedRecord(
                        record: record,
                        naturalKey: record.naturalKey,
                        fingerprint: record.contentFingerprint,
                        identifiers: [],
                        originals: nil
                    ),
                    line: 2
                ),
                .quarantined(QuarantinedRow(line: 3, reason: .badDate, message: "x")),
            ])
        )
        let stored = try await store.storedRecords(region: nil, quarter: nil)
        let classification = RecordClassification(
            lifeSituation: nil,
            stage: "review",
            rule: .unassigned,
            evidence: "",
            stageRule: .default,
            stageEvidence: ""
        )
        try await store.saveClassifications(
            stored.map { ClassifiedRecord($0, classification: classification, configDigest: "A") }
        )
        var refused = classification
        refused.lifeSituation = "housing"
        let failure = await #expect(throws: LocatedFailure.self) {
            try await store.saveClassifications(
                stored.map { ClassifiedRecord($0, classification: refused, configDigest: "A") }
            )
        }
        #expect(failure?.code == .storeConstraint && failure?.exitStatus == .software)
        let pain = StoredPain(
            region: "54",
            quarter: try #require(Quarter("2026Q3")),
            lifeSituation: "kindergarten",
            id: "p",
            rank: 1,
            title: "t",
            stage: "result",
            count: 1,
            priority: 1,
            isSignal: true,
            centroid: [:]
        )
        try await store.replacePains(region: "54", quarter: pain.quarter, with: [pain])
        #expect(try store.integrityCheck() == "ok")
    }
}
