import Foundation
import PainmapCore
import Testing

/// Classification storage (life situation and stage per record), the same on every backend.
@Suite struct ClassificationContractTests {
    private func sample(_ store: any FeedbackStore) async throws {
        _ = try await store.ingest(
            identity("a"),
            rows: feed([
                try record("1", text: "Очередь в садик не движется"), try record("2", text: "Протечка крыши"),
                try record("3", region: "41", quarter: "2026Q3", text: "тест"),
            ])
        )
    }

    @Test(arguments: StoreBackend.runnable)
    func classificationsRoundTripWithTheRecord(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await sample(store)
            let pending = try await store.unclassifiedRecords(configDigest: "A", region: nil, quarter: nil)
            #expect(pending.map(\.record.sourceRecordID) == ["1", "2", "3"])
            #expect(Set(pending.map(\.id)).count == 3)
            let results = [
                classification("kindergarten"), classification("housing", stage: "result"), classification(nil),
            ]
            try await store.saveClassifications(
                zip(pending, results).map { ClassifiedRecord($0, classification: $1, configDigest: "A") }
            )
            let back = try await store.classifiedRecords(region: nil, quarter: nil)
            #expect(back.map(\.classification) == results)
            #expect(back.map(\.id) == pending.map(\.id))
            #expect(back.map(\.fingerprint) == pending.map(\.fingerprint))
            #expect(back.map(\.record) == pending.map(\.record))
            #expect(back.allSatisfy { $0.configDigest == "A" })
            #expect(try await store.unclassifiedRecords(configDigest: "A", region: nil, quarter: nil).isEmpty)
            #expect(try await store.classifiedRecords(region: "41", quarter: nil).map(\.record.sourceRecordID) == ["3"])
            // Saving again replaces, it does not add.
            let moved = back.map { item in
                var item = item
                item.classification.stage = "appeal"
                return item
            }
            try await store.saveClassifications(moved)
            #expect(
                try await store.classifiedRecords(region: nil, quarter: nil).map(\.classification.stage) == [
                    "appeal", "appeal", "appeal",
                ]
            )
        }
    }

    @Test(arguments: StoreBackend.runnable)
    func anotherConfigurationDigestMakesEveryClassificationStale(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await sample(store)
            let pending = try await store.unclassifiedRecords(configDigest: "A", region: nil, quarter: nil)
            try await store.saveClassifications(
                pending.map { ClassifiedRecord($0, classification: classification(nil), configDigest: "A") }
            )
            #expect(try await store.unclassifiedRecords(configDigest: "B", region: nil, quarter: nil).count == 3)
            #expect(try await store.unclassifiedRecords(configDigest: "B", region: "54", quarter: nil).count == 2)
            let q3 = try #require(Quarter("2026Q3"))
            #expect(try await store.unclassifiedRecords(configDigest: "B", region: nil, quarter: q3).count == 1)
        }
    }

    @Test(arguments: StoreBackend.runnable)
    func aLaterExportThatChangesARecordMakesItsClassificationStaleButKeepsItsID(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await sample(store)
            let pending = try await store.unclassifiedRecords(configDigest: "A", region: nil, quarter: nil)
            try await store.saveClassifications(
                pending.map { ClassifiedRecord($0, classification: classification("kindergarten"), configDigest: "A") }
            )
            _ = try await store.ingest(
                identity("b"),
                rows: feed([try record("1", text: "Очередь в садик не движется", status: "Дан ответ")])
            )
            let stale = try await store.unclassifiedRecords(configDigest: "A", region: nil, quarter: nil)
            #expect(stale.map(\.record.sourceRecordID) == ["1"])
            #expect(stale.first?.id == pending.first?.id)
            #expect(stale.first?.fingerprint != pending.first?.fingerprint)
        }
    }

    @Test(arguments: StoreBackend.runnable)
    func countsCoverClassifiedStaleAndNotYetClassifiedRecords(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await sample(store)
            let pending = try await store.unclassifiedRecords(configDigest: "A", region: "54", quarter: nil)
            try await store.saveClassifications([
                ClassifiedRecord(pending[0], classification: classification("kindergarten"), configDigest: "A"),
                ClassifiedRecord(pending[1], classification: classification(nil), configDigest: "old"),
            ])
            let q2 = try #require(Quarter("2026Q2"))
            let q3 = try #require(Quarter("2026Q3"))
            let counts = try await store.classificationCounts(region: nil, quarter: nil, configDigest: "A")
            #expect(
                counts == [
                    ClassificationCount(
                        region: "41",
                        quarter: q3,
                        lifeSituation: nil,
                        stage: nil,
                        rule: nil,
                        isStale: false,
                        count: 1
                    ),
                    ClassificationCount(
                        region: "54",
                        quarter: q2,
                        lifeSituation: nil,
                        stage: "review",
                        rule: .unassigned,
                        isStale: true,
                        count: 1
                    ),
                    ClassificationCount(
                        region: "54",
                        quarter: q2,
                        lifeSituation: "kindergarten",
                        stage: "review",
                        rule: .keywords,
                        isStale: false,
                        count: 1
                    ),
                ]
            )
            #expect(try await store.classificationCounts(region: "41", quarter: nil, configDigest: "A").count == 1)
            #expect(
                try await store.classificationCounts(region: nil, quarter: q2, configDigest: "A").map(\.count) == [
                    1, 1,
                ]
            )
        }
    }

    @Test(arguments: StoreBackend.runnable)
    func aSituationWithRuleNoneIsRefusedByTheSchema(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await sample(store)
            let pending = try await store.unclassifiedRecords(configDigest: "A", region: nil, quarter: nil)
            var contradictory = classification(nil)
            contradictory.lifeSituation = "housing"
            await expectStoreFailure(.storeConstraint) {
                try await store.saveClassifications([
                    ClassifiedRecord(pending[1], classification: classification("housing"), configDigest: "A"),
                    ClassifiedRecord(pending[0], classification: contradictory, configDigest: "A"),
                ])
            }
            // All or nothing: the valid row of the refused batch is not saved either.
            #expect(try await store.classifiedRecords(region: nil, quarter: nil).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.runnable)
    func aClassificationOfAnUnknownRecordIsRefused(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let unknown = StoredRecord(id: RecordID(rawValue: 999), fingerprint: 1, record: try record("9", text: "x"))
            await expectStoreFailure(.storeConstraint) {
                try await store.saveClassifications([
                    ClassifiedRecord(unknown, classification: classification(nil), configDigest: "A")
                ])
            }
        }
    }
}
