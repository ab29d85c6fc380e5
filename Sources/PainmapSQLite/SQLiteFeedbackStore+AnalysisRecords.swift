import Foundation
import GRDB
public import PainmapCore

/// The lean read behind region analysis (`painmap run`): the columns analysis reads, by position, through a cursor.
extension SQLiteFeedbackStore: AnalysisRecordStore {
    public func analysisRecords(region: String, quarter: Quarter) async throws -> AnalysisRecords {
        let sql = """
            SELECT f.id, f.source, f.source_record_id, f.received_at, f.answered_at, f.deadline_at, f.organization,
                f.text, f.ratings, c.life_situation, c.stage, c.rule, c.stage_rule, c.config_digest, c.record_digest
            FROM feedback_record f JOIN record_classification c ON c.record_id = f.id
            WHERE f.region = ? AND f.quarter = ?
            ORDER BY f.source, f.received_at, f.natural_key
            """
        let arguments: StatementArguments = [region, quarter.description]
        return try await read("прочитать записи для анализа") { db in
            var records = AnalysisRecords(region: region, quarter: quarter)
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                guard let source = SourceKind(rawValue: row[1]), let rule = ClassificationRule(rawValue: row[11]),
                    let stageRule = StageRule(rawValue: row[12])
                else { continue }
                let ratings: String = row[8] ?? ""
                records.append(
                    id: RecordID(rawValue: row[0]),
                    fingerprint: UInt64(bitPattern: row[14] as Int64),
                    source: source,
                    sourceRecordID: row[2],
                    receivedAt: row[3],
                    answeredAt: row[4],
                    deadlineAt: row[5],
                    organization: row[6],
                    text: row[7],
                    ratings: ratings.isEmpty ? [] : FeedbackRecordColumns.decode(ratings),
                    lifeSituation: row[9],
                    stage: row[10],
                    rule: rule,
                    stageRule: stageRule,
                    configDigest: row[13]
                )
            }
            return records
        }
    }
}
