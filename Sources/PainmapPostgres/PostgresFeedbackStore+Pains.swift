#if PostgreSQL
    import Foundation
    public import PainmapCore
    import PostgresNIO

    /// Pains per region, quarter and life situation, in `pain` (migration `v4_pains`), and their records in
    /// `pain_member` (`v10_pain_members`). Replacing one region-quarter deletes through the primary keys'
    /// (region, quarter) prefix, so a one-region rerun touches only its rows; pains and members change in one
    /// transaction.
    extension PostgresFeedbackStore {
        /// Member ids sent in one `INSERT … SELECT … unnest` (one array parameter).
        static let memberBatch = 10_000

        public func replacePains(
            region: String,
            quarter: Quarter,
            with pains: [StoredPain],
            members: [PainMembers]
        ) async throws {
            try StoredPain.requireSlice(pains, region: region, quarter: quarter)
            try PainMembers.requirePains(members, in: pains)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let centroids = try pains.map { String(decoding: try encoder.encode($0.centroid), as: UTF8.self) }
            let logger = self.logger
            _ = try await transaction(action: "сохранить боли \(region)/\(quarter)") { connection in
                try await connection.query(
                    "DELETE FROM pain WHERE region = \(region) AND quarter = \(quarter.description)",
                    logger: logger
                )
                try await connection.query(
                    "DELETE FROM pain_member WHERE region = \(region) AND quarter = \(quarter.description)",
                    logger: logger
                )
                for start in stride(from: 0, to: pains.count, by: 2_000) {
                    var sql = SQLBuilder(
                        "INSERT INTO pain (region, quarter, life_situation, pain_id, rank, title, stage, count, priority, is_signal, status, previous_count, centroid) VALUES"
                    )
                    for index in start..<min(start + 2_000, pains.count) {
                        let pain = pains[index]
                        let values = [
                            sql.bind(region), sql.bind(quarter.description), sql.bind(pain.lifeSituation),
                            sql.bind(pain.id),
                            sql.bind(Int64(pain.rank)), sql.bind(pain.title), sql.bind(pain.stage),
                            sql.bind(Int64(pain.count)),
                            sql.bind(pain.priority), sql.bind(pain.isSignal), sql.bind(pain.status),
                            sql.bind(Int64(pain.previousCount)),
                            sql.bind(centroids[index]) + "::jsonb",
                        ]
                        sql.append((index == start ? " (" : ", (") + values.joined(separator: ", ") + ")")
                    }
                    try await connection.query(sql.query, logger: logger)
                }
                // Each pain's ids as one bigint[] per batch, numbered by the server from the batch's first position.
                for list in members {
                    for start in stride(from: 0, to: list.records.count, by: Self.memberBatch) {
                        let ids = list.records[start..<min(start + Self.memberBatch, list.records.count)].map(
                            \.rawValue
                        )
                        var sql = SQLBuilder(
                            "INSERT INTO pain_member (region, quarter, life_situation, pain_id, position, record_id) "
                        )
                        sql.append(
                            "SELECT \(sql.bind(region)), \(sql.bind(quarter.description)), \(sql.bind(list.lifeSituation)), "
                                + "\(sql.bind(list.painID)), m.position + \(sql.bind(Int64(start))), m.id "
                                + "FROM unnest(\(sql.bind(ids))::bigint[]) WITH ORDINALITY AS m(id, position)"
                        )
                        try await connection.query(sql.query, logger: logger)
                    }
                }
                return true
            }
        }

        public func pains(region: String?, quarter: Quarter?) async throws -> [StoredPain] {
            var sql = SQLBuilder(
                "SELECT p.region, p.quarter, p.life_situation, p.pain_id, p.rank, p.title, p.stage, p.count, p.priority, p.is_signal, p.status, p.previous_count, p.centroid::text AS centroid FROM pain p"
            )
            let conditions = sql.sliceConditions(region: region, quarter: quarter, table: "p")
            if !conditions.isEmpty { sql.append(" WHERE " + conditions.joined(separator: " AND ")) }
            sql.append(" ORDER BY p.region, p.quarter, p.life_situation, p.rank, p.pain_id")
            let decoder = JSONDecoder()
            return try await rows(sql, action: "прочитать боли").compactMap { row -> StoredPain? in
                guard let quarter = Quarter(try row["quarter"].decode(String.self)),
                    let centroid = try? decoder.decode(
                        [String: Float].self,
                        from: Data(try row["centroid"].decode(String.self).utf8)
                    )
                else { return nil }
                return StoredPain(
                    region: try row["region"].decode(String.self),
                    quarter: quarter,
                    lifeSituation: try row["life_situation"].decode(String.self),
                    id: try row["pain_id"].decode(String.self),
                    rank: try row["rank"].decode(Int.self),
                    title: try row["title"].decode(String.self),
                    stage: try row["stage"].decode(String.self),
                    count: try row["count"].decode(Int.self),
                    priority: try row["priority"].decode(Double.self),
                    isSignal: try row["is_signal"].decode(Bool.self),
                    status: try row["status"].decode(String.self),
                    previousCount: try row["previous_count"].decode(Int.self),
                    centroid: centroid
                )
            }
        }

        public func painMembers(of pain: PainReference, offset: Int, limit: Int) async throws -> PainMemberPage {
            let action = "прочитать записи боли \(pain.lifeSituation)/\(pain.painID)"
            func keyed(_ sql: inout SQLBuilder) {
                sql.append(
                    " WHERE m.region = \(sql.bind(pain.region)) AND m.quarter = \(sql.bind(pain.quarter.description))"
                        + " AND m.life_situation = \(sql.bind(pain.lifeSituation))"
                        + " AND m.pain_id = \(sql.bind(pain.painID))"
                )
            }
            var count = SQLBuilder("SELECT count(*) AS total FROM pain_member m")
            keyed(&count)
            let total = try await rows(count, action: action).first.map { try $0["total"].decode(Int.self) } ?? 0
            guard total > 0, limit > 0 else { return PainMemberPage(total: total, records: []) }
            // A range of the primary key; a record gone from the store (none is deleted today) is left out.
            var sql = SQLBuilder(
                "SELECT \(PostgresRecordColumns.selectList("f")) FROM pain_member m JOIN feedback_record f ON f.id = m.record_id"
            )
            keyed(&sql)
            sql.append(
                " AND m.position > \(sql.bind(Int64(max(0, offset)))) ORDER BY m.position LIMIT \(sql.bind(Int64(limit)))"
            )
            let records = try await rows(sql, action: action).compactMap(PostgresRecordColumns.storedRecord)
            return PainMemberPage(total: total, records: records)
        }
    }
#endif
