import Foundation
import PainmapCore
import PainmapSQLite
import Testing

#if PostgreSQL
    import PainmapPostgres
#endif

/// A backend the contract suite runs against: makes a fresh, empty store for one test and disposes of it.
struct StoreBackend: Sendable, CustomTestStringConvertible {
    let name: String
    /// Runs a body on a fresh, empty store of this backend and disposes of the store afterwards.
    let scoped: @Sendable (_ body: (any FeedbackStore) async throws -> Void) async throws -> Void
    /// The original texts the store kept (`keep_originals`), read through the backend's own audit API.
    let originals: @Sendable (any FeedbackStore) async throws -> [RecordID: OriginalTexts]

    var testDescription: String { name }

    /// Runs `body` on a fresh store of this backend.
    func withStore(_ body: (any FeedbackStore) async throws -> Void) async throws {
        try await scoped(body)
    }

    static let sqlite = StoreBackend(
        name: "SQLite",
        scoped: { body in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "painmap-contract-\(UUID().uuidString)"
            )
            defer { try? FileManager.default.removeItem(at: directory) }
            try await body(try SQLiteFeedbackStore(url: directory.appendingPathComponent("s.sqlite")))
        },
        originals: { store in try (store as? SQLiteFeedbackStore)?.originalTexts() ?? [:] }
    )

    /// Every backend this build has: SQLite, and PostgreSQL with the trait.
    static var all: [StoreBackend] {
        #if PostgreSQL
            [sqlite, postgres]
        #else
            [sqlite]
        #endif
    }

    /// The server the PostgreSQL cases use (scripts/test starts one with scripts/dev/pg-cluster).
    static let postgresURL = ProcessInfo.processInfo.environment["PAINMAP_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }
    /// CI sets `CI`; there a missing server fails the PostgreSQL cases instead of skipping them.
    static let isCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty

    #if PostgreSQL
        /// Each test gets its own schema in the test database, dropped afterwards.
        static let postgres = StoreBackend(
            name: "PostgreSQL",
            scoped: { body in
                guard let base = postgresURL else {
                    throw PostgresStoreError(
                        message:
                            "PAINMAP_TEST_POSTGRES_URL не задан: контрактные тесты PostgreSQL требуют сервер; запустите scripts/test (он поднимает кластер через scripts/dev/pg-cluster)",
                        status: .configError
                    )
                }
                try await PostgresFeedbackStore.withStore(try PostgresStoreAddress(schemaURL(base))) { store in
                    do {
                        try await body(store)
                    } catch {
                        try? await store.dropSchema()
                        throw error
                    }
                    try? await store.dropSchema()
                }
            },
            originals: { store in try await (store as? PostgresFeedbackStore)?.originalTexts() ?? [:] }
        )

        /// The base URL with a fresh `schema=` option.
        static func schemaURL(_ base: String) -> String {
            let schema = "contract_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
            return base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
        }

        /// Whether the PostgreSQL cases can run here; in CI they run and fail without a server.
        static var postgresRunnable: Bool { postgresURL != nil || isCI }
    #endif

    /// The backends whose cases run here: without a server outside CI, PostgreSQL's are left out (and the
    /// `postgresServerIsAvailable` test says so as a skip); in CI they stay, and fail loudly.
    static var runnable: [StoreBackend] {
        #if PostgreSQL
            postgresRunnable ? all : [sqlite]
        #else
            all
        #endif
    }
}
