import Foundation
import GRDB
public import PainmapCore

/// The lean read behind `painmap classify`: eleven columns by position through a cursor, instead of every column by
/// name, so that reading is not the largest part of classifying.
extension SQLiteFeedbackStore: ClassificationInputStore {
    public func classificationInputs(region: String, quarter: Quarter, staleFor configDigest: String?) async throws
        -> [StoredRecord]
    {
        let columns = """
            f.id, f.content_digest, f.source, f.text, f.category_raw, f.subcategory_raw, f.category_code, f.service_id,
            f.service_name, f.life_situation_hint, f.ratings
            """
        let sql: String
        var arguments: StatementArguments = []
        if let configDigest {
            sql = """
                SELECT \(columns) FROM feedback_record f LEFT JOIN record_classification c ON c.record_id = f.id
                WHERE f.region = ? AND f.quarter = ?
                    AND (c.record_id IS NULL OR c.config_digest <> ? OR c.record_digest <> f.content_digest)
                ORDER BY f.id
                """
            arguments = [region, quarter.description, configDigest]
        } else {
            sql = "SELECT \(columns) FROM feedback_record f WHERE f.region = ? AND f.quarter = ? ORDER BY f.id"
            arguments = [region, quarter.description]
        }
        let epoch = Date(timeIntervalSince1970: 0)
        return try await read("прочитать записи для классификации") { [sql, arguments] db in
            var records: [StoredRecord] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                guard let source = SourceKind(rawValue: row[2]) else { continue }
                var record = FeedbackRecord(
                    source: source,
                    feed: "",
                    receivedAt: epoch,
                    region: region,
                    regionRaw: "",
                    regionCodeSystem: .okato,
                    quarter: quarter,
                    text: row[3]
                )
                record.categoryRaw = row[4]
                record.subcategoryRaw = row[5]
                record.categoryCode = row[6]
                record.serviceID = row[7]
                record.serviceName = row[8]
                record.lifeSituationHint = row[9]
                let ratings: String = row[10]
                if !ratings.isEmpty { record.ratings = FeedbackRecordColumns.decode(ratings) }
                records.append(
                    StoredRecord(
                        id: RecordID(rawValue: row[0]),
                        fingerprint: UInt64(bitPattern: row[1] as Int64),
                        record: record
                    )
                )
            }
            return records
        }
    }
}
