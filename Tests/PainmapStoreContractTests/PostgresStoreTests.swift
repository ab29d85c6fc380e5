#if PostgreSQL
    import Foundation
    import PainmapCore
    @testable import PainmapPostgres
    import PostgresNIO
    import Testing

    /// PostgreSQL-only facts: addresses, failures a person must be able to act on, migrations, what PostgreSQL cannot store.
    @Suite struct PostgresStoreTests {
        @Test func addressesAreParsedWithTheirOptions() throws {
            let tcp = try PostgresStoreAddress(
                "postgres://ivan:p%40ss@db.example:6543/painmap?schema=region_54&sslmode=require",
                environment: [:]
            )
            #expect(tcp.host == "db.example" && tcp.port == 6543 && tcp.user == "ivan" && tcp.password == "p@ss")
            #expect(tcp.database == "painmap" && tcp.schema == "region_54" && tcp.tls == .require)
            #expect(tcp.description == "postgres://ivan@db.example:6543/painmap?schema=region_54")
            let socket = try PostgresStoreAddress(
                "postgresql://ivan@/painmap?host=/run/postgresql",
                environment: ["PGPASSWORD": "x"]
            )
            #expect(
                socket.unixSocketPath == "/run/postgresql/.s.PGSQL.5432" && socket.host == nil && socket.password == "x"
            )
            #expect(socket.schema == "public" && socket.tls == .prefer)
            for bad in [
                "postgres://ivan@host:5432/", "postgres://ivan@host/db?schema=Robert'); DROP",
                "postgres://ivan@host/db?sslmode=verify-full", "postgres://ivan@host/db?port=1",
            ] {
                let failure = #expect(throws: LocatedFailure.self, "\(bad)") {
                    try PostgresStoreAddress(bad, environment: [:])
                }
                #expect(failure?.code == .storeLocation, "\(bad)")
            }
            do {
                _ = try PostgresStoreAddress("postgres://ivan:secret@host/", environment: [:])
            } catch let error as LocatedFailure {
                #expect(!error.message.contains("secret") && error.exitStatus == .configError)
            }
        }

        @Test func sqlStatesMapToActionableStatuses() throws {
            let address = try PostgresStoreAddress("postgres://ivan@db:5432/painmap", environment: [:])
            #expect(LocatedFailure.classifyPostgres(sqlState: "53100", address: address).0 == .storeIO)
            #expect(LocatedFailure.classifyPostgres(sqlState: "28P01", address: address).0 == .storeLocation)
            #expect(LocatedFailure.classifyPostgres(sqlState: "3D000", address: address).1.contains("createdb painmap"))
            #expect(LocatedFailure.classifyPostgres(sqlState: "40P01", address: address).0 == .storeUnavailable)
            #expect(LocatedFailure.classifyPostgres(sqlState: "23514", address: address).0 == .storeConstraint)
            #expect(LocatedFailure.store(.storeConstraint, message: "").exitStatus == .software)
        }

        @Test func aRefusedConnectionNamesHostAndPortAndIsTemporary() async throws {
            let port = try closedPort()
            do {
                try await PostgresFeedbackStore.withStore(
                    try PostgresStoreAddress("postgres://painmap@127.0.0.1:\(port)/painmap?sslmode=disable")
                ) { _ in }
                Issue.record("a store opened on a closed port")
            } catch let error as LocatedFailure {
                #expect(error.code == .storeUnavailable && error.exitStatus == .tempFail)
                #expect(error.message.contains("127.0.0.1:\(port)"), "\(error.message)")
            }
        }

        @Test(.enabled(if: StoreBackend.postgresRunnable)) func aRefusedLoginOrAMissingDatabaseIsAConfigurationError()
            async throws
        {
            let base = try PostgresStoreAddress(try #require(StoreBackend.postgresURL))
            var wrongPassword = base
            wrongPassword.user = "painmap_secret"
            wrongPassword.password = "wrong"
            var missingDatabase = base
            missingDatabase.database = "painmap_missing"
            for (address, fragment) in [(wrongPassword, "painmap_secret"), (missingDatabase, "painmap_missing")] {
                do {
                    try await PostgresFeedbackStore.withStore(address) { _ in }
                    Issue.record("opened \(address)")
                } catch let error as LocatedFailure {
                    #expect(error.code == .storeLocation && error.exitStatus == .configError, "\(error.message)")
                    #expect(error.message.contains(fragment), "\(error.message)")
                    #expect(!error.message.contains("wrong"))
                }
            }
        }

        @Test(.enabled(if: StoreBackend.postgresRunnable))
        func migrationsAreRecordedOnceEvenWhenTwoProcessesOpenANewStore() async throws {
            let url = StoreBackend.schemaURL(try #require(StoreBackend.postgresURL))
            let address = try PostgresStoreAddress(url)
            async let first = PostgresFeedbackStore.withStore(address) { try await $0.appliedMigrations() }
            async let second = PostgresFeedbackStore.withStore(address) { try await $0.appliedMigrations() }
            let all = [
                "v1_feedback", "v2_classification", "v3_redaction", "v4_pains", "v5_region_run", "v6_slice_index",
                "v7_classification_learned", "v8_review_decisions", "v9_workspace_users", "v10_pain_members",
                "v11_classification_model",
            ]
            #expect(try await [first, second] == [all, all])
            try await PostgresFeedbackStore.withStore(address) { reopened in
                #expect(try await reopened.appliedMigrations() == all)
                try await reopened.dropSchema()
            }
        }

        @Test(.enabled(if: StoreBackend.postgresRunnable))
        func aStoreOfTheFirstPostgreSQLSchemaGetsRedactionAndPainStatus() async throws {
            // What the first PostgreSQL store left: v1, v2 and a v4 `pain` without status and previous count.
            let url = StoreBackend.schemaURL(try #require(StoreBackend.postgresURL))
            let address = try PostgresStoreAddress(url)
            try await PostgresFeedbackStore.withStore(address) { old in
                _ = try await old.ingest(identity("a"), rows: feed([try record("1")]))
                for statement in [
                    "DROP TABLE region_run", "DROP TABLE redacted_identifier", "DROP TABLE record_original",
                    "ALTER TABLE pain DROP COLUMN status", "ALTER TABLE pain DROP COLUMN previous_count",
                    "DELETE FROM schema_migrations WHERE name IN ('v3_redaction', 'v5_region_run')",
                ] {
                    _ = try await old.rows(SQLBuilder(statement), action: "подготовить старую схему")
                }
            }
            try await PostgresFeedbackStore.withStore(address) { store in
                #expect(
                    try await store.appliedMigrations() == [
                        "v1_feedback", "v2_classification", "v3_redaction", "v4_pains", "v5_region_run",
                        "v6_slice_index", "v7_classification_learned", "v8_review_decisions", "v9_workspace_users",
                        "v10_pain_members", "v11_classification_model",
                    ]
                )
                let q3 = try #require(Quarter("2026Q3"))
                let written = try pain("p", rank: 1, count: 12)
                try await store.replacePains(region: "54", quarter: q3, with: [written])
                #expect(try await store.pains(region: "54", quarter: q3) == [written])
                #expect(try await store.redactedIdentifiers(region: nil, quarter: nil).isEmpty)
                #expect(try await store.records(region: nil, quarter: nil).count == 1)
                try await store.dropSchema()
            }
        }

        @Test(.enabled(if: StoreBackend.postgresRunnable))
        func regionsAreClaimedOnceAndADeadSessionsRegionIsClaimedAgain() async throws {
            try await StoreBackend.postgres.withStore { opened in
                let store = try #require(opened as? PostgresFeedbackStore)
                let q3 = try #require(Quarter("2026Q3"))
                var prepared = 0
                let first = try await store.openRound(quarter: q3) {
                    prepared += 1
                    return ["41", "54"]
                }
                let joined = try await store.openRound(quarter: q3) {
                    prepared += 1
                    return ["77"]
                }
                #expect(first && !joined && prepared == 1)
                let a = try await store.claimSession(host: "host-a", pid: 101)
                let b = try await store.claimSession(host: "host-b", pid: 202)
                let claimA = try #require(try await a.claimNext(quarter: q3))
                let claimB = try #require(try await b.claimNext(quarter: q3))
                #expect(
                    claimA.region == "41" && claimB.region == "54" && claimA.state == .running && claimA.attempts == 1
                )
                #expect(claimA.host == "host-a" && claimA.pid == 101)
                try await b.finish(claimB, outcome: .done)
                // 41 is running under a's live lock: nothing to claim.
                #expect(try await b.claimNext(quarter: q3) == nil)
                #expect(try await b.unfinished(quarter: q3) == 1)
                // a's session ends without an outcome (a killed worker): the server frees its lock, 41 is claimable.
                await a.close()
                // The server frees the lock once it has ended a's session. Wait for that event itself: a connection
                // of the test's own asks for the same lock, which the server grants only then (lock_timeout bounds
                // the wait generously for a loaded machine), and hands it straight back.
                let waiter = try await store.dedicatedConnection(action: "дождаться блокировки региона 41")
                let key = store.regionLockKey(q3, "41")
                try await waiter.query("SET lock_timeout = '120s'", logger: store.logger)
                try await waiter.query("SELECT pg_advisory_lock(hashtext(\(key)))", logger: store.logger)
                try await waiter.query("SELECT pg_advisory_unlock(hashtext(\(key)))", logger: store.logger)
                try await waiter.close()
                let reclaimed = try #require(try await b.claimNext(quarter: q3))
                #expect(
                    reclaimed.region == "41" && reclaimed.attempts == 2 && reclaimed.host == "host-b"
                        && reclaimed.pid == 202
                )
                try await b.finish(reclaimed, outcome: .failed("хранилище недоступно"))
                #expect(try await b.unfinished(quarter: q3) == 0)
                let runs = try await store.regionRuns(quarter: q3)
                #expect(
                    runs.map(\.state) == [.failed, .done] && runs[0].error == "хранилище недоступно"
                        && runs[1].finishedAt != nil
                )
                // The round is finished: the next worker opens (and prepares) a new one.
                let next = try await store.openRound(quarter: q3) {
                    prepared += 1
                    return ["54"]
                }
                #expect(next && prepared == 2)
                #expect(try await store.regionRuns(quarter: q3).map(\.state) == [.pending])
                await b.close()
            }
        }

        @Test(.enabled(if: StoreBackend.postgresRunnable))
        func aRecordWithNULIsQuarantinedBecausePostgreSQLTextCannotHoldIt() async throws {
            try await StoreBackend.postgres.withStore { store in
                let entry = try await store.ingest(
                    identity("n"),
                    rows: feed([try record("1", text: "до\u{0}после"), try record("2")])
                )
                #expect(
                    entry.accounting == FileAccounting(read: 2, stored: 1, updated: 0, quarantined: 1, duplicate: 0)
                )
                let rows = try await store.quarantinedRows(reason: .badEncoding)
                #expect(rows.map(\.line) == [2] && rows.first?.message.contains("U+0000") == true)
            }
        }

        @Test(.enabled(if: StoreBackend.postgresRunnable))
        func feedbackRecordHasTheDescribedColumnsAndSliceIndex() async throws {
            try await StoreBackend.postgres.withStore { opened in
                let store = try #require(opened as? PostgresFeedbackStore)
                let columns = try await store.rows(
                    SQLBuilder(
                        """
                        SELECT column_name, data_type, is_nullable FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = 'feedback_record' ORDER BY ordinal_position
                        """
                    ),
                    action: "прочитать столбцы"
                ).map {
                    "\(try $0["column_name"].decode(String.self)) \(try $0["data_type"].decode(String.self)) \(try $0["is_nullable"].decode(String.self))"
                }
                let described = FeedbackRecordColumns.all.map { column -> String in
                    let type =
                        switch column.type {
                        case .text: "text"
                        case .real: "double precision"
                        case .integer: "bigint"
                        case .boolean: "boolean"
                        }
                    return "\(column.name) \(type) \(column.isOptional ? "YES" : "NO")"
                }
                #expect(columns == ["id bigint NO"] + described)
                let index = try await store.rows(
                    SQLBuilder(
                        """
                        SELECT a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                        WHERE c.relname = 'feedback_record_slice' AND c.relnamespace = current_schema()::regnamespace
                        ORDER BY array_position(i.indkey::int2[], a.attnum)
                        """
                    ),
                    action: "прочитать индекс"
                ).map { try $0["attname"].decode(String.self) }
                #expect(index == FeedbackRecordColumns.sliceIndex)
            }
        }

        /// A local port nothing listens on (bound, then released).
        private func closedPort() throws -> Int {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(descriptor) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
                }
            }
            try #require(bound)
            return Int(UInt16(bigEndian: address.sin_port))
        }
    }
#endif
