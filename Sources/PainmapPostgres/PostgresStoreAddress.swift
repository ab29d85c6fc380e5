#if PostgreSQL
    public import Foundation
    import PainmapCore

    /// Where a PostgreSQL store lives, parsed from `postgres://user[:password]@host[:port]/database[?options]`.
    ///
    /// Options: `schema=NAME` keeps the store's tables in one schema (created if missing; default `public`),
    /// `sslmode=disable|prefer|require` (default `prefer`, as libpq), `host=/path/to/socket/dir` connects through a
    /// Unix socket instead of TCP (`postgres://user@/db?host=/run/postgresql`). Without a password in the URL,
    /// `PGPASSWORD` is used.
    public struct PostgresStoreAddress: Sendable, Hashable, CustomStringConvertible {
        /// How to use TLS.
        public enum TLSMode: String, Sendable, Hashable {
            /// Plain TCP.
            case disable
            /// TLS if the server offers it.
            case prefer
            /// TLS or fail.
            case require
        }

        /// The server's host name, or `nil` for a Unix socket.
        public var host: String?
        /// The TCP port.
        public var port: Int
        /// The Unix socket's path (`<dir>/.s.PGSQL.<port>`), if connecting through one.
        public var unixSocketPath: String?
        /// The role to log in as.
        public var user: String
        /// The password, if any.
        public var password: String?
        /// The database.
        public var database: String
        /// The schema holding the store's tables.
        public var schema: String
        /// TLS use.
        public var tls: TLSMode

        /// Whether a `--store` value names a PostgreSQL store (`postgres://` or `postgresql://`).
        public static func isPostgresURL(_ text: String) -> Bool {
            text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
        }

        /// Parses a store URL.
        ///
        /// - Parameters:
        ///   - text: The URL.
        ///   - environment: Where `PGPASSWORD` and `USER` are looked up.
        /// - Throws: ``LocatedFailure`` (configuration) naming what is wrong.
        public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
            guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
                throw LocatedFailure.store(
                    .storeLocation,
                    message:
                        "адрес хранилища «\(Self.redacted(text))» не разобран; пишите postgres://пользователь@хост:порт/база"
                )
            }
            let items = components.queryItems ?? []
            func option(_ name: String) -> String? { items.first(where: { $0.name == name })?.value }
            for item in items where !["schema", "sslmode", "host"].contains(item.name) {
                throw LocatedFailure.store(
                    .storeLocation,
                    message: "неизвестный параметр «\(item.name)» в адресе хранилища; допустимы schema, sslmode, host"
                )
            }
            user =
                components.user?.removingPercentEncoding ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
            password = components.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
            port = components.port ?? 5432
            let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
            database = path.removingPercentEncoding ?? path
            guard !database.isEmpty, !database.contains("/") else {
                throw LocatedFailure.store(
                    .storeLocation,
                    message:
                        "в адресе хранилища «\(Self.redacted(text))» не указана база данных: postgres://пользователь@хост:порт/база"
                )
            }
            schema = option("schema") ?? "public"
            guard Self.isPlainIdentifier(schema) else {
                throw LocatedFailure.store(
                    .storeLocation,
                    message:
                        "имя схемы «\(schema)» недопустимо: только строчные латинские буквы, цифры и _, не с цифры"
                )
            }
            let mode = option("sslmode") ?? "prefer"
            guard let tls = TLSMode(rawValue: mode) else {
                throw LocatedFailure.store(
                    .storeLocation,
                    message: "sslmode=\(mode) не поддерживается; укажите disable, prefer или require"
                )
            }
            self.tls = tls
            if let socketDirectory = option("host"), socketDirectory.hasPrefix("/") {
                host = nil
                unixSocketPath = socketDirectory + "/.s.PGSQL.\(port)"
            } else if let name = components.host, !name.isEmpty {
                host = name
                unixSocketPath = nil
            } else {
                throw LocatedFailure.store(
                    .storeLocation,
                    message:
                        "в адресе хранилища «\(Self.redacted(text))» нет хоста; укажите хост или ?host=/каталог/сокета"
                )
            }
        }

        /// The address without the password, for messages and logs.
        public var description: String {
            let endpoint = host.map { "\($0):\(port)" } ?? unixSocketPath ?? ""
            return "postgres://\(user)@\(endpoint)/\(database)\(schema == "public" ? "" : "?schema=\(schema)")"
        }

        /// `host:port` or the socket path: what a connection failure names.
        public var endpoint: String { host.map { "\($0):\(port)" } ?? unixSocketPath ?? "" }

        /// A URL with its password replaced by `***`.
        static func redacted(_ text: String) -> String {
            guard var components = URLComponents(string: text), components.password != nil else { return text }
            components.password = "***"
            return components.string ?? text
        }

        /// `[a-z_][a-z0-9_]*`, at most 63 bytes: safe to splice into SQL unquoted.
        static func isPlainIdentifier(_ name: String) -> Bool {
            guard let first = name.utf8.first, name.utf8.count <= 63,
                first == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
            else {
                return false
            }
            return name.utf8.allSatisfy {
                $0 == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
            }
        }
    }
#endif
