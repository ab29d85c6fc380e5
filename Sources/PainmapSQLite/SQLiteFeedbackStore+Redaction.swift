import GRDB
public import PainmapCore

extension SQLiteFeedbackStore {
    public func redactedIdentifiers(region: String?, quarter: Quarter?) async throws -> [RedactedIdentifier] {
        let slice = Self.sliceFilter(region: region, quarter: quarter, table: "r")
        let filter = slice.sql.isEmpty ? "" : "WHERE " + slice.sql
        do {
            return try await pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT i.record_id, r.region, r.quarter, i.type, i.normalized FROM redacted_identifier i
                        JOIN feedback_record r ON r.id = i.record_id \(filter) ORDER BY i.record_id, i.id
                        """,
                    arguments: slice.arguments
                ).compactMap { row -> RedactedIdentifier? in
                    guard let quarter = Quarter(row["quarter"] as String),
                        let type = PersonalDataType(rawValue: row["type"])
                    else { return nil }
                    return RedactedIdentifier(
                        recordID: RecordID(rawValue: row["record_id"]),
                        region: row["region"],
                        quarter: quarter,
                        type: type,
                        normalized: row["normalized"]
                    )
                }
            }
        } catch {
            throw LocatedFailure(sqlite: error, action: "прочитать удалённые персональные данные")
        }
    }

    /// The original texts kept with `keep_originals: true`, by record id; for audits only, never for analysis.
    public func originalTexts() throws -> [RecordID: OriginalTexts] {
        do {
            return try pool.read { db in
                var result: [RecordID: OriginalTexts] = [:]
                for row in try Row.fetchAll(
                    db,
                    sql: "SELECT record_id, text, answer_text FROM record_original ORDER BY record_id"
                ) {
                    result[RecordID(rawValue: row["record_id"])] = OriginalTexts(
                        text: row["text"],
                        answerText: row["answer_text"]
                    )
                }
                return result
            }
        } catch {
            throw LocatedFailure(sqlite: error, action: "прочитать исходные тексты")
        }
    }
}
