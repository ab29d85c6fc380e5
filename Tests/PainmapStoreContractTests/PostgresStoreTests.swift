#if PostgreSQL
    import Foundation
    import PainmapCore
    @testable import PainmapPostgres
    import Testing

    /// PostgreSQL-only facts: addresses, failures a person must be able to act on, migrations, what PostgreSQL cannot store.
    @Suite struct PostgresStoreTests {
        @Test func addressesAreParsedWithTheirOptions() throws {
            let tcp = try PostgresStoreAddress("postgres://ivan:p%40ss@db.example:6543/painmap?schema=region_54&sslmode=require", environment: [:])
            #expect(tcp.host == "db.example" && tcp.port == 6543 && tcp.user == "ivan" && tcp.password == "p@ss")
            #expect(tcp.database == "painmap" && tcp.schema == "region_54" && tcp.tls == .require)
            #expect(tcp.description == "postgres://ivan@db.example:6543/painmap?schema=region_54")
            let socket = try PostgresStoreAddress("postgresql://ivan@/painmap?host=/run/postgresql", environment: ["PGPASSWORD": "x"])
            #expect(socket.unixSocketPath == "/run/postgresql/.s.PGSQL.5432" && socket.host == nil && socket.password == "x")
            #expect(socket.schema == "public" && socket.tls == .prefer)
            for bad in ["postgres://ivan@host:5432/", "postgres://ivan@host/db?schema=Robert'); DROP", "postgres://ivan@host/db?sslmode=verify-full", "postgres://ivan@host/db?port=1"] {
                #expect(throws: PostgresStoreError.self, "\(bad)") { try PostgresStoreAddress(bad, environment: [:]) }
            }
            do {
                _ = try PostgresStoreAddress("postgres://ivan:secret@host/", environment: [:])
            } catch let error as PostgresStoreError {
                #expect(!error.message.contains("secret") && error.exitStatus == .configError)
            }
        }

        @Test func sqlStatesMapToActionableStatuses() throws {
            let address = try PostgresStoreAddress("postgres://ivan@db:5432/painmap", environment: [:])
            #expect(PostgresStoreError.classify(sqlState: "53100", address: address).0 == .ioError)
            #expect(PostgresStoreError.classify(sqlState: "28P01", address: address).0 == .configError)
            #expect(PostgresStoreError.classify(sqlState: "3D000", address: address).1.contains("createdb painmap"))
            #expect(PostgresStoreError.classify(sqlState: "40P01", address: address).0 == .tempFail)
            #expect(PostgresStoreError.classify(sqlState: "23514", address: address).0 == .software)
        }

        @Test func aRefusedConnectionNamesHostAndPortAndIsTemporary() async throws {
            let port = try closedPort()
            do {
                _ = try await PostgresFeedbackStore.open(try PostgresStoreAddress("postgres://painmap@127.0.0.1:\(port)/painmap?sslmode=disable"))
                Issue.record("a store opened on a closed port")
            } catch let error as PostgresStoreError {
                #expect(error.exitStatus == .tempFail)
                #expect(error.message.contains("127.0.0.1:\(port)"), "\(error.message)")
            }
        }

        @Test(.enabled(if: StoreBackend.postgresRunnable)) func aRefusedLoginOrAMissingDatabaseIsAConfigurationError() async throws {
            let base = try PostgresStoreAddress(try #require(StoreBackend.postgresURL))
            var wrongPassword = base
            wrongPassword.user = "painmap_secret"
            wrongPassword.password = "wrong"
            var missingDatabase = base
            missingDatabase.database = "painmap_missing"
            for (address, fragment) in [(wrongPassword, "painmap_secret"), (missingDatabase, "painmap_missing")] {
                do {
                    _ = try await PostgresFeedbackStore.open(address)
                    Issue.record("opened \(address)")
                } catch let error as PostgresStoreError {
                    #expect(error.exitStatus == .configError, "\(error.message)")
                    #expect(error.message.contains(fragment), "\(error.message)")
                    #expect(!error.message.contains("wrong"))
                }
            }
        }

        @Test(.enabled(if: StoreBackend.postgresRunnable)) func migrationsAreRecordedOnceEvenWhenTwoProcessesOpenANewStore() async throws {
            let url = StoreBackend.schemaURL(try #require(StoreBackend.postgresURL))
            async let first = PostgresFeedbackStore.open(try PostgresStoreAddress(url))
            async let second = PostgresFeedbackStore.open(try PostgresStoreAddress(url))
            let stores = try await [first, second]
            #expect(try await stores[0].appliedMigrations() == ["v1_feedback", "v2_classification", "v4_pains"])
            await stores[1].close()
            let reopened = try await PostgresFeedbackStore.open(try PostgresStoreAddress(url))
            #expect(try await reopened.appliedMigrations() == ["v1_feedback", "v2_classification", "v4_pains"])
            await reopened.close()
            try await stores[0].dropSchema()
        }

        @Test(.enabled(if: StoreBackend.postgresRunnable)) func aRecordWithNULIsQuarantinedBecausePostgreSQLTextCannotHoldIt() async throws {
            try await StoreBackend.postgres.withStore { store in
                let entry = try await store.ingest(identity("n"), read: feed([try record("1", text: "до\u{0}после"), try record("2")]))
                #expect(entry.accounting == FileAccounting(read: 2, stored: 1, updated: 0, quarantined: 1, duplicate: 0))
                let rows = try await store.quarantinedRows(reason: .badEncoding)
                #expect(rows.map(\.line) == [2] && rows.first?.message.contains("U+0000") == true)
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
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
            }
            try #require(bound)
            return Int(UInt16(bigEndian: address.sin_port))
        }
    }
#endif
