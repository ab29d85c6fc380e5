import Foundation
import GRDB
public import PainmapCore

/// Pains a run found, in `pain` (migration `v4_pains`): one row per pain of a region, quarter and life situation.
///
/// A run replaces a whole region-quarter at once, so a one-region rerun touches only that region's rows. The centroid
/// is stored as JSON with sorted keys, so the same pains give the same bytes.
extension SQLiteFeedbackStore {
    public func replacePains(region: String, quarter: Quarter, with pains: [StoredPain]) async throws {
        if let stray = pains.first(where: { $0.region != region || $0.quarter != quarter }) {
            throw LocatedFailure.store(
                .storeInvalidWrite,
                message:
                    "боль \(stray.id) относится к \(stray.region)/\(stray.quarter), а заменяются боли \(region)/\(quarter)"
            )
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            try await pool.write { db in
                try db.execute(
                    sql: "DELETE FROM pain WHERE region = ? AND quarter = ?",
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
}
