#if PostgreSQL
    import Foundation
    public import PainmapCore
    import PostgresNIO

    /// What redaction removed at ingest (migration `v3_redaction`): identifiers per record for the report gate and, only
    /// with `keep_originals: true`, the original texts in a table analysis and reports never read.
    extension PostgresFeedbackStore {
        public func redactedIdentifiers(region: String?, quarter: Quarter?) async throws -> [RedactedIdentifier] {
            var sql = SQLBuilder(
                "SELECT i.record_id, r.region, r.quarter, i.type, i.normalized FROM redacted_identifier i JOIN feedback_record r ON r.id = i.record_id"
            )
            let conditions = sql.sliceConditions(region: region, quarter: quarter, table: "r")
            if !conditions.isEmpty { sql.append(" WHERE " + conditions.joined(separator: " AND ")) }
            sql.append(" ORDER BY i.record_id, i.id")
            return try await rows(sql, action: "прочитать удалённые персональные данные").compactMap {
                row -> RedactedIdentifier? in
                guard let quarter = Quarter(try row["quarter"].decode(String.self)),
                    let type = PersonalDataType(rawValue: try row["type"].decode(String.self))
                else { return nil }
                return RedactedIdentifier(
                    recordID: RecordID(rawValue: try row["record_id"].decode(Int64.self)),
                    region: try row["region"].decode(String.self),
                    quarter: quarter,
                    type: type,
                    normalized: try row["normalized"].decode(String.self)
                )
            }
        }

        /// The original texts kept with `keep_originals: true`, by record id; for audits only, never for analysis.
        public func originalTexts() async throws -> [RecordID: OriginalTexts] {
            var result: [RecordID: OriginalTexts] = [:]
            for row in try await rows(
                SQLBuilder("SELECT record_id, text, answer_text FROM record_original ORDER BY record_id"),
                action: "прочитать исходные тексты"
            ) {
                result[RecordID(rawValue: try row["record_id"].decode(Int64.self))] = OriginalTexts(
                    text: try row["text"].decode(String.self),
                    answerText: try row["answer_text"].decode(String?.self)
                )
            }
            return result
        }
    }
#endif
