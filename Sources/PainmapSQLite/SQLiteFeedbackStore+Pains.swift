import Foundation
import GRDB
public import PainmapCore

/// Pains a run found, in `pain` (migration `v4_pains`): one row per pain of a region, quarter and life situation; and
/// their records, in `pain_member` (`v10_pain_members`): one row per record of a pain, by its listed position.
///
/// A run replaces a whole region-quarter at once, so a one-region rerun touches only that region's rows; pains and
/// members change in the same transaction. The centroid is stored as JSON with sorted keys, so the same pains give the
/// same bytes.
extension SQLiteFeedbackStore {
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
        do {
            try await pool.write { db in
                try db.execute(
                    sql: "DELETE FROM pain WHERE region = ? AND quarter = ?",
                    arguments: [region, quarter.description]
                )
                try db.execute(
                    sql: "DELETE FROM pain_member WHERE region = ? AND quarter = ?",
                    arguments: [region, quarter.description]
                )
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO pain (region, quarter, life_situation, pain_id, rank, title, stage, count, priority,
                            is_signal, status, previous_count, centroid)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """
                )
                for pain in pains {
                    let centroid = String(decoding: try encoder.encode(pain.centroid), as: UTF8.self)
                    try statement.execute(arguments: [
                        region, quarter.description, pain.lifeSituation, pain.id, pain.rank, pain.title, pain.stage,
                        pain.count, pain.priority, pain.isSignal, pain.status, pain.previousCount, centroid,
                    ])
                }
                // One prepared statement, one row at a time: no copy of the member lists is made.
                let member = try db.cachedStatement(
                    sql: """
                        INSERT INTO pain_member (region, quarter, life_situation, pain_id, position, record_id)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """
                )
                for list in members {
                    for (offset, record) in list.records.enumerated() {
                        try member.execute(arguments: [
                            region, quarter.description, list.lifeSituation, list.painID, offset + 1, record.rawValue,
                        ])
                    }
                }
            }
        } catch {
            throw LocatedFailure(sqlite: error, action: "сохранить боли \(region)/\(quarter)")
        }
    }

    public func pains(region: String?, quarter: Quarter?) async throws -> [StoredPain] {
        let slice = Self.sliceFilter(region: region, quarter: quarter, table: "p")
        let decoder = JSONDecoder()
        return try await read("прочитать боли") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.* FROM pain p \(slice.sql.isEmpty ? "" : "WHERE " + slice.sql)
                    ORDER BY p.region, p.quarter, p.life_situation, p.rank, p.pain_id
                    """,
                arguments: slice.arguments
            ).compactMap { row -> StoredPain? in
                guard let quarter = Quarter(row["quarter"] as String),
                    let centroid = try? decoder.decode(
                        [String: Float].self,
                        from: Data((row["centroid"] as String).utf8)
                    )
                else { return nil }
                return StoredPain(
                    region: row["region"],
                    quarter: quarter,
                    lifeSituation: row["life_situation"],
                    id: row["pain_id"],
                    rank: row["rank"],
                    title: row["title"],
                    stage: row["stage"],
                    count: row["count"],
                    priority: row["priority"],
                    isSignal: row["is_signal"],
                    status: row["status"],
                    previousCount: row["previous_count"],
                    centroid: centroid
                )
            }
        }
    }

    public func painMembers(of pain: PainReference, offset: Int, limit: Int) async throws -> PainMemberPage {
        try await read("прочитать записи боли \(pain.lifeSituation)/\(pain.painID)") { db in
            let key: StatementArguments = [pain.region, pain.quarter.description, pain.lifeSituation, pain.painID]
            let total =
                try Int.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT COUNT(*) FROM pain_member
                            WHERE region = ? AND quarter = ? AND life_situation = ? AND pain_id = ?
                            """
                    ),
                    arguments: key
                ) ?? 0
            guard total > 0, limit > 0 else { return PainMemberPage(total: total, records: []) }
            // A range of the primary key; a record gone from the store (none is deleted today) is left out.
            // Cached statements: a page is read again and again, and preparing one is a good part of its cost.
            let records = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT f.* FROM pain_member m JOIN feedback_record f ON f.id = m.record_id
                        WHERE m.region = ? AND m.quarter = ? AND m.life_situation = ? AND m.pain_id = ?
                            AND m.position > ?
                        ORDER BY m.position LIMIT ?
                        """
                ),
                arguments: key + [max(0, offset), limit]
            ).compactMap(Self.storedRecord)
            return PainMemberPage(total: total, records: records)
        }
    }
}
