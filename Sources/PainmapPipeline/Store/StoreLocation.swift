public import Foundation
public import PainmapCore
import PainmapSQLite

#if PostgreSQL
    import PainmapPostgres
#endif

/// Which store a `--store` value (or `PAINMAP_STORE`) names, and how to open it: the one place painmap picks a
/// backend.
///
/// `postgres://user@host:port/db` (or `postgresql://…`) is the PostgreSQL store, available when painmap is built with
/// the `PostgreSQL` package trait; anything else is the path of a SQLite file.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// An embedded SQLite file.
    case sqlite(URL)
    /// A PostgreSQL server, by URL.
    case postgres(String)

    /// The default when neither `--store` nor `PAINMAP_STORE` is given.
    public static let defaultPath = "data/painmap.sqlite"

    /// Resolves `--store`, then `PAINMAP_STORE`, then ``defaultPath``.
    ///
    /// - Parameters:
    ///   - option: The `--store` value, if given.
    ///   - environment: The process environment.
    public init(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let value = option ?? environment["PAINMAP_STORE"] ?? Self.defaultPath
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            self = .postgres(value)
        } else {
            self = .sqlite(URL(fileURLWithPath: value).standardizedFileURL)
        }
    }

    /// Whether this build can open PostgreSQL stores.
    public static var isPostgresAvailable: Bool {
        #if PostgreSQL
            true
        #else
            false
        #endif
    }

    /// Whether a command that only reads can expect data: a SQLite file must exist; a server store is asked.
    public var mayHoldData: Bool {
        switch self {
        case .sqlite(let url): FileManager.default.fileExists(atPath: url.path)
        case .postgres: true
        }
    }

    /// The SQLite path, or the URL with its password hidden.
    public var description: String {
        switch self {
        case .sqlite(let url): url.path
        case .postgres(let text): Self.hidingPassword(text)
        }
    }

    /// Opens (creating and migrating if needed) the store for the length of `body`.
    ///
    /// A SQLite file admits one writing process at a time: with `exclusive`, its run lock (`<store>.run.lock`, a
    /// `flock` the kernel releases if the holder dies) is taken before the file is opened and held until `body`
    /// returns. A PostgreSQL store guards its writers inside the server (per-source advisory locks for ingest,
    /// single-transaction upserts for the rest), so runs on several hosts may overlap and no lock is taken; its
    /// connection pool runs for the length of `body`.
    ///
    /// - Parameters:
    ///   - exclusive: Whether `body` writes (ingest, classify, run) and so needs the store to itself where the store
    ///     cannot share.
    ///   - wait: With `exclusive`, wait for another run to finish instead of failing.
    ///   - body: What to do with the store.
    /// - Returns: What `body` returns.
    /// - Throws: ``RunLock/Busy`` when another run holds the lock; the backend's store error; ``CommandFailure`` (78)
    ///   for a PostgreSQL URL in a build without the `PostgreSQL` trait; what `body` throws.
    public func withStore<T>(
        exclusive: Bool = false,
        wait: Bool = false,
        _ body: (any FeedbackStore) async throws -> T
    ) async throws -> T {
        switch self {
        case .sqlite(let url):
            let lock = exclusive ? try RunLock.acquire(store: url, wait: wait) : nil
            defer { withExtendedLifetime(lock) {} }
            return try await body(try SQLiteFeedbackStore(url: url))
        case .postgres(let text):
            guard Self.isPostgresAvailable else {
                throw CommandFailure(
                    "хранилище \(Self.hidingPassword(text)) — PostgreSQL, а painmap собран без него; соберите с поддержкой PostgreSQL: swift build -c release --traits PostgreSQL",
                    status: .configError
                )
            }
            return try await Self.withPostgres(text, body)
        }
    }

    #if PostgreSQL
        private static func withPostgres<T>(_ text: String, _ body: (any FeedbackStore) async throws -> T)
            async throws -> T
        {
            try await PostgresFeedbackStore.withStore(try PostgresStoreAddress(text)) { try await body($0) }
        }
    #else
        // Unreachable (guarded by isPostgresAvailable); keeps the call above compiling in the default build.
        private static func withPostgres<T>(_ text: String, _ body: (any FeedbackStore) async throws -> T)
            async throws -> T
        {
            throw CommandFailure("painmap собран без PostgreSQL", status: .configError)
        }
    #endif

    private static func hidingPassword(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
