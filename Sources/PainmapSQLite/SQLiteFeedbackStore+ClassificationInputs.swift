import Foundation
import GRDB
import GRDBSQLite
public import PainmapCore

/// The lean reads and batched writes behind `painmap classify`: eleven columns by position through a cursor instead of
/// every column by name, a slice streamed in pages along its index, and a batch of classifications saved with
/// multi-row upserts in one transaction.
extension SQLiteFeedbackStore: ClassificationInputStore {
    public func classificationInputs(
        of slice: StoreSlice,
        batchSize: Int,
        _ body: ([ClassificationInput]) async throws -> Void
    ) async throws {
        // One page per query along the slice index (region, quarter, source, rowid): `source = ? AND id > ?` is a
        // range of that index, so a page costs its own rows however large the slice is.
        let sql = """
            SELECT f.id, f.content_digest, f.text, f.category_raw, f.subcategory_raw, f.category_code, f.service_id,
                f.service_name, f.life_situation_hint, f.ratings,
                CASE WHEN c.record_digest = f.content_digest THEN c.config_digest END
            FROM feedback_record f LEFT JOIN record_classification c ON c.record_id = f.id
            WHERE f.region = ? AND f.quarter = ? AND f.source = ? AND f.id > ?
            ORDER BY f.id LIMIT ?
            """
        let limit = max(1, batchSize)
        for source in SourceKind.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
            var after: Int64 = 0
            while true {
                let arguments: StatementArguments = [
                    slice.region, slice.quarter.description, source.rawValue, after, limit,
                ]
                let page = try await read("прочитать записи для классификации") { db in
                    var inputs: [ClassificationInput] = []
                    inputs.reserveCapacity(limit)
                    let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                    while let row = try rows.next() {
                        inputs.append(
                            Self.classificationInput(row, source: source, region: slice.region, quarter: slice.quarter)
                        )
                    }
                    return inputs
                }
                guard let last = page.last else { break }
                after = last.id.rawValue
                try await body(page)
                if page.count < limit { break }
            }
        }
    }

    public func classificationInputs(
        of slice: StoreSlice,
        ids: Set<RecordID>,
        batchSize: Int,
        _ body: ([ClassificationInput]) async throws -> Void
    ) async throws {
        // Primary-key lookups, 256 ids per statement: a deferred record costs its own row, not a pass over the slice.
        let perStatement = 256
        let sorted = ids.map(\.rawValue).sorted()
        let limit = max(1, batchSize)
        var start = 0
        while start < sorted.count {
            let end = min(start + limit, sorted.count)
            let chunk = Array(sorted[start..<end])
            let page = try await read("прочитать записи для классификации") { db in
                var inputs: [ClassificationInput] = []
                inputs.reserveCapacity(chunk.count)
                var from = 0
                while from < chunk.count {
                    let to = min(from + perStatement, chunk.count)
                    let marks = Array(repeating: "?", count: to - from).joined(separator: ", ")
                    let sql = """
                        SELECT f.id, f.content_digest, f.text, f.category_raw, f.subcategory_raw, f.category_code,
                            f.service_id, f.service_name, f.life_situation_hint, f.ratings,
                            CASE WHEN c.record_digest = f.content_digest THEN c.config_digest END, f.source
                        FROM feedback_record f LEFT JOIN record_classification c ON c.record_id = f.id
                        WHERE f.id IN (\(marks)) AND f.region = ? AND f.quarter = ?
                        ORDER BY f.id
                        """
                    let arguments = StatementArguments(chunk[from..<to]) + [slice.region, slice.quarter.description]
                    let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                    while let row = try rows.next() {
                        guard let source = SourceKind(rawValue: row[11]) else { continue }
                        inputs.append(
                            Self.classificationInput(row, source: source, region: slice.region, quarter: slice.quarter)
                        )
                    }
                    from = to
                }
                return inputs
            }
            if !page.isEmpty { try await body(page) }
            start = end
        }
    }

    /// One record of the lean classification read: columns 0–10 of its queries.
    private static func classificationInput(_ row: Row, source: SourceKind, region: String, quarter: Quarter)
        -> ClassificationInput
    {
        var record = FeedbackRecord(
            source: source,
            feed: "",
            receivedAt: Date(timeIntervalSince1970: 0),
            region: region,
            regionRaw: "",
            regionCodeSystem: .okato,
            quarter: quarter,
            text: row[2]
        )
        record.categoryRaw = row[3]
        record.subcategoryRaw = row[4]
        record.categoryCode = row[5]
        record.serviceID = row[6]
        record.serviceName = row[7]
        record.lifeSituationHint = row[8]
        let ratings: String = row[9]
        if !ratings.isEmpty { record.ratings = FeedbackRecordColumns.decode(ratings) }
        return ClassificationInput(
            id: RecordID(rawValue: row[0]),
            fingerprint: UInt64(bitPattern: row[1] as Int64),
            record: record,
            classifiedUnder: row[10]
        )
    }

    public func saveClassifications(_ batch: ClassificationBatch) async throws {
        guard !batch.rows.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        do {
            try await pool.write { db in
                // Up to 64 rows per statement (640 parameters, under SQLite's limit of 32,766): one statement step
                // per 64 records instead of one per record.
                let perStatement = 64
                var start = 0
                while start < batch.rows.count {
                    let count = min(perStatement, batch.rows.count - start)
                    let prepared = try db.cachedStatement(sql: Self.upsertClassifications(rows: count))
                    let statement = prepared.sqliteStatement
                    var binder = Binder(statement: statement)
                    for row in batch.rows[start..<start + count] {
                        let c = batch.classifications[Int(row.classification)]
                        binder.bind(row.id.rawValue)
                        binder.bind(c.lifeSituation)
                        binder.bind(c.stage)
                        binder.bind(c.rule.rawValue)
                        binder.bind(c.evidence)
                        binder.bind(c.stageRule.rawValue)
                        binder.bind(c.stageEvidence)
                        binder.bind(batch.configDigest)
                        binder.bind(Int64(bitPattern: row.fingerprint))
                        binder.bind(now)
                    }
                    let code = sqlite3_step(statement)
                    sqlite3_reset(statement)
                    sqlite3_clear_bindings(statement)
                    guard code == SQLITE_DONE else {
                        throw DatabaseError(
                            resultCode: ResultCode(rawValue: code),
                            message: String(cString: sqlite3_errmsg(db.sqliteConnection))
                        )
                    }
                    start += count
                }
            }
        } catch {
            throw LocatedFailure(sqlite: error, action: "сохранить классификацию записей")
        }
    }

    /// The upsert of `rows` classifications in one statement.
    static func upsertClassifications(rows: Int) -> String {
        let values = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
        return """
            INSERT INTO record_classification (record_id, life_situation, stage, rule, evidence, stage_rule,
                stage_evidence, config_digest, record_digest, classified_at)
            VALUES \(values)
            ON CONFLICT (record_id) DO UPDATE SET life_situation = excluded.life_situation,
                stage = excluded.stage, rule = excluded.rule, evidence = excluded.evidence,
                stage_rule = excluded.stage_rule, stage_evidence = excluded.stage_evidence,
                config_digest = excluded.config_digest, record_digest = excluded.record_digest,
                classified_at = excluded.classified_at
            """
    }
}
