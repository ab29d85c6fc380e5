#if PostgreSQL
    import Foundation
    public import Logging
    import NIOCore
    import NIOSSL
    public import PainmapCore
    import PostgresNIO

    /// The server store: the ``FeedbackStore`` contract on PostgreSQL through postgres-nio, for operators who run
    /// several regions (or hosts) against one database.
    ///
    /// Semantics match ``SQLiteFeedbackStore``'s: versioned migrations (`schema_migrations`, the same names), one
    /// transaction per input file together with its ledger row, dedup and update by (source, natural key) and content
    /// fingerprint, and the row accounting checked by the ledger's `CHECK`. Bulk rows go in with `COPY … FROM STDIN`
    /// inside the file's transaction, pulled from the file's ``IngestRows`` as the adapter reads them.
    ///
    /// Concurrent writers are safe: an ingest takes a transaction-scoped advisory lock per (schema, source), so files of
    /// different sources load in parallel and files of one source one after another, and every other write is a single
    /// transaction. Use it inside ``withStore(_:logger:_:)``, which runs the connection pool for the length of its body.
    public final class PostgresFeedbackStore: FeedbackStore {
        /// Where the store lives.
        public let address: PostgresStoreAddress
        let client: PostgresClient
        let logger: Logger

        /// Rows per round of `COPY`s.
        static let batchSize = 5_000

        private init(address: PostgresStoreAddress, client: PostgresClient, logger: Logger) {
            self.address = address
            self.client = client
            self.logger = logger
        }

        /// Regions are shared among worker processes through the store's claim table.
        public var regionCoordinator: (any RegionRunCoordinator)? { self }

        /// Opens the store, runs `body` with it and shuts the connection pool down when `body` returns or throws.
        ///
        /// The pool runs as a child task of this call (structured: nothing outlives it).
        /// - Parameters:
        ///   - address: The store's address.
        ///   - logger: postgres-nio's log (never given record text).
        ///   - body: What to do with the store.
        /// - Returns: What `body` returns.
        /// - Throws: ``LocatedFailure`` from opening (see ``open(_:logger:)``), or what `body` throws.
        public static func withStore<T>(
            _ address: PostgresStoreAddress,
            logger: Logger = Logger(label: "painmap.postgres", factory: { _ in SwiftLogNoOpLogHandler() }),
            _ body: (PostgresFeedbackStore) async throws -> T
        ) async throws -> T {
            let store = try await open(address, logger: logger)
            return try await withThrowingDiscardingTaskGroup(returning: T.self) { group in
                group.addTask { await store.client.run() }
                defer { group.cancelAll() }  // the pool's run ends when cancelled, closing its connections
                return try await body(store)
            }
        }

        /// Connects, creates the schema if needed and migrates it; the returned store's pool runs only inside
        /// ``withStore(_:logger:_:)``.
        ///
        /// - Parameters:
        ///   - address: The store's address.
        ///   - logger: postgres-nio's log (never given record text).
        /// - Returns: The migrated store, its pool not running yet.
        /// - Throws: ``LocatedFailure``: connection refused (75, host and port named), login refused (78), missing
        ///   database (78), disk full (74).
        static func open(
            _ address: PostgresStoreAddress,
            logger: Logger = Logger(label: "painmap.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        ) async throws -> PostgresFeedbackStore {
            // One direct connection first: a wrong address fails at once with its own error, where a pool would retry.
            let connection: PostgresConnection
            do {
                connection = try await PostgresConnection.connect(
                    configuration: try connectionConfiguration(address),
                    id: 1,
                    logger: logger
                )
            } catch let failure as any PainmapFailure {
                throw failure
            } catch {
                throw LocatedFailure(postgres: error, action: "открыть хранилище \(address)", address: address)
            }
            do {
                try await migrate(connection, address: address, logger: logger)
                try? await connection.close()
            } catch {
                try? await connection.close()
                if let failure = error as? any PainmapFailure { throw failure }
                throw LocatedFailure(
                    postgres: error,
                    action: "обновить схему хранилища \(address)",
                    address: address
                )
            }
            return PostgresFeedbackStore(
                address: address,
                client: PostgresClient(configuration: try clientConfiguration(address)),
                logger: logger
            )
        }

        /// Drops the store's schema with every table in it: for throwaway stores in tests and benchmarks.
        ///
        /// Refused for the `public` schema; the store is unusable afterwards.
        public func dropSchema() async throws {
            guard address.schema != "public" else {
                throw LocatedFailure(
                    .usage,
                    message: "схема public не удаляется; удаляйте только отдельные схемы (?schema=…)",
                    status: .usage
                )
            }
            _ = try await rows(
                SQLBuilder("DROP SCHEMA \(address.schema) CASCADE"),
                action: "удалить схему \(address.schema)"
            )
        }

        // MARK: Configuration

        private static func startupParameters(_ address: PostgresStoreAddress) -> [(String, String)] {
            [("application_name", "painmap")]
                + (address.schema == "public" ? [] : [("options", "-c search_path=\(address.schema)")])
        }

        static func connectionConfiguration(_ address: PostgresStoreAddress) throws -> PostgresConnection.Configuration
        {
            var configuration = try endpoint(address, as: PostgresConnection.Configuration.self)
            configuration.options.additionalStartupParameters = startupParameters(address)
            configuration.options.connectTimeout = .seconds(10)
            return configuration
        }

        private static func clientConfiguration(_ address: PostgresStoreAddress) throws -> PostgresClient.Configuration
        {
            var configuration = try endpoint(address, as: PostgresClient.Configuration.self)
            configuration.options.additionalStartupParameters = startupParameters(address)
            configuration.options.maximumConnections = 8
            return configuration
        }

        /// A connection's or a client's configuration of the address's endpoint: its Unix socket, or its host and
        /// port (`localhost` when none is given) with its TLS mode, and its user, password and database.
        private static func endpoint<Configuration: PostgresEndpointConfiguration>(
            _ address: PostgresStoreAddress,
            as type: Configuration.Type
        ) throws -> Configuration {
            guard let socket = address.unixSocketPath else {
                return Configuration(
                    host: address.host ?? "localhost",
                    port: address.port,
                    username: address.user,
                    password: address.password,
                    database: address.database,
                    tls: try Configuration.tls(address.tls)
                )
            }
            return Configuration(
                unixSocketPath: socket,
                username: address.user,
                password: address.password,
                database: address.database
            )
        }

        // MARK: Migrations

        private static func migrate(_ connection: PostgresConnection, address: PostgresStoreAddress, logger: Logger)
            async throws
        {
            let lockKey = "painmap/migrate/\(address.schema)"
            try await inTransaction(connection, logger: logger) {
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(lockKey)))", logger: logger)
                if address.schema != "public" {
                    try await connection.query(
                        PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(address.schema)"),
                        logger: logger
                    )
                }
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                    logger: logger
                )
            }
            for migration in PostgresMigrations.all {
                try await inTransaction(connection, logger: logger) {
                    try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(lockKey)))", logger: logger)
                    let applied = try await connection.query(
                        "SELECT 1 FROM schema_migrations WHERE name = \(migration.name)",
                        logger: logger
                    )
                    for try await _ in applied { return }
                    // The extended protocol runs one statement per query.
                    for statement in migration.sql.components(separatedBy: ";\n") {
                        let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
                        guard !trimmed.isEmpty else { continue }
                        try await connection.query(PostgresQuery(unsafeSQL: trimmed), logger: logger)
                    }
                    try await connection.query(
                        "INSERT INTO schema_migrations (name) VALUES (\(migration.name))",
                        logger: logger
                    )
                }
            }
            try await inTransaction(connection, logger: logger) {
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(lockKey)))", logger: logger)
                let columns = try await connection.query(
                    "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'pain' AND column_name = 'status'",
                    logger: logger
                )
                for try await _ in columns { return }
                for statement in PostgresMigrations.painStatusRepair {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
            }
        }

        /// The names of the migrations applied, in the order of ``PostgresMigrations/all`` (by name, `v10_…` would
        /// sort before `v1_…`); names it does not know (a newer release's) follow, by name.
        public func appliedMigrations() async throws -> [String] {
            let order = Dictionary(
                PostgresMigrations.all.enumerated().map { ($1.name, $0) },
                uniquingKeysWith: { first, _ in first }
            )
            return try await rows(
                SQLBuilder("SELECT name FROM schema_migrations ORDER BY name"),
                action: "прочитать версию схемы"
            ).map {
                try $0["name"].decode(String.self)
            }.sorted { (order[$0] ?? order.count, $0) < (order[$1] ?? order.count, $1) }
        }

        /// Runs `body` between BEGIN and COMMIT, rolling back when it throws.
        nonisolated(nonsending) static func inTransaction<T>(
            _ connection: PostgresConnection,
            logger: Logger,
            _ body: () async throws -> T
        ) async throws -> T {
            try await connection.query("BEGIN", logger: logger)
            do {
                let result = try await body()
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }

        // MARK: Queries

        /// Runs a query and collects its rows, mapping failures to ``LocatedFailure``.
        func rows(_ sql: SQLBuilder, action: String) async throws -> [PostgresRandomAccessRow] {
            do {
                var result: [PostgresRandomAccessRow] = []
                for try await row in try await client.query(sql.query, logger: logger) {
                    result.append(row.makeRandomAccess())
                }
                return result
            } catch {
                throw mapped(error, action: action)
            }
        }

        /// Runs `body` in one transaction on a pooled connection, mapping failures.
        nonisolated(nonsending) func transaction<T: Sendable>(
            action: String,
            _ body: (PostgresConnection) async throws -> T
        ) async throws -> T {
            do {
                return try await client.withConnection { connection in
                    try await Self.inTransaction(connection, logger: self.logger) { try await body(connection) }
                }
            } catch {
                throw mapped(error, action: action)
            }
        }

        /// Wraps postgres-nio's errors; anything else (an adapter's error from `read`, a store failure) passes unchanged.
        func mapped(_ error: any Error, action: String) -> any Error {
            guard error is PSQLError || error is PostgresDecodingError else { return error }
            return LocatedFailure(postgres: error, action: action, address: address)
        }

        // MARK: Ledger and ingest

        public func ingestedFile(digest: String) async throws -> IngestedFile? {
            var sql = SQLBuilder()
            sql.append("SELECT * FROM ingested_file WHERE digest = \(sql.bind(digest))")
            return try await rows(sql, action: "прочитать журнал файлов").first.map(Self.ledger)
        }

        public func ingest(_ file: IngestFileIdentity, rows: IngestRows) async throws -> IngestedFile {
            do {
                return try await client.withConnection { connection in
                    try await Self.inTransaction(connection, logger: self.logger) {
                        try await self.ingest(file, rows: rows, on: connection)
                    }
                }
            } catch let done as AlreadyIngested {
                return done.entry  // rolled back: the same bytes were ingested already
            } catch {
                throw mapped(error, action: "записать файл \(file.path)")
            }
        }

        /// Thrown out of a file's transaction to roll it back when the digest found while reading is done already.
        private struct AlreadyIngested: Error {
            let entry: IngestedFile
        }

        /// The ledger entry of a file ingested in full with `digest`, if any.
        nonisolated(nonsending) private func doneFile(_ digest: String, on connection: PostgresConnection)
            async throws -> IngestedFile?
        {
            for try await row in try await connection.query(
                "SELECT * FROM ingested_file WHERE digest = \(digest) AND outcome = 'done'",
                logger: logger
            ) {
                return try Self.ledger(row.makeRandomAccess())
            }
            return nil
        }

        /// Writes the file's rows as they arrive, `batchSize` rows per round of `COPY`s, inside the open transaction.
        nonisolated(nonsending) private func ingest(
            _ file: IngestFileIdentity,
            rows: IngestRows,
            on connection: PostgresConnection
        ) async throws -> IngestedFile {
            let lockKey = "painmap/ingest/\(address.schema)/\(file.source.rawValue)"
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(lockKey)))", logger: logger)
            if let digest = file.digest {
                // Another process may have finished this very file while we waited for the lock.
                if let done = try await doneFile(digest, on: connection) { return done }
                try await connection.query(
                    "DELETE FROM ingested_file WHERE digest = \(digest) AND outcome = 'rejected'",
                    logger: logger
                )
            }
            // A file hashed while it is read holds a provisional digest until its last row.
            let entryDigest = file.digest ?? IngestFileIdentity.provisionalDigest()
            var fileID: Int64?
            let inserted = try await connection.query(
                """
                INSERT INTO ingested_file (digest, path, feed, source, outcome)
                VALUES (\(entryDigest), \(file.path), \(file.feed), \(file.source.rawValue), 'done') RETURNING id
                """,
                logger: logger
            )
            for try await id in inserted.decode(Int64.self) { fileID = id }
            guard let fileID else {
                throw LocatedFailure.store(
                    .storeInternal,
                    message: "запись журнала файла \(file.path) не создана"
                )
            }

            let writer = FileWriter(connection: connection, fileID: fileID, logger: logger)
            var pending = PendingBatch()
            for try await batch in rows {
                for outcome in batch { pending.append(outcome, fileID: fileID) }
                if pending.count >= Self.batchSize {
                    try await writer.write(pending)
                    pending = PendingBatch()
                }
            }
            if pending.count > 0 { try await writer.write(pending) }
            let summary = try rows.requireSummary(path: file.path)
            let tally = writer.tally
            try tally.requireBalanced(path: file.path)
            let digest = try file.recordedDigest(after: summary)
            if file.digest == nil {
                // The same bytes were ingested under another name (or by another process meanwhile): store nothing of
                // this file, answer with that entry.
                if let done = try await doneFile(digest, on: connection) { throw AlreadyIngested(entry: done) }
                try await connection.query(
                    "DELETE FROM ingested_file WHERE digest = \(digest) AND outcome = 'rejected'",
                    logger: logger
                )
            }
            let updated = try await connection.query(
                """
                UPDATE ingested_file SET digest = \(digest), encoding = \(summary.encoding), rows_read = \(tally.read), rows_stored = \(tally.stored),
                    rows_updated = \(tally.updated), rows_quarantined = \(tally.quarantined), rows_duplicate = \(tally.duplicate)
                WHERE id = \(fileID) RETURNING *
                """,
                logger: logger
            )
            for try await row in updated { return try Self.ledger(row.makeRandomAccess()) }
            throw LocatedFailure.store(
                .storeInternal,
                message: "запись журнала файла \(file.path) не найдена после загрузки"
            )
        }

        public func recordRejection(_ file: IngestFileIdentity, error: LocatedFailure) async throws {
            let digest = try file.recordedDigest(after: FileReadSummary(encoding: ""))
            _ = try await transaction(action: "записать отказ по файлу \(file.path)") { connection in
                try await connection.query(
                    "DELETE FROM ingested_file WHERE digest = \(digest) AND outcome = 'rejected'",
                    logger: self.logger
                )
                try await connection.query(
                    """
                    INSERT INTO ingested_file (digest, path, feed, source, outcome, rejection_reason, rejection_message)
                    VALUES (\(digest), \(file.path), \(file.feed), \(file.source.rawValue), 'rejected', \(error.code.ingestReason?.rawValue ?? error.code.rawValue), \(error.description))
                    """,
                    logger: self.logger
                )
                return true
            }
        }

        // MARK: Reading

        public func status() async throws -> StoreStatus {
            let action = "прочитать состояние хранилища"
            var bySource: [SourceKind: FileAccounting] = Dictionary(
                uniqueKeysWithValues: SourceKind.allCases.map { ($0, FileAccounting()) }
            )
            let sums = try await rows(
                SQLBuilder(
                    """
                    SELECT source, SUM(rows_read)::bigint AS r, SUM(rows_stored)::bigint AS s, SUM(rows_updated)::bigint AS u,
                        SUM(rows_quarantined)::bigint AS q, SUM(rows_duplicate)::bigint AS d
                    FROM ingested_file WHERE outcome = 'done' GROUP BY source
                    """
                ),
                action: action
            )
            for row in sums {
                guard let kind = SourceKind(rawValue: try row["source"].decode(String.self)) else { continue }
                bySource[kind] = FileAccounting(
                    read: try row["r"].decode(Int.self),
                    stored: try row["s"].decode(Int.self),
                    updated: try row["u"].decode(Int.self),
                    quarantined: try row["q"].decode(Int.self),
                    duplicate: try row["d"].decode(Int.self)
                )
            }
            let totals = bySource.values.reduce(FileAccounting(), +)
            let counts = try await rows(
                SQLBuilder(
                    "SELECT region, quarter, source, COUNT(*) AS n FROM feedback_record GROUP BY region, quarter, source ORDER BY region, quarter, source"
                ),
                action: action
            ).compactMap { row -> RegionQuarterCount? in
                guard let quarter = Quarter(try row["quarter"].decode(String.self)),
                    let source = SourceKind(rawValue: try row["source"].decode(String.self))
                else {
                    return nil
                }
                return RegionQuarterCount(
                    region: try row["region"].decode(String.self),
                    quarter: quarter,
                    source: source,
                    count: try row["n"].decode(Int.self)
                )
            }
            var reasons: [QuarantineReason: Int] = [:]
            for row in try await rows(
                SQLBuilder("SELECT reason, COUNT(*) AS n FROM quarantined_row GROUP BY reason"),
                action: action
            ) {
                if let reason = QuarantineReason(rawValue: try row["reason"].decode(String.self)) {
                    reasons[reason] = try row["n"].decode(Int.self)
                }
            }
            let files = try await rows(
                SQLBuilder(
                    "SELECT COUNT(*) FILTER (WHERE outcome = 'done') AS done, COUNT(*) FILTER (WHERE outcome = 'rejected') AS rejected FROM ingested_file"
                ),
                action: action
            )
            return StoreStatus(
                totals: totals,
                bySource: bySource,
                records: counts,
                quarantineByReason: reasons,
                filesDone: try files.first?["done"].decode(Int.self) ?? 0,
                filesRejected: try files.first?["rejected"].decode(Int.self) ?? 0
            )
        }

        public func quarantinedRows(reason: QuarantineReason?) async throws -> [QuarantineEntry] {
            let action = "прочитать карантин"
            var sql = SQLBuilder()
            sql.append(
                """
                SELECT f.path, f.source, q.line, q.column_name, q.reason, q.message FROM quarantined_row q
                JOIN ingested_file f ON f.id = q.file_id
                """
            )
            if let reason { sql.append(" WHERE q.reason = \(sql.bind(reason.rawValue))") }
            sql.append(" ORDER BY f.id, q.line, q.id")
            var entries = try await rows(sql, action: action).compactMap { row -> QuarantineEntry? in
                guard let source = SourceKind(rawValue: try row["source"].decode(String.self)),
                    let code = QuarantineReason(rawValue: try row["reason"].decode(String.self))
                else { return nil }
                return QuarantineEntry(
                    file: try row["path"].decode(String.self),
                    source: source,
                    line: try row["line"].decode(Int.self),
                    column: try row["column_name"].decode(String?.self),
                    reason: code,
                    message: try row["message"].decode(String.self)
                )
            }
            var rejected = SQLBuilder(
                "SELECT path, source, rejection_reason, rejection_message FROM ingested_file WHERE outcome = 'rejected'"
            )
            if let reason { rejected.append(" AND rejection_reason = \(rejected.bind(reason.rawValue))") }
            rejected.append(" ORDER BY id")
            entries += try await rows(rejected, action: action).compactMap { row -> QuarantineEntry? in
                guard let source = SourceKind(rawValue: try row["source"].decode(String.self)),
                    let code = (try row["rejection_reason"].decode(String?.self)).flatMap(
                        QuarantineReason.init(rawValue:)
                    )
                else { return nil }
                return QuarantineEntry(
                    file: try row["path"].decode(String.self),
                    source: source,
                    line: 0,
                    column: nil,
                    reason: code,
                    message: try row["rejection_message"].decode(String?.self) ?? ""
                )
            }
            return entries
        }

        public func ingestedFiles() async throws -> [IngestedFile] {
            try await rows(SQLBuilder("SELECT * FROM ingested_file ORDER BY id"), action: "прочитать журнал файлов")
                .map(Self.ledger)
        }

        public func records(region: String?, quarter: Quarter?) async throws -> [FeedbackRecord] {
            try await storedRecords(region: region, quarter: quarter).map(\.record)
        }

        static func ledger(_ row: PostgresRandomAccessRow) throws -> IngestedFile {
            IngestedFile(
                digest: try row["digest"].decode(String.self),
                path: try row["path"].decode(String.self),
                feed: try row["feed"].decode(String.self),
                source: SourceKind(rawValue: try row["source"].decode(String.self)) ?? .pos,
                outcome: IngestedFile.Outcome(rawValue: try row["outcome"].decode(String.self)) ?? .rejected,
                encoding: try row["encoding"].decode(String?.self),
                accounting: FileAccounting(
                    read: try row["rows_read"].decode(Int.self),
                    stored: try row["rows_stored"].decode(Int.self),
                    updated: try row["rows_updated"].decode(Int.self),
                    quarantined: try row["rows_quarantined"].decode(Int.self),
                    duplicate: try row["rows_duplicate"].decode(Int.self)
                ),
                rejectionReason: (try row["rejection_reason"].decode(String?.self)).flatMap(
                    QuarantineReason.init(rawValue:)
                ),
                rejectionMessage: try row["rejection_message"].decode(String?.self),
                ingestedAt: try row["ingested_at"].decode(Date.self)
            )
        }
    }

    /// The initialisers postgres-nio's connection and client configurations share, and how each expresses a TLS mode.
    protocol PostgresEndpointConfiguration {
        /// The configuration's TLS setting.
        associatedtype TLS

        init(host: String, port: Int, username: String, password: String?, database: String?, tls: TLS)

        init(unixSocketPath: String, username: String, password: String?, database: String?)

        /// The TLS setting of a store address's TLS mode.
        static func tls(_ mode: PostgresStoreAddress.TLSMode) throws -> TLS
    }

    extension PostgresConnection.Configuration: PostgresEndpointConfiguration {
        static func tls(_ mode: PostgresStoreAddress.TLSMode) throws -> TLS {
            switch mode {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        }
    }

    extension PostgresClient.Configuration: PostgresEndpointConfiguration {
        static func tls(_ mode: PostgresStoreAddress.TLSMode) throws -> TLS {
            switch mode {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        }
    }
#endif
