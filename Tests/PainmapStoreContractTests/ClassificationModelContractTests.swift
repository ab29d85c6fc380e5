import Foundation
import PainmapCore
import Testing

/// The remembered classification model (`v11_classification_model`): current only while every record of the store is
/// classified under the saved digest from its current content, the same on every backend.
@Suite struct ClassificationModelContractTests {
    @Test(arguments: StoreBackend.runnable)
    func theSavedDigestIsCurrentOnlyWhileEveryRecordIsClassifiedUnderIt(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let models = try #require(store as? any ClassificationModelStore, "\(backend) remembers no model")
            #expect(try await models.currentClassificationDigest(rules: "rules-1") == nil)
            _ = try await store.ingest(
                identity("a"),
                rows: feed([try record("1", text: "Очередь в садик не движется"), try record("2", text: "Протечка")])
            )
            let pending = try await store.unclassifiedRecords(configDigest: "A", region: nil, quarter: nil)
            try await store.saveClassifications(
                pending.map { ClassifiedRecord($0, classification: classification("kindergarten"), configDigest: "A") }
            )
            try await models.saveClassificationModel(
                ClassificationModelState(configDigest: "A", rules: "rules-1", records: 2)
            )
            #expect(try await models.currentClassificationDigest(rules: "rules-1") == "A")
            // Other rules or model version: train.
            #expect(try await models.currentClassificationDigest(rules: "rules-2") == nil)

            // A new record the training did not read: train.
            _ = try await store.ingest(identity("b"), rows: feed([try record("3", text: "Нет мест в саду")]))
            #expect(try await models.currentClassificationDigest(rules: "rules-1") == nil)
            let added = try await store.unclassifiedRecords(configDigest: "A", region: nil, quarter: nil)
            try await store.saveClassifications(
                added.map { ClassifiedRecord($0, classification: classification(nil), configDigest: "A") }
            )
            try await models.saveClassificationModel(
                ClassificationModelState(configDigest: "A", rules: "rules-1", records: 3)
            )
            #expect(try await models.currentClassificationDigest(rules: "rules-1") == "A")

            // A later export that changes a record's content makes its classification stale: train.
            _ = try await store.ingest(
                identity("c"),
                rows: feed([try record("1", text: "Очередь в садик не движется", status: "Дан ответ")])
            )
            #expect(try await models.currentClassificationDigest(rules: "rules-1") == nil)

            // Saving again replaces the one row.
            let stale = try await store.unclassifiedRecords(configDigest: "B", region: nil, quarter: nil)
            try await store.saveClassifications(
                stale.map { ClassifiedRecord($0, classification: classification(nil), configDigest: "B") }
            )
            try await models.saveClassificationModel(
                ClassificationModelState(configDigest: "B", rules: "rules-3", records: 3)
            )
            #expect(try await models.currentClassificationDigest(rules: "rules-3") == "B")
            #expect(try await models.currentClassificationDigest(rules: "rules-1") == nil)
        }
    }
}
