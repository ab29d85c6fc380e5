#if PostgreSQL
    import Foundation
    public import PainmapCore
    import PostgresNIO

    /// The lean read behind region analysis (`painmap run`): the columns analysis reads, decoded row by row as they
    /// arrive, so no result set is held beside the records.
    extension PostgresFeedbackStore: AnalysisRecordStore {
        public func analysisRecords(region: String, quarter: Quarter) async throws -> AnalysisRecords {
            var sql = SQLBuilder(
                """
                SELECT f.id, f.source, f.source_record_id, f.received_at, f.answered_at, f.deadline_at, f.organization,
                    f.text, f.ratings, c.life_situation, c.stage, c.rule, c.stage_rule, c.config_digest, c.record_digest
                FROM feedback_record f JOIN record_classification c ON c.record_id = f.id
                """
            )
            let conditions = sql.sliceConditions(region: region, quarter: quarter, table: "f")
            sql.append(" WHERE " + conditions.joined(separator: " AND "))
            sql.append(" ORDER BY f.source, f.received_at, f.natural_key")
            do {
                var records = AnalysisRecords(region: region, quarter: quarter)
                for try await row in try await client.query(sql.query, logger: logger) {
                    let random = row.makeRandomAccess()
                    guard let source = SourceKind(rawValue: try random["source"].decode(String.self)),
                        let rule = ClassificationRule(rawValue: try random["rule"].decode(String.self)),
                        let stageRule = StageRule(rawValue: try random["stage_rule"].decode(String.self))
                    else { continue }
                    let ratings = try random["ratings"].decode(String?.self) ?? ""
                    records.append(
                        id: RecordID(rawValue: try random["id"].decode(Int64.self)),
                        fingerprint: UInt64(bitPattern: try random["record_digest"].decode(Int64.self)),
                        source: source,
                        sourceRecordID: try random["source_record_id"].decode(String?.self),
                        receivedAt: try random["received_at"].decode(Double.self),
                        answeredAt: try random["answered_at"].decode(Double?.self),
                        deadlineAt: try random["deadline_at"].decode(Double?.self),
                        organization: try random["organization"].decode(String?.self),
                        text: try random["text"].decode(String.self),
                        ratings: ratings.isEmpty ? [] : FeedbackRecordColumns.decode(ratings),
                        lifeSituation: try random["life_situation"].decode(String?.self),
                        stage: try random["stage"].decode(String.self),
                        rule: rule,
                        stageRule: stageRule,
                        configDigest: try random["config_digest"].decode(String.self)
                    )
                }
                return records
            } catch {
                throw mapped(error, action: "прочитать записи для анализа")
            }
        }
    }
#endif
