#if PostgreSQL
    public import Foundation
    public import PainmapCore
    import PostgresNIO

    /// Retention (issue 15): personal data kept beside redacted records is deleted once it is older than allowed.
    extension PostgresFeedbackStore {
        public func purgePersonalData(receivedBefore cutoff: Date) async throws -> PurgeReport {
            let seconds = cutoff.timeIntervalSince1970
            let logger = self.logger
            return try await transaction(action: "удалить устаревшие персональные данные") { connection in
                let identifiers =
                    try await connection.query(
                        "WITH gone AS (DELETE FROM redacted_identifier WHERE record_id IN (SELECT id FROM feedback_record WHERE received_at < \(seconds)) RETURNING 1) SELECT count(*) FROM gone",
                        logger: logger
                    ).collect().first?.decode(Int64.self) ?? 0
                let originals =
                    try await connection.query(
                        "WITH gone AS (DELETE FROM record_original WHERE record_id IN (SELECT id FROM feedback_record WHERE received_at < \(seconds)) RETURNING 1) SELECT count(*) FROM gone",
                        logger: logger
                    ).collect().first?.decode(Int64.self) ?? 0
                return PurgeReport(cutoff: cutoff, identifiers: Int(identifiers), originals: Int(originals))
            }
        }
    }
#endif
