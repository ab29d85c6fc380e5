public import Foundation
import GRDB
public import PainmapCore

/// The embedded store: one SQLite file in WAL mode, on GRDB and the system libsqlite3.
///
/// Settings follow RELIABILITY.md §6.2 and are read back at open: busy timeout first, WAL (refused if
/// the file system cannot do it), `synchronous = FULL`, foreign keys on. Each input file is ingested
/// in one `BEGIN IMMEDIATE` transaction together with its ledger row, so a crash leaves all or nothing.
public struct SQLiteFeedbackStore: FeedbackStore {
    let pool: DatabasePool
    /// The database file.
    public let url: URL

    /// Opens (creating if needed) the store at `url` and migrates it.
    /// - Throws: ``LocatedFailure`` when the file cannot be opened or WAL mode is unavailable.
    public init(url: URL) throws {
        self.url = url
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            if db.configuration.readonly {
                // Readers (up to five) scan a region's rows once and the OS caches the file: 8 MiB each. At 64 MiB
                // each kept its high-water mark for the rest of a federal run (issue 17).
                try db.execute(sql: "PRAGMA cache_size = -8192")
            } else {
                // 64 MiB page cache: a file is one transaction, and with the default 2 MiB the unique-key
                // index of a million-row ingest no longer fits and every insert starts paging.
                try db.execute(sql: "PRAGMA cache_size = -65536")
            }
        }
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            pool = try DatabasePool(path: url.path, configuration: configuration)
            try pool.write { db in
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
                guard mode.lowercased() == "wal" else {
                    throw LocatedFailure.store(
                        .storeIO,
                        message:
                            "SQLite не включил режим WAL (\(mode)); хранилище на сетевом диске? Укажите --store на локальном диске"
                    )
                }
                let foreignKeys = try Int.fetchOne(db, sql: "PRAGMA foreign_keys") ?? 0
                guard foreignKeys == 1 else {
                    throw LocatedFailure.store(.storeInternal, message: "SQLite не включил foreign_keys")
                }
            }
            try SQLiteMigrations.migrator.migrate(pool)
        } catch {
            throw LocatedFailure(sqlite: error, action: "открыть хранилище \(url.path)")
        }
    }

    /// `nil`: one process writes a SQLite file at a time (under the run lock), so there is nothing to claim.
    public var regionCoordinator: (any RegionRunCoordinator)? { nil }

    /// Reads back the connection settings, for tests and `painmap status`.
    public func pragmas() throws -> [String: String] {
        try pool.read { db in
            var result: [String: String] = [:]
            for name in ["journal_mode", "synchronous", "foreign_keys", "busy_timeout"] {
                result[name] = try String.fetchOne(db, sql: "PRAGMA \(name)")
            }
            return result
        }
    }

    /// Runs `PRAGMA integrity_check` and returns its first line (`ok` when healthy).
    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    /// Checkpoints the WAL into the main file (end of a run).
    public func checkpoint() throws {
        try pool.writeWithoutTransaction { db in
            _ = try db.checkpoint(.truncate)
            try db.execute(sql: "PRAGMA optimize")
        }
    }

    public func ingestedFile(digest: String) async throws -> IngestedFile? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM ingested_file WHERE digest = ?", arguments: [digest]).map(
                SQLiteFeedbackStore.ledger
            )
        }
    }

    /// Ingests one file in one `BEGIN IMMEDIATE` transaction on GRDB's writer thread, which pulls the file's batches
    /// with a blocking ``IngestRows/nextBlocking()``: the cooperative pool, where the rows are read and redacted,
    /// never waits for SQLite, and SQLite never waits on the pool.
    public func ingest(_ file: IngestFileIdentity, rows: IngestRows) async throws -> IngestedFile {
        do {
            return try await pool.writeWithoutTransaction { db in
                var result: IngestedFile?
                try db.inTransaction(.immediate) {
                    if let digest = file.digest {
                        // A file another run finished meanwhile is not read again: its ledger entry is the answer.
                        if let done = try SQLiteFeedbackStore.doneFile(db, digest: digest) {
                            result = done
                            return .commit
                        }
                        try SQLiteFeedbackStore.forgetRejection(db, digest: digest)
                    }
                    // A file hashed while it is read holds a provisional digest until its last row.
                    try db.execute(
                        sql:
                            "INSERT INTO ingested_file (digest, path, feed, source, outcome, ingested_at) VALUES (?, ?, ?, ?, 'done', ?)",
                        arguments: [
                            file.digest ?? IngestFileIdentity.provisionalDigest(), file.path, file.feed,
                            file.source.rawValue, Date().timeIntervalSince1970,
                        ]
                    )
                    let fileID = db.lastInsertedRowID
                    let writer = try SQLiteRecordWriter(db: db, fileID: fileID)
                    while let batch = try rows.nextBlocking() {
                        for outcome in batch {
                            switch outcome {
                            case .record(let record, let line): try writer.store(record, line: line)
                            case .quarantined(let row): try writer.quarantine(row)
                            }
                        }
                    }
                    let summary = try rows.requireSummary(path: file.path)
                    let tally = writer.tally
                    try tally.requireBalanced(path: file.path)
                    let digest = try file.recordedDigest(after: summary)
                    if file.digest == nil {
                        // The same bytes were ingested under another name (or by another run meanwhile): store
                        // nothing of this file, answer with that entry.
                        if let done = try SQLiteFeedbackStore.doneFile(db, digest: digest) {
                            result = done
                            return .rollback
                        }
                        try SQLiteFeedbackStore.forgetRejection(db, digest: digest)
                    }
                    try db.execute(
                        sql: """
                            UPDATE ingested_file SET digest = ?, encoding = ?, rows_read = ?, rows_stored = ?,
                            rows_updated = ?, rows_quarantined = ?, rows_duplicate = ? WHERE id = ?
                            """,
                        arguments: [
                            digest, summary.encoding, tally.read, tally.stored, tally.updated, tally.quarantined,
                            tally.duplicate, fileID,
                        ]
                    )
                    result = try Row.fetchOne(db, sql: "SELECT * FROM ingested_file WHERE id = ?", arguments: [fileID])
                        .map(SQLiteFeedbackStore.ledger)
                    FaultPoint.hit("ingest.before-commit")
                    return .commit
                }
                FaultPoint.hit("ingest.committed")
                guard let result else {
                    throw LocatedFailure.store(
                        .storeInternal,
                        message: "запись журнала файла не найдена после фиксации"
                    )
                }
                return result
            }
        } catch let error as any PainmapFailure {
            throw error
        } catch let error as DatabaseError {
            throw LocatedFailure(sqlite: error, action: "записать файл \(file.path)")
        }
    }

    /// The ledger entry of a file ingested in full with `digest`, if any.
    private static func doneFile(_ db: Database, digest: String) throws -> IngestedFile? {
        try Row.fetchOne(
            db,
            sql: "SELECT * FROM ingested_file WHERE digest = ? AND outcome = 'done'",
            arguments: [digest]
        ).map(SQLiteFeedbackStore.ledger)
    }

    /// Deletes an earlier rejection of `digest`, which the file's new entry replaces.
    private static func forgetRejection(_ db: Database, digest: String) throws {
        try db.execute(sql: "DELETE FROM ingested_file WHERE digest = ? AND outcome = 'rejected'", arguments: [digest])
    }

    public func recordRejection(_ file: IngestFileIdentity, error: LocatedFailure) async throws {
        let digest = try file.recordedDigest(after: FileReadSummary(encoding: ""))
        do {
            try await pool.write { db in
                try SQLiteFeedbackStore.forgetRejection(db, digest: digest)
                try db.execute(
                    sql: """
                        INSERT INTO ingested_file (digest, path, feed, source, outcome, rejection_reason, rejection_message, ingested_at)
                        VALUES (?, ?, ?, ?, 'rejected', ?, ?, ?)
                        """,
                    arguments: [
                        digest, file.path, file.feed, file.source.rawValue,
                        error.code.ingestReason?.rawValue ?? error.code.rawValue,
                        error.description, Date().timeIntervalSince1970,
                    ]
                )
            }
        } catch {
            throw LocatedFailure(sqlite: error, action: "записать отказ по файлу \(file.path)")
        }
    }

    public func status() async throws -> StoreStatus {
        try await pool.read { db in
            var bySource: [SourceKind: FileAccounting] = Dictionary(
                uniqueKeysWithValues: SourceKind.allCases.map { ($0, FileAccounting()) }
            )
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT source, SUM(rows_read) AS r, SUM(rows_stored) AS s, SUM(rows_updated) AS u,
                    SUM(rows_quarantined) AS q, SUM(rows_duplicate) AS d FROM ingested_file WHERE outcome = 'done' GROUP BY source
                    """
            )
            for row in rows {
                guard let kind = SourceKind(rawValue: row["source"]) else { continue }
                bySource[kind] = FileAccounting(
                    read: row["r"],
                    stored: row["s"],
                    updated: row["u"],
                    quarantined: row["q"],
                    duplicate: row["d"]
                )
            }
            let totals = bySource.values.reduce(FileAccounting(), +)
            let counts = try Row.fetchAll(
                db,
                sql:
                    "SELECT region, quarter, source, COUNT(*) AS n FROM feedback_record GROUP BY region, quarter, source ORDER BY region, quarter, source"
            ).compactMap { row -> RegionQuarterCount? in
                guard let quarter = Quarter(row["quarter"] as String), let source = SourceKind(rawValue: row["source"])
                else { return nil }
                return RegionQuarterCount(region: row["region"], quarter: quarter, source: source, count: row["n"])
            }
            var reasons: [QuarantineReason: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT reason, COUNT(*) AS n FROM quarantined_row GROUP BY reason") {
                if let reason = QuarantineReason(rawValue: row["reason"]) { reasons[reason] = row["n"] }
            }
            let done = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ingested_file WHERE outcome = 'done'") ?? 0
            let rejected =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ingested_file WHERE outcome = 'rejected'") ?? 0
            return StoreStatus(
                totals: totals,
                bySource: bySource,
                records: counts,
                quarantineByReason: reasons,
                filesDone: done,
                filesRejected: rejected
            )
        }
    }

    public func quarantinedRows(reason: QuarantineReason?) async throws -> [QuarantineEntry] {
        try await pool.read { db in
            var entries = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.path, f.source, q.line, q.column_name, q.reason, q.message FROM quarantined_row q
                    JOIN ingested_file f ON f.id = q.file_id \(reason == nil ? "" : "WHERE q.reason = ?")
                    ORDER BY f.id, q.line, q.id
                    """,
                arguments: reason.map { [$0.rawValue] } ?? []
            ).compactMap { row -> QuarantineEntry? in
                guard let source = SourceKind(rawValue: row["source"]),
                    let code = QuarantineReason(rawValue: row["reason"])
                else { return nil }
                return QuarantineEntry(
                    file: row["path"],
                    source: source,
                    line: row["line"],
                    column: row["column_name"],
                    reason: code,
                    message: row["message"]
                )
            }
            let rejected = try Row.fetchAll(
                db,
                sql:
                    "SELECT path, source, rejection_reason, rejection_message FROM ingested_file WHERE outcome = 'rejected' \(reason == nil ? "" : "AND rejection_reason = ?") ORDER BY id",
                arguments: reason.map { [$0.rawValue] } ?? []
            ).compactMap { row -> QuarantineEntry? in
                guard let source = SourceKind(rawValue: row["source"]),
                    let code = QuarantineReason(rawValue: row["rejection_reason"])
                else { return nil }
                return QuarantineEntry(
                    file: row["path"],
                    source: source,
                    line: 0,
                    column: nil,
                    reason: code,
                    message: row["rejection_message"] ?? ""
                )
            }
            entries.append(contentsOf: rejected)
            return entries
        }
    }

    public func ingestedFiles() async throws -> [IngestedFile] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM ingested_file ORDER BY id").map(SQLiteFeedbackStore.ledger)
        }
    }

    public func records(region: String?, quarter: Quarter?) async throws -> [FeedbackRecord] {
        let slice = Self.sliceFilter(region: region, quarter: quarter, table: "feedback_record")
        return try await pool.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT * FROM feedback_record \(slice.sql.isEmpty ? "" : "WHERE " + slice.sql) ORDER BY source, received_at, natural_key",
                arguments: slice.arguments
            ).compactMap(RecordColumns.record)
        }
    }

    static func ledger(_ row: Row) -> IngestedFile {
        IngestedFile(
            digest: row["digest"],
            path: row["path"],
            feed: row["feed"],
            source: SourceKind(rawValue: row["source"]) ?? .pos,
            outcome: IngestedFile.Outcome(rawValue: row["outcome"]) ?? .rejected,
            encoding: row["encoding"],
            accounting: FileAccounting(
                read: row["rows_read"],
                stored: row["rows_stored"],
                updated: row["rows_updated"],
                quarantined: row["rows_quarantined"],
                duplicate: row["rows_duplicate"]
            ),
            rejectionReason: (row["rejection_reason"] as String?).flatMap(QuarantineReason.init(rawValue:)),
            rejectionMessage: row["rejection_message"],
            ingestedAt: Date(timeIntervalSince1970: row["ingested_at"])
        )
    }
}
