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

    /// The file the run lock guards, for a SQLite store; `nil` for PostgreSQL, whose writers are made safe inside the
    /// server (per-source advisory locks for ingest, single-transaction upserts for the rest), so runs on several
    /// hosts may overlap.
    public var runLockStore: URL? {
        if case .sqlite(let url) = self { return url }
        return nil
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

    /// Opens (creating and migrating if needed) the store.
    ///
    /// - Throws: the backend's store error, or ``LocatedFailure`` (``FailureCode/storeLocation``, 78) for a PostgreSQL URL in a build without the
    ///   `PostgreSQL` trait.
    public func open() async throws -> any FeedbackStore {
        switch self {
        case .sqlite(let url):
            return try SQLiteFeedbackStore(url: url)
        case .postgres(let text):
            guard Self.isPostgresAvailable else {
                throw LocatedFailure(
                    .storeLocation,
                    message:
                        "хранилище \(Self.hidingPassword(text)) — PostgreSQL, а painmap собран без него; соберите с поддержкой PostgreSQL: swift build -c release --traits PostgreSQL",
                    status: .configError
                )
            }
            return try await Self.openPostgres(text)
        }
    }

    #if PostgreSQL
        private static func openPostgres(_ text: String) async throws -> any FeedbackStore {
            try await PostgresFeedbackStore.open(try PostgresStoreAddress(text))
        }
    #else
        // Unreachable (guarded by isPostgresAvailable); keeps the call above compiling in the default build.
        private static func openPostgres(_ text: String) async throws -> any FeedbackStore {
            throw LocatedFailure(.storeLocation, message: "painmap собран без PostgreSQL", status: .configError)
        }
    #endif

    private static func hidingPassword(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
