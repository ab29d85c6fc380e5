import Foundation
import GRDB
public import PainmapCore

/// The last classification run's digest, in `classification_model` (migration `v11_classification_model`).
extension SQLiteFeedbackStore: ClassificationModelStore {
    public func saveClassificationModel(_ model: ClassificationModelState) async throws {
        let now = Date().timeIntervalSince1970
        do {
            try await pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO classification_model (id, config_digest, rules, records, saved_at)
                        VALUES (1, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET config_digest = excluded.config_digest,
                            rules = excluded.rules, records = excluded.records, saved_at = excluded.saved_at
                        """,
                    arguments: [model.configDigest, model.rules, model.records, now]
                )
            }
        } catch {
            throw LocatedFailure(sqlite: error, action: "сохранить сведения об обученной модели классификации")
        }
    }

    public func currentClassificationDigest(rules: String) async throws -> String? {
        try await read("проверить, классифицированы ли все записи") { db in
            guard
                let saved = try Row.fetchOne(
                    db,
                    sql: "SELECT config_digest, records FROM classification_model WHERE id = 1 AND rules = ?",
                    arguments: [rules]
                )
            else { return nil }
            let digest: String = saved[0]
            let records: Int = saved[1]
            let stored = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback_record") ?? 0
            guard stored == records else { return nil }
            // One primary-key lookup per classification: the records classified under the digest from their current
            // content. Equal to the store's records, it is every record.
            let current =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM record_classification c JOIN feedback_record f ON f.id = c.record_id
                        WHERE c.config_digest = ? AND c.record_digest = f.content_digest
                        """,
                    arguments: [digest]
                ) ?? 0
            return current == records ? digest : nil
        }
    }
}
