import Foundation
import PainmapCore
import PainmapSQLite
import Testing

/// A sink driver: feeds prepared rows into whatever sink the store hands out.
private func feed(_ records: [FeedbackRecord], quarantine: [QuarantinedRow] = []) -> (any RecordSink) throws -> FileReadSummary {
    { sink in
        for (index, record) in records.enumerated() { try sink.accept(record, line: index + 2) }
        for row in quarantine { try sink.quarantine(row) }
        return FileReadSummary(encoding: "utf-8")
    }
}

private func record(_ id: String, text: String = "очередь в детский сад не движется", status: String? = "Принято") throws -> FeedbackRecord {
    var record = FeedbackRecord(
        source: .pos, feed: "pos-csv", receivedAt: Date(timeIntervalSince1970: 1_775_359_200), region: "54", regionRaw: "50",
        regionCodeSystem: .okato, quarter: try #require(Quarter("2026Q2")), text: text)
    record.sourceRecordID = id
    record.statusRaw = status
    return record
}

@Suite struct SQLiteFeedbackStoreTests {
    let directory: URL
    let store: SQLiteFeedbackStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("painmap-store-\(UUID().uuidString)")
        store = try SQLiteFeedbackStore(url: directory.appendingPathComponent("s.sqlite"))
    }

    func identity(_ digest: String) -> IngestFileIdentity {
        IngestFileIdentity(digest: digest, path: "pos_\(digest).csv", feed: "pos-csv", source: .pos)
    }

    @Test func connectionSettingsAreReadBack() throws {
        let pragmas = try store.pragmas()
        #expect(pragmas["journal_mode"] == "wal")
        #expect(pragmas["synchronous"] == "2")  // FULL
        #expect(pragmas["foreign_keys"] == "1")
        #expect((Int(pragmas["busy_timeout"] ?? "") ?? 0) >= 5000)
    }

    @Test func accountingIdentityHoldsAndIsStored() async throws {
        let bad = QuarantinedRow(line: 9, reason: .badDate, message: "x")
        let entry = try await store.ingest(identity("a"), read: feed([try record("1"), try record("2"), try record("1")], quarantine: [bad]))
        #expect(entry.accounting == FileAccounting(read: 4, stored: 2, updated: 0, quarantined: 1, duplicate: 1))
        let status = try await store.status()
        #expect(status.totals.read == 4 && status.totals.isBalanced)
        #expect(status.bySource[.pos]?.stored == 2)
        #expect(status.records == [RegionQuarterCount(region: "54", quarter: try #require(Quarter("2026Q2")), source: .pos, count: 2)])
        #expect(try await store.quarantinedRows(reason: .badDate).map(\.line) == [9])
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func aLaterExportUpdatesInsteadOfDuplicating() async throws {
        _ = try await store.ingest(identity("q2"), read: feed([try record("1"), try record("2")]))
        let later = try await store.ingest(identity("q3"), read: feed([try record("1", status: "Дан ответ"), try record("2")]))
        #expect(later.accounting == FileAccounting(read: 2, stored: 1, updated: 1, quarantined: 0, duplicate: 1))
        let status = try await store.status()
        #expect(status.records.first?.count == 2)
    }

    @Test func aFailingReadLeavesNothingBehind() async throws {
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            _ = try await store.ingest(identity("x")) { sink in
                try sink.accept(try record("1"), line: 2)
                throw Boom()
            }
        }
        #expect(try await store.ingestedFile(digest: "x") == nil)
        #expect(try await store.status().records.isEmpty)
    }

    @Test func rejectedFileIsListedAndCanBeIngestedLater() async throws {
        let error = IngestError(location: SourceLocation(path: "pos_r.csv", line: 1), reason: .missingColumns, message: "нет столбцов")
        try await store.recordRejection(identity("r"), error: error)
        #expect(try await store.ingestedFile(digest: "r")?.outcome == .rejected)
        #expect(try await store.quarantinedRows(reason: .missingColumns).map(\.line) == [0])
        let entry = try await store.ingest(identity("r"), read: feed([try record("5")]))
        #expect(entry.outcome == .done && entry.accounting.stored == 1)
        #expect(try await store.status().filesRejected == 0)
    }

    @Test func recordsWithoutIdsAreKeyedByContent() async throws {
        var first = try record("")
        first.sourceRecordID = nil
        var second = first
        second.text = "другой текст"
        let entry = try await store.ingest(identity("h"), read: feed([first, first, second]))
        #expect(entry.accounting.stored == 2 && entry.accounting.duplicate == 1)
    }
}
