import Foundation
import GRDB
import PainmapCore

/// Writes one file's rows inside its open transaction and keeps the file's row accounting.
final class SQLiteRecordSink: RecordSink {
    private let db: Database
    private let fileID: Int64
    private let insert: Statement
    private let lookup: Statement
    private let update: Statement
    private let quarantineInsert: Statement
    private(set) var tally = FileAccounting()

    init(db: Database, fileID: Int64) throws {
        self.db = db
        self.fileID = fileID
        insert = try db.cachedStatement(sql: RecordColumns.insertSQL)
        lookup = try db.cachedStatement(sql: "SELECT content_digest FROM feedback_record WHERE source = ? AND natural_key = ?")
        update = try db.cachedStatement(sql: RecordColumns.updateSQL)
        quarantineInsert = try db.cachedStatement(
            sql: "INSERT INTO quarantined_row (file_id, line, column_name, reason, message, raw) VALUES (?, ?, ?, ?, ?, ?)")
    }

    func accept(_ record: FeedbackRecord, line: Int) throws {
        tally.read += 1
        let key = record.naturalKey
        let digest = Int64(bitPattern: record.contentFingerprint)
        let values = RecordColumns.values(record, key: key, digest: digest, fileID: fileID, line: line)
        try insert.execute(arguments: StatementArguments(values))
        if db.changesCount > 0 {
            tally.stored += 1
            return
        }
        // The key exists: the same record again (duplicate) or a later export of it (update).
        let existing = try Int64.fetchOne(lookup, arguments: [record.source.rawValue, key])
        if existing == digest {
            tally.duplicate += 1
        } else {
            try update.execute(arguments: StatementArguments(Array(values.dropFirst(2)) + [record.source.rawValue, key]))
            tally.stored += 1
            tally.updated += 1
        }
    }

    func quarantine(_ row: QuarantinedRow) throws {
        tally.read += 1
        tally.quarantined += 1
        try quarantineInsert.execute(arguments: [fileID, row.line, row.column, row.reason.rawValue, row.message, Data(row.raw)])
    }
}
