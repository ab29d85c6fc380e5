#if PostgreSQL
    import Foundation
    public import PainmapCore
    import PostgresNIO

    /// Analysts' decisions (migration `v8_review_decisions`), with SQLite's semantics: one transaction per batch; each
    /// pain's row is created at version 0 if missing and then locked (`FOR UPDATE`), so concurrent analysts serialise
    /// per pain and a version check cannot interleave with another write.
    extension PostgresFeedbackStore: DecisionStore {
        public func applyDecisions(_ batch: DecisionBatch) async throws -> [DecisionAuditEntry] {
            let logger = self.logger
            return try await transaction(action: "сохранить решение") { connection in
                var entries: [DecisionAuditEntry] = []
                for change in batch.changes {
                    let key = change.state.key
                    let quarter = key.quarter.description
                    try await connection.query(
                        """
                        INSERT INTO pain_decision (region, quarter, pain_id, version, status)
                        VALUES (\(key.region), \(quarter), \(key.painID), 0, 'new') ON CONFLICT DO NOTHING
                        """,
                        logger: logger
                    )
                    var current = PainDecision(key: key)
                    for try await row in try await connection.query(
                        """
                        SELECT * FROM pain_decision
                        WHERE region = \(key.region) AND quarter = \(quarter) AND pain_id = \(key.painID) FOR UPDATE
                        """,
                        logger: logger
                    ) {
                        current = try Self.painDecision(row.makeRandomAccess()) ?? current
                    }
                    try change.requireCurrent(version: current.version)
                    var next = change.state
                    next.version = current.version + 1
                    next.updatedBy = batch.actor
                    next.updatedAt = batch.at
                    try await connection.query(
                        """
                        UPDATE pain_decision SET version = \(next.version), is_junk = \(next.isJunk),
                            junk_reason = \(next.junkReason), title = \(next.title), status = \(next.status.rawValue),
                            responsible_body = \(next.responsibleBody), solution = \(next.solution),
                            due_date = \(next.dueDate), merged_into = \(next.mergedInto),
                            split_from = \(next.splitFrom), updated_by = \(next.updatedBy),
                            updated_at = \(next.updatedAt)
                        WHERE region = \(key.region) AND quarter = \(quarter) AND pain_id = \(key.painID)
                        """,
                        logger: logger
                    )
                    let before = current.fields
                    let after = change.auditAfter ?? next.fields
                    let beforeText = DecisionFieldsCoding.encode(before)
                    let afterText = DecisionFieldsCoding.encode(after)
                    var id: Int64 = 0
                    for try await row in try await connection.query(
                        """
                        INSERT INTO decision_audit (region, quarter, pain_id, version, kind, actor, at, before, after)
                        VALUES (\(key.region), \(quarter), \(key.painID), \(next.version), \(change.kind.rawValue),
                            \(batch.actor), \(batch.at), \(beforeText), \(afterText))
                        RETURNING id
                        """,
                        logger: logger
                    ) {
                        id = try row.decode(Int64.self)
                    }
                    entries.append(
                        batch.auditEntry(id: id, of: change, version: next.version, before: before, after: after)
                    )
                }
                for record in batch.records {
                    try await connection.query(
                        """
                        INSERT INTO record_decision (record_id, region, quarter, pain_id, moves_situation,
                            life_situation, actor, at)
                        VALUES (\(record.recordID.rawValue), \(record.region), \(record.quarter.description),
                            \(record.painID), \(record.movesSituation), \(record.lifeSituation), \(record.actor),
                            \(record.at))
                        ON CONFLICT (record_id) DO UPDATE SET region = excluded.region, quarter = excluded.quarter,
                            pain_id = excluded.pain_id, moves_situation = excluded.moves_situation,
                            life_situation = excluded.life_situation, actor = excluded.actor, at = excluded.at
                        """,
                        logger: logger
                    )
                }
                return entries
            }
        }

        public func painDecisions(region: String?, quarter: Quarter?) async throws -> [PainDecision] {
            var sql = SQLBuilder("SELECT * FROM pain_decision d WHERE d.version > 0")
            for condition in sql.sliceConditions(region: region, quarter: quarter, table: "d") {
                sql.append(" AND " + condition)
            }
            sql.append(" ORDER BY d.region, d.quarter, d.pain_id")
            return try await rows(sql, action: "прочитать решения").compactMap(Self.painDecision)
        }

        public func recordDecisions(region: String?, quarter: Quarter?) async throws -> [RecordDecision] {
            var sql = SQLBuilder("SELECT * FROM record_decision r")
            let conditions = sql.sliceConditions(region: region, quarter: quarter, table: "r")
            if !conditions.isEmpty { sql.append(" WHERE " + conditions.joined(separator: " AND ")) }
            sql.append(" ORDER BY r.record_id")
            return try await rows(sql, action: "прочитать переносы записей").compactMap { row -> RecordDecision? in
                guard let quarter = Quarter(try row["quarter"].decode(String.self)) else { return nil }
                return RecordDecision(
                    recordID: RecordID(rawValue: try row["record_id"].decode(Int64.self)),
                    region: try row["region"].decode(String.self),
                    quarter: quarter,
                    painID: try row["pain_id"].decode(String?.self),
                    movesSituation: try row["moves_situation"].decode(Bool.self),
                    lifeSituation: try row["life_situation"].decode(String?.self),
                    actor: try row["actor"].decode(String.self),
                    at: try row["at"].decode(String.self)
                )
            }
        }

        public func decisionLog(region: String?, quarter: Quarter?, painID: String?) async throws
            -> [DecisionAuditEntry]
        {
            var sql = SQLBuilder("SELECT * FROM decision_audit a")
            var conditions = sql.sliceConditions(region: region, quarter: quarter, table: "a")
            if let painID { conditions.append("a.pain_id = \(sql.bind(painID))") }
            if !conditions.isEmpty { sql.append(" WHERE " + conditions.joined(separator: " AND ")) }
            sql.append(" ORDER BY a.id")
            return try await rows(sql, action: "прочитать журнал решений").compactMap {
                row -> DecisionAuditEntry? in
                guard let quarter = Quarter(try row["quarter"].decode(String.self)),
                    let kind = DecisionKind(rawValue: try row["kind"].decode(String.self))
                else { return nil }
                return DecisionAuditEntry(
                    id: try row["id"].decode(Int64.self),
                    key: PainKey(
                        region: try row["region"].decode(String.self),
                        quarter: quarter,
                        painID: try row["pain_id"].decode(String.self)
                    ),
                    version: try row["version"].decode(Int.self),
                    kind: kind,
                    actor: try row["actor"].decode(String.self),
                    at: try row["at"].decode(String.self),
                    before: DecisionFieldsCoding.decode(try row["before"].decode(String.self)),
                    after: DecisionFieldsCoding.decode(try row["after"].decode(String.self))
                )
            }
        }

        public func saveAnalysisSnapshot(region: String, quarter: Quarter, body: String) async throws {
            let logger = self.logger
            _ = try await transaction(action: "сохранить анализ \(region)/\(quarter)") { connection in
                try await connection.query(
                    """
                    INSERT INTO analysis_snapshot (region, quarter, body) VALUES (\(region), \(quarter.description), \(body))
                    ON CONFLICT (region, quarter) DO UPDATE SET body = excluded.body
                    """,
                    logger: logger
                )
                return true
            }
        }

        public func analysisSnapshot(region: String, quarter: Quarter) async throws -> String? {
            var sql = SQLBuilder()
            sql.append(
                "SELECT body FROM analysis_snapshot WHERE region = \(sql.bind(region)) AND quarter = \(sql.bind(quarter.description))"
            )
            return try await rows(sql, action: "прочитать сохранённый анализ").first.map {
                try $0["body"].decode(String.self)
            }
        }

        private static func painDecision(_ row: PostgresRandomAccessRow) throws -> PainDecision? {
            guard let quarter = Quarter(try row["quarter"].decode(String.self)),
                let status = ReviewStatus(rawValue: try row["status"].decode(String.self))
            else { return nil }
            var decision = PainDecision(
                key: PainKey(
                    region: try row["region"].decode(String.self),
                    quarter: quarter,
                    painID: try row["pain_id"].decode(String.self)
                )
            )
            decision.version = try row["version"].decode(Int.self)
            decision.isJunk = try row["is_junk"].decode(Bool.self)
            decision.junkReason = try row["junk_reason"].decode(String?.self)
            decision.title = try row["title"].decode(String?.self)
            decision.status = status
            decision.responsibleBody = try row["responsible_body"].decode(String?.self)
            decision.solution = try row["solution"].decode(String?.self)
            decision.dueDate = try row["due_date"].decode(String?.self)
            decision.mergedInto = try row["merged_into"].decode(String?.self)
            decision.splitFrom = try row["split_from"].decode(String?.self)
            decision.updatedBy = try row["updated_by"].decode(String?.self)
            decision.updatedAt = try row["updated_at"].decode(String?.self)
            return decision
        }
    }
#endif
