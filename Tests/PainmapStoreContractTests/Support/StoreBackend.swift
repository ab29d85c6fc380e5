import Foundation
import PainmapCore
import PainmapSQLite
import PainmapTestSupport
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
            let directory = try TemporaryDirectory("contract")
            try await body(try SQLiteFeedbackStore(url: directory.url.appendingPathComponent("s.sqlite")))
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
    /// CI sets `CI`; there a build without the PostgreSQL trait is reported.
    static let isCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    /// `PAINMAP_TEST_TRAITS=none`: the run explicitly opts out of the PostgreSQL cases.
    static let optedOut = ProcessInfo.processInfo.environment["PAINMAP_TEST_TRAITS"] == "none"

    #if PostgreSQL
        /// Each test gets its own schema in the test database, dropped afterwards.
        static let postgres = StoreBackend(
            name: "PostgreSQL",
            scoped: { body in
                guard let base = postgresURL else {
                    throw LocatedFailure.store(
                        .storeLocation,
                        message:
                            "PAINMAP_TEST_POSTGRES_URL не задан: контрактные тесты PostgreSQL требуют сервер; запустите scripts/test (он поднимает кластер через scripts/dev/pg-cluster)"
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

        /// Whether the PostgreSQL cases run: always with the trait, failing with a clear message when no server is
        /// configured, unless the run opts out with `PAINMAP_TEST_TRAITS=none`.
        static var postgresRunnable: Bool { !optedOut }
    #endif

    /// The backends whose cases run here: PostgreSQL's too when the trait is built, unless the run opts out.
    static var runnable: [StoreBackend] {
        #if PostgreSQL
            postgresRunnable ? all : [sqlite]
        #else
            all
        #endif
    }
}
