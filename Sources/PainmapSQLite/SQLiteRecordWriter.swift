import Foundation
import GRDB
import GRDBSQLite
import PainmapCore

/// Writes one file's rows inside its open transaction, on the writer's thread, and keeps the file's row accounting.
///
/// Inserts and updates bind a record's values straight onto GRDB's prepared statements with the SQLite
/// C API: building GRDB `StatementArguments` boxed every value and cost more than SQLite's own work.
final class SQLiteRecordWriter {
    private let db: Database
    private let fileID: Int64
    private let insert: Statement
    private let lookup: Statement
    private let update: Statement
    private let quarantineInsert: Statement
    private let identifierInsert: Statement
    private let deleteIdentifiers: Statement
    private let originalInsert: Statement
    private let deleteOriginal: Statement
    private(set) var tally = FileAccounting()

    init(db: Database, fileID: Int64) throws {
        self.db = db
        self.fileID = fileID
        insert = try db.cachedStatement(sql: RecordColumns.insertSQL)
        lookup = try db.cachedStatement(
            sql: "SELECT id, content_digest FROM feedback_record WHERE source = ? AND natural_key = ?"
        )
        identifierInsert = try db.cachedStatement(
            sql: "INSERT INTO redacted_identifier (record_id, type, normalized) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
        )
        deleteIdentifiers = try db.cachedStatement(sql: "DELETE FROM redacted_identifier WHERE record_id = ?")
        originalInsert = try db.cachedStatement(
            sql: "INSERT INTO record_original (record_id, text, answer_text) VALUES (?, ?, ?)"
        )
        deleteOriginal = try db.cachedStatement(sql: "DELETE FROM record_original WHERE record_id = ?")
        update = try db.cachedStatement(sql: RecordColumns.updateSQL)
        quarantineInsert = try db.cachedStatement(
            sql:
                "INSERT INTO quarantined_row (file_id, line, column_name, reason, message, raw) VALUES (?, ?, ?, ?, ?, ?)"
        )
    }

    /// Stores the redacted record under its original key and fingerprint, with its identifiers and originals.
    func store(_ redacted: RedactedRecord, line: Int) throws {
        FaultPoint.hit("ingest.row")
        tally.read += 1
        let record = redacted.record
        let key = redacted.naturalKey
        let digest = Int64(bitPattern: redacted.fingerprint)
        if try insertNew(record, key: key, digest: digest, line: line) {
            tally.stored += 1
            try saveRedaction(redacted, recordID: sqlite3_last_insert_rowid(db.sqliteConnection), replacing: false)
            return
        }
        // The key exists: the same record again (duplicate) or a later export of it (update).
        guard let existing = try Row.fetchOne(lookup, arguments: [record.source.rawValue, key]) else {
            throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "record vanished inside the file's transaction")
        }
        if existing["content_digest"] == digest {
            tally.duplicate += 1
        } else {
            _ = try run(update, record, key: key, digest: digest, line: line)
            try saveRedaction(redacted, recordID: existing["id"], replacing: true)
            tally.stored += 1
            tally.updated += 1
        }
    }

    /// Writes a record's identifiers and originals; an update replaces what the earlier export left.
    private func saveRedaction(_ redacted: RedactedRecord, recordID: Int64, replacing: Bool) throws {
        if replacing {
            try deleteIdentifiers.execute(arguments: [recordID])
            try deleteOriginal.execute(arguments: [recordID])
        }
        for identifier in redacted.identifiers {
            try identifierInsert.execute(arguments: [recordID, identifier.type.rawValue, identifier.normalized])
        }
        if let originals = redacted.originals {
            try originalInsert.execute(arguments: [recordID, originals.text, originals.answerText])
        }
    }

    func quarantine(_ row: QuarantinedRow) throws {
        FaultPoint.hit("ingest.row")
        tally.read += 1
        tally.quarantined += 1
        try quarantineInsert.execute(arguments: [
            fileID, row.line, row.column, row.reason.rawValue, row.message, Data(row.raw),
        ])
    }

    /// Inserts a new record; returns `false` when its key already exists (`ON CONFLICT DO NOTHING`).
    private func insertNew(_ record: FeedbackRecord, key: String, digest: Int64, line: Int) throws -> Bool {
        try run(insert, record, key: key, digest: digest, line: line)
    }

    /// Binds a record onto `prepared` and steps it once; returns whether a row changed.
    private func run(_ prepared: Statement, _ record: FeedbackRecord, key: String, digest: Int64, line: Int) throws
        -> Bool
    {
        let statement = prepared.sqliteStatement
        var binder = Binder(statement: statement)
        FeedbackRecordColumns.write(record, key: key, digest: digest, fileID: fileID, line: line, into: &binder)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(db.sqliteConnection))
            )
        }
        return sqlite3_changes(db.sqliteConnection) > 0
    }
}

/// Binds values to consecutive parameters of a prepared statement.
struct Binder {
    let statement: OpaquePointer
    private var index: Int32 = 0
    /// SQLite copies the bytes before the call returns (SQLITE_TRANSIENT).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(statement: OpaquePointer) { self.statement = statement }

    mutating func bind(_ text: String?) {
        index += 1
        guard var text else {
            sqlite3_bind_null(statement, index)
            return
        }
        text.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    sqlite3_bind_text(statement, index, base, Int32(chars.count), Binder.transient)
                } else {
                    sqlite3_bind_text(statement, index, "", 0, Binder.transient)
                }
            }
        }
    }

    mutating func bind(_ value: Int64?) {
        index += 1
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    mutating func bind(_ value: Double?) {
        index += 1
        if let value { sqlite3_bind_double(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }
}
