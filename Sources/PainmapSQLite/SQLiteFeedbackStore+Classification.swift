import Foundation
import GRDB
public import PainmapCore

/// Life situation and stage per record, in `record_classification` (migration `v2_classification`).
///
/// A row is keyed by the record's row id (`feedback_record.id`), which survives later exports of the same record
/// because those update the row in place. The row remembers the record's `content_digest` and the configuration
/// digest it was made with; either changing makes it stale, and ``unclassifiedRecords(configDigest:region:quarter:)``
/// returns the record again.
extension SQLiteFeedbackStore {
    public func storedRecords(region: String?, quarter: Quarter?) async throws -> [StoredRecord] {
        let slice = Self.sliceFilter(region: region, quarter: quarter, table: "f")
        return try await read("прочитать записи") { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT f.* FROM feedback_record f \(slice.sql.isEmpty ? "" : "WHERE " + slice.sql) ORDER BY f.source, f.received_at, f.natural_key",
                arguments: slice.arguments
            ).compactMap(Self.storedRecord)
        }
    }

    public func unclassifiedRecords(configDigest: String, region: String?, quarter: Quarter?) async throws
        -> [StoredRecord]
    {
        let slice = Self.sliceFilter(region: region, quarter: quarter, table: "f")
        let arguments = StatementArguments([configDigest]) + slice.arguments
        return try await read("прочитать неклассифицированные записи") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT f.* FROM feedback_record f LEFT JOIN record_classification c ON c.record_id = f.id
                    WHERE (c.record_id IS NULL OR c.config_digest <> ? OR c.record_digest <> f.content_digest)
                    \(slice.sql.isEmpty ? "" : "AND " + slice.sql)
                    ORDER BY f.source, f.received_at, f.natural_key
                    """,
                arguments: arguments
            ).compactMap(Self.storedRecord)
        }
    }

    public func saveClassifications(_ records: [ClassifiedRecord]) async throws {
        guard !records.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        do {
            try await pool.write { db in
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO record_classification (record_id, life_situation, stage, rule, evidence, stage_rule,
                            stage_evidence, config_digest, record_digest, classified_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (record_id) DO UPDATE SET life_situation = excluded.life_situation,
                            stage = excluded.stage, rule = excluded.rule, evidence = excluded.evidence,
                            stage_rule = excluded.stage_rule, stage_evidence = excluded.stage_evidence,
                            config_digest = excluded.config_digest, record_digest = excluded.record_digest,
                            classified_at = excluded.classified_at
                        """
                )
                for item in records {
                    let c = item.classification
                    try statement.execute(arguments: [
                        item.id.rawValue, c.lifeSituation, c.stage, c.rule.rawValue, c.evidence, c.stageRule.rawValue,
                        c.stageEvidence, item.configDigest, Int64(bitPattern: item.fingerprint), now,
                    ])
                }
            }
        } catch {
            throw LocatedFailure(sqlite: error, action: "сохранить классификацию записей")
        }
    }

    public func classifiedRecords(region: String?, quarter: Quarter?) async throws -> [ClassifiedRecord] {
        let slice = Self.sliceFilter(region: region, quarter: quarter, table: "f")
        return try await read("прочитать классификацию записей") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT f.*, c.life_situation, c.stage, c.rule, c.evidence, c.stage_rule, c.stage_evidence,
                        c.config_digest, c.record_digest
                    FROM feedback_record f JOIN record_classification c ON c.record_id = f.id
                    \(slice.sql.isEmpty ? "" : "WHERE " + slice.sql)
                    ORDER BY f.source, f.received_at, f.natural_key
                    """,
                arguments: slice.arguments
            ).compactMap { row -> ClassifiedRecord? in
                guard let stored = Self.storedRecord(row), let rule = ClassificationRule(rawValue: row["rule"]),
                    let stageRule = StageRule(rawValue: row["stage_rule"])
                else { return nil }
                let classification = RecordClassification(
                    lifeSituation: row["life_situation"],
                    stage: row["stage"],
                    rule: rule,
                    evidence: row["evidence"],
                    stageRule: stageRule,
                    stageEvidence: row["stage_evidence"]
                )
                return ClassifiedRecord(
                    id: stored.id,
                    fingerprint: UInt64(bitPattern: row["record_digest"] as Int64),
                    record: stored.record,
                    classification: classification,
                    configDigest: row["config_digest"]
                )
            }
        }
    }

    public func classificationCounts(region: String?, quarter: Quarter?, configDigest: String) async throws
        -> [ClassificationCount]
    {
        let slice = Self.sliceFilter(region: region, quarter: quarter, table: "f")
        let arguments = StatementArguments([configDigest]) + slice.arguments
        return try await read("подсчитать классификацию записей") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT f.region, f.quarter, c.life_situation, c.stage, c.rule,
                        (c.record_id IS NOT NULL AND (c.config_digest <> ? OR c.record_digest <> f.content_digest)) AS stale,
                        COUNT(*) AS n
                    FROM feedback_record f LEFT JOIN record_classification c ON c.record_id = f.id
                    \(slice.sql.isEmpty ? "" : "WHERE " + slice.sql)
                    GROUP BY f.region, f.quarter, c.life_situation, c.stage, c.rule, stale
                    ORDER BY f.region, f.quarter, c.life_situation, c.stage, c.rule, stale
                    """,
                arguments: arguments
            ).compactMap { row -> ClassificationCount? in
                guard let quarter = Quarter(row["quarter"] as String) else { return nil }
                return ClassificationCount(
                    region: row["region"],
                    quarter: quarter,
                    lifeSituation: row["life_situation"],
                    stage: row["stage"],
                    rule: (row["rule"] as String?).flatMap(ClassificationRule.init(rawValue:)),
                    isStale: row["stale"],
                    count: row["n"]
                )
            }
        }
    }

    /// Reads through GRDB's async API (on a reader's own thread, never the cooperative pool), wrapping failures.
    func read<T: Sendable>(_ action: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw LocatedFailure(sqlite: error, action: action)
        }
    }

    static func sliceFilter(region: String?, quarter: Quarter?, table: String) -> (
        sql: String, arguments: StatementArguments
    ) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let region {
            conditions.append("\(table).region = ?")
            arguments += [region]
        }
        if let quarter {
            conditions.append("\(table).quarter = ?")
            arguments += [quarter.description]
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    static func storedRecord(_ row: Row) -> StoredRecord? {
        guard let record = RecordColumns.record(row) else { return nil }
        return StoredRecord(
            id: RecordID(rawValue: row["id"]),
            fingerprint: UInt64(bitPattern: row["content_digest"] as Int64),
            record: record
        )
    }
}
