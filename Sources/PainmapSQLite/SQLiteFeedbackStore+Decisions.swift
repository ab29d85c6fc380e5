import Foundation
import GRDB
public import PainmapCore

/// Analysts' decisions (migration `v8_review_decisions`): `pain_decision` holds each pain's current state,
/// `decision_audit` every decision ever applied (append-only), `record_decision` record corrections.
///
/// A batch runs in one write transaction (SQLite serialises writers), so a version check and the write it guards
/// cannot interleave with another analyst's.
extension SQLiteFeedbackStore: DecisionStore {
    public func applyDecisions(_ batch: DecisionBatch) async throws -> [DecisionAuditEntry] {
        try applyDecisionsSync(batch)
    }

    private func applyDecisionsSync(_ batch: DecisionBatch) throws -> [DecisionAuditEntry] {
        do {
            return try pool.write { db in try Self.apply(batch, in: db) }
        } catch {
            throw LocatedFailure(sqlite: error, action: "сохранить решение")
        }
    }

    public func painDecisions(region: String?, quarter: Quarter?) async throws -> [PainDecision] {
        let slice = Self.sliceFilter(region: region, quarter: quarter, table: "d")
        return try await read("прочитать решения") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.* FROM pain_decision d \(slice.sql.isEmpty ? "" : "WHERE " + slice.sql)
                    ORDER BY d.region, d.quarter, d.pain_id
                    """,
                arguments: slice.arguments
            ).compactMap(Self.painDecision)
        }
    }

    public func recordDecisions(region: String?, quarter: Quarter?) async throws -> [RecordDecision] {
        let slice = Self.sliceFilter(region: region, quarter: quarter, table: "r")
        return try await read("прочитать переносы записей") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.* FROM record_decision r \(slice.sql.isEmpty ? "" : "WHERE " + slice.sql)
                    ORDER BY r.record_id
                    """,
                arguments: slice.arguments
            ).compactMap { row -> RecordDecision? in
                guard let quarter = Quarter(row["quarter"] as String) else { return nil }
                return RecordDecision(
                    recordID: RecordID(rawValue: row["record_id"]),
                    region: row["region"],
                    quarter: quarter,
                    painID: row["pain_id"],
                    movesSituation: row["moves_situation"],
                    lifeSituation: row["life_situation"],
                    actor: row["actor"],
                    at: row["at"]
                )
            }
        }
    }

    public func decisionLog(region: String?, quarter: Quarter?, painID: String?) async throws
        -> [DecisionAuditEntry]
    {
        var slice = Self.sliceFilter(region: region, quarter: quarter, table: "a")
        if let painID {
            slice.sql += (slice.sql.isEmpty ? "" : " AND ") + "a.pain_id = ?"
            slice.arguments += [painID]
        }
        let filter = slice
        return try await read("прочитать журнал решений") { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT a.* FROM decision_audit a \(filter.sql.isEmpty ? "" : "WHERE " + filter.sql) ORDER BY a.id",
                arguments: filter.arguments
            ).compactMap(Self.auditEntry)
        }
    }

    private static func apply(_ batch: DecisionBatch, in db: Database) throws -> [DecisionAuditEntry] {
        var entries: [DecisionAuditEntry] = []
        for change in batch.changes {
            let key = change.state.key
            let arguments: StatementArguments = [key.region, key.quarter.description, key.painID]
            let current =
                try Row.fetchOne(
                    db,
                    sql: "SELECT * FROM pain_decision WHERE region = ? AND quarter = ? AND pain_id = ?",
                    arguments: arguments
                ).flatMap(painDecision) ?? PainDecision(key: key)
            try change.requireCurrent(version: current.version)
            var next = change.state
            next.version = current.version + 1
            next.updatedBy = batch.actor
            next.updatedAt = batch.at
            try db.execute(
                sql: """
                    INSERT INTO pain_decision (region, quarter, pain_id, version, is_junk, junk_reason, title, status,
                        responsible_body, solution, due_date, merged_into, split_from, updated_by, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (region, quarter, pain_id) DO UPDATE SET version = excluded.version,
                        is_junk = excluded.is_junk, junk_reason = excluded.junk_reason, title = excluded.title,
                        status = excluded.status, responsible_body = excluded.responsible_body,
                        solution = excluded.solution, due_date = excluded.due_date, merged_into = excluded.merged_into,
                        split_from = excluded.split_from, updated_by = excluded.updated_by,
                        updated_at = excluded.updated_at
                    """,
                arguments: [
                    key.region, key.quarter.description, key.painID, next.version, next.isJunk, next.junkReason,
                    next.title, next.status.rawValue, next.responsibleBody, next.solution, next.dueDate,
                    next.mergedInto, next.splitFrom, next.updatedBy, next.updatedAt,
                ]
            )
            let before = current.fields
            let after = change.auditAfter ?? next.fields
            try db.execute(
                sql: """
                    INSERT INTO decision_audit (region, quarter, pain_id, version, kind, actor, at, before, after)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    key.region, key.quarter.description, key.painID, next.version, change.kind.rawValue, batch.actor,
                    batch.at, DecisionFieldsCoding.encode(before), DecisionFieldsCoding.encode(after),
                ]
            )
            entries.append(
                batch.auditEntry(
                    id: db.lastInsertedRowID,
                    of: change,
                    version: next.version,
                    before: before,
                    after: after
                )
            )
        }
        for record in batch.records {
            try db.execute(
                sql: """
                    INSERT INTO record_decision (record_id, region, quarter, pain_id, moves_situation, life_situation,
                        actor, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (record_id) DO UPDATE SET region = excluded.region, quarter = excluded.quarter,
                        pain_id = excluded.pain_id, moves_situation = excluded.moves_situation,
                        life_situation = excluded.life_situation, actor = excluded.actor, at = excluded.at
                    """,
                arguments: [
                    record.recordID.rawValue, record.region, record.quarter.description, record.painID,
                    record.movesSituation, record.lifeSituation, record.actor, record.at,
                ]
            )
        }
        return entries
    }

    public func saveAnalysisSnapshot(region: String, quarter: Quarter, body: String) async throws {
        try saveAnalysisSnapshotSync(region: region, quarter: quarter, body: body)
    }

    public func analysisSnapshot(region: String, quarter: Quarter) async throws -> String? {
        try await read("прочитать сохранённый анализ") { db in
            try String.fetchOne(
                db,
                sql: "SELECT body FROM analysis_snapshot WHERE region = ? AND quarter = ?",
                arguments: [region, quarter.description]
            )
        }
    }

    private func saveAnalysisSnapshotSync(region: String, quarter: Quarter, body: String) throws {
        do {
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO analysis_snapshot (region, quarter, body) VALUES (?, ?, ?)
                        ON CONFLICT (region, quarter) DO UPDATE SET body = excluded.body
                        """,
                    arguments: [region, quarter.description, body]
                )
            }
        } catch {
            throw LocatedFailure(sqlite: error, action: "сохранить анализ \(region)/\(quarter)")
        }
    }

    private static func painDecision(_ row: Row) -> PainDecision? {
        guard let quarter = Quarter(row["quarter"] as String),
            let status = ReviewStatus(rawValue: row["status"] as String)
        else { return nil }
        var decision = PainDecision(key: PainKey(region: row["region"], quarter: quarter, painID: row["pain_id"]))
        decision.version = row["version"]
        decision.isJunk = row["is_junk"]
        decision.junkReason = row["junk_reason"]
        decision.title = row["title"]
        decision.status = status
        decision.responsibleBody = row["responsible_body"]
        decision.solution = row["solution"]
        decision.dueDate = row["due_date"]
        decision.mergedInto = row["merged_into"]
        decision.splitFrom = row["split_from"]
        decision.updatedBy = row["updated_by"]
        decision.updatedAt = row["updated_at"]
        return decision
    }

    private static func auditEntry(_ row: Row) -> DecisionAuditEntry? {
        guard let quarter = Quarter(row["quarter"] as String),
            let kind = DecisionKind(rawValue: row["kind"] as String)
        else { return nil }
        return DecisionAuditEntry(
            id: row["id"],
            key: PainKey(region: row["region"], quarter: quarter, painID: row["pain_id"]),
            version: row["version"],
            kind: kind,
            actor: row["actor"],
            at: row["at"],
            before: DecisionFieldsCoding.decode(row["before"]),
            after: DecisionFieldsCoding.decode(row["after"])
        )
    }
}
