import Foundation
import PainmapCore
import PainmapSQLite
import Testing

private func feed(_ records: [FeedbackRecord]) -> (any RecordSink) throws -> FileReadSummary {
    { sink in
        for (index, record) in records.enumerated() { try sink.accept(record, line: index + 2) }
        return FileReadSummary(encoding: "utf-8")
    }
}

private func record(_ id: String, region: String = "54", quarter: String = "2026Q2", text: String, status: String = "Принято") throws -> FeedbackRecord {
    var record = FeedbackRecord(
        source: .pos, feed: "pos-csv", receivedAt: Date(timeIntervalSince1970: 1_775_359_200 + (Double(id) ?? 0) * 60), region: region,
        regionRaw: region, regionCodeSystem: .kladr, quarter: try #require(Quarter(quarter)), text: text)
    record.sourceRecordID = id
    record.statusRaw = status
    return record
}

private func classification(_ situation: String?, stage: String = "review") -> RecordClassification {
    RecordClassification(
        lifeSituation: situation, stage: stage, rule: situation == nil ? .unassigned : .keywords,
        evidence: situation == nil ? "нет признаков ситуации" : "ключевые слова: садик (счёт 2)", stageRule: .default,
        stageEvidence: "нет признаков этапа")
}

@Suite struct SQLiteClassificationTests {
    let store: SQLiteFeedbackStore

    init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("painmap-classification-\(UUID().uuidString)")
        store = try SQLiteFeedbackStore(url: directory.appendingPathComponent("s.sqlite"))
    }

    func ingest(_ digest: String, _ records: [FeedbackRecord]) async throws {
        _ = try await store.ingest(IngestFileIdentity(digest: digest, path: "\(digest).csv", feed: "pos-csv", source: .pos), read: feed(records))
    }

    func sample() async throws {
        try await ingest(
            "a",
            [
                try record("1", text: "Очередь в садик не движется"), try record("2", text: "Протечка крыши"),
                try record("3", region: "41", quarter: "2026Q3", text: "тест"),
            ])
    }

    @Test func classificationsRoundTripWithTheRecord() async throws {
        try await sample()
        let pending = try await store.unclassifiedRecords(configDigest: "A", region: nil, quarter: nil)
        #expect(pending.map(\.record.sourceRecordID) == ["1", "2", "3"])
        #expect(Set(pending.map(\.id)).count == 3)
        let results = [classification("kindergarten"), classification("housing", stage: "result"), classification(nil)]
        try await store.saveClassifications(zip(pending, results).map { ClassifiedRecord($0, classification: $1, configDigest: "A") })
        let back = try await store.classifiedRecords(region: nil, quarter: nil)
        #expect(back.map(\.classification) == results)
        #expect(back.map(\.id) == pending.map(\.id))
        #expect(back.map(\.fingerprint) == pending.map(\.fingerprint))
        #expect(back.map(\.record) == pending.map(\.record))
        #expect(back.allSatisfy { $0.configDigest == "A" })
        #expect(try await store.unclassifiedRecords(configDigest: "A", region: nil, quarter: nil).isEmpty)
        // Saving again replaces, it does not add.
        let moved = back.map { item in
            var item = item
            item.classification.stage = "appeal"
            return item
        }
        try await store.saveClassifications(moved)
        #expect(try await store.classifiedRecords(region: nil, quarter: nil).map(\.classification.stage) == ["appeal", "appeal", "appeal"])
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func anotherConfigurationDigestMakesEveryClassificationStale() async throws {
        try await sample()
        let pending = try await store.unclassifiedRecords(configDigest: "A", region: nil, quarter: nil)
        try await store.saveClassifications(pending.map { ClassifiedRecord($0, classification: classification(nil), configDigest: "A") })
        #expect(try await store.unclassifiedRecords(configDigest: "B", region: nil, quarter: nil).count == 3)
        #expect(try await store.unclassifiedRecords(configDigest: "B", region: "54", quarter: nil).count == 2)
        let q3 = try #require(Quarter("2026Q3"))
        #expect(try await store.unclassifiedRecords(configDigest: "B", region: nil, quarter: q3).count == 1)
    }

    @Test func aLaterExportThatChangesARecordMakesItsClassificationStaleButKeepsItsID() async throws {
        try await sample()
        let pending = try await store.unclassifiedRecords(configDigest: "A", region: nil, quarter: nil)
        try await store.saveClassifications(pending.map { ClassifiedRecord($0, classification: classification("kindergarten"), configDigest: "A") })
        try await ingest("b", [try record("1", text: "Очередь в садик не движется", status: "Дан ответ")])
        let stale = try await store.unclassifiedRecords(configDigest: "A", region: nil, quarter: nil)
        #expect(stale.map(\.record.sourceRecordID) == ["1"])
        #expect(stale.first?.id == pending.first?.id)
        #expect(stale.first?.fingerprint != pending.first?.fingerprint)
    }

    @Test func countsCoverClassifiedStaleAndNotYetClassifiedRecords() async throws {
        try await sample()
        let pending = try await store.unclassifiedRecords(configDigest: "A", region: "54", quarter: nil)
        try await store.saveClassifications([
            ClassifiedRecord(pending[0], classification: classification("kindergarten"), configDigest: "A"),
            ClassifiedRecord(pending[1], classification: classification(nil), configDigest: "old"),
        ])
        let q2 = try #require(Quarter("2026Q2"))
        let q3 = try #require(Quarter("2026Q3"))
        let counts = try await store.classificationCounts(region: nil, quarter: nil, configDigest: "A")
        #expect(
            Set(counts) == [
                ClassificationCount(region: "41", quarter: q3, lifeSituation: nil, stage: nil, rule: nil, isStale: false, count: 1),
                ClassificationCount(region: "54", quarter: q2, lifeSituation: nil, stage: "review", rule: .unassigned, isStale: true, count: 1),
                ClassificationCount(region: "54", quarter: q2, lifeSituation: "kindergarten", stage: "review", rule: .keywords, isStale: false, count: 1),
            ])
        #expect(try await store.classificationCounts(region: "41", quarter: nil, configDigest: "A").count == 1)
    }

    @Test func aSituationWithRuleNoneIsRefusedByTheSchema() async throws {
        try await sample()
        let pending = try await store.unclassifiedRecords(configDigest: "A", region: nil, quarter: nil)
        var contradictory = classification(nil)
        contradictory.lifeSituation = "housing"
        await #expect(throws: StoreError.self) {
            try await store.saveClassifications([ClassifiedRecord(pending[0], classification: contradictory, configDigest: "A")])
        }
        #expect(try await store.classifiedRecords(region: nil, quarter: nil).isEmpty)
    }

    @Test func aClassificationOfAnUnknownRecordIsRefused() async throws {
        let unknown = StoredRecord(id: RecordID(rawValue: 999), fingerprint: 1, record: try record("9", text: "x"))
        await #expect(throws: StoreError.self) {
            try await store.saveClassifications([ClassifiedRecord(unknown, classification: classification(nil), configDigest: "A")])
        }
    }
}
