import GRDB
public import PainmapCore

extension SQLiteFeedbackStore {
    public func redactedIdentifiers(region: String?, quarter: Quarter?) async throws -> [RedactedIdentifier] {
        let slice = Self.sliceFilter(region: region, quarter: quarter, table: "r")
        let filter = slice.sql.isEmpty ? "" : "WHERE " + slice.sql
        do {
            return try await pool.read { db in
                // A cursor, not fetchAll: the rows are not all held twice (as rows and as identifiers).
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT i.record_id, r.region, r.quarter, i.type, i.normalized FROM redacted_identifier i
                        JOIN feedback_record r ON r.id = i.record_id \(filter) ORDER BY i.record_id, i.id
                        """,
                    arguments: slice.arguments
                )
                var identifiers: [RedactedIdentifier] = []
                while let row = try rows.next() {
                    guard let quarter = Quarter(row[2] as String), let type = PersonalDataType(rawValue: row[3])
                    else { continue }
                    identifiers.append(
                        RedactedIdentifier(
                            recordID: RecordID(rawValue: row[0]),
                            region: row[1],
                            quarter: quarter,
                            type: type,
                            normalized: row[4]
                        )
                    )
                }
                return identifiers
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
