#if PostgreSQL
    import Foundation
    public import PainmapCore
    import PostgresNIO

    /// The last classification run's digest, in `classification_model` (migration `v11_classification_model`), as in
    /// the SQLite store.
    extension PostgresFeedbackStore: ClassificationModelStore {
        public func saveClassificationModel(_ model: ClassificationModelState) async throws {
            var sql = SQLBuilder()
            sql.append(
                """
                INSERT INTO classification_model (id, config_digest, rules, records, saved_at)
                VALUES (1, \(sql.bind(model.configDigest)), \(sql.bind(model.rules)), \(sql.bind(model.records)), now())
                ON CONFLICT (id) DO UPDATE SET config_digest = excluded.config_digest, rules = excluded.rules,
                    records = excluded.records, saved_at = excluded.saved_at
                """
            )
            _ = try await rows(sql, action: "сохранить сведения об обученной модели классификации")
        }

        public func currentClassificationDigest(rules: String) async throws -> String? {
            // One statement, so the three counts come from one snapshot even while another process ingests.
            var sql = SQLBuilder()
            sql.append(
                """
                SELECT m.config_digest, m.records,
                    (SELECT COUNT(*) FROM feedback_record) AS stored,
                    (SELECT COUNT(*) FROM record_classification c JOIN feedback_record f ON f.id = c.record_id
                        WHERE c.config_digest = m.config_digest AND c.record_digest = f.content_digest) AS current
                FROM classification_model m WHERE m.id = 1 AND m.rules = \(sql.bind(rules))
                """
            )
            guard let row = try await rows(sql, action: "проверить, классифицированы ли все записи").first else {
                return nil
            }
            do {
                let records = try row["records"].decode(Int.self)
                guard try row["stored"].decode(Int.self) == records, try row["current"].decode(Int.self) == records
                else { return nil }
                return try row["config_digest"].decode(String.self)
            } catch {
                throw mapped(error, action: "проверить, классифицированы ли все записи")
            }
        }
    }
#endif
