public import Foundation
import GRDB
public import PainmapCore

/// Retention (issue 15): personal data kept beside redacted records is deleted once it is older than allowed.
extension SQLiteFeedbackStore {
    public func purgePersonalData(receivedBefore cutoff: Date) async throws -> PurgeReport {
        let seconds = cutoff.timeIntervalSince1970
        do {
            return try await pool.write { db in
                let old = "SELECT id FROM feedback_record WHERE received_at < ?"
                try db.execute(sql: "DELETE FROM redacted_identifier WHERE record_id IN (\(old))", arguments: [seconds])
                let identifiers = db.changesCount
                try db.execute(sql: "DELETE FROM record_original WHERE record_id IN (\(old))", arguments: [seconds])
                return PurgeReport(cutoff: cutoff, identifiers: identifiers, originals: db.changesCount)
            }
        } catch {
            throw LocatedFailure(sqlite: error, action: "удалить устаревшие персональные данные")
        }
    }
}
