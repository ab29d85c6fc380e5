#if Workspace
    public import Foundation

    /// How `painmap serve` listens and treats its clients.
    public struct WorkspaceOptions: Sendable {
        /// The address to bind (`127.0.0.1`; behind a reverse proxy keep it on loopback).
        public var host: String
        /// The port (0 picks a free one; the chosen port is printed).
        public var port: Int
        /// The report tree a run wrote (`painmap run --out`).
        public var reportsDirectory: URL
        /// Whether session cookies carry `Secure` always (the workspace is reached over HTTPS only).
        public var secureCookies: Bool
        /// Whether a reverse proxy on loopback fronts the workspace: the client address comes from its
        /// `X-Forwarded-For` (for the login limit) and `X-Forwarded-Proto: https` makes cookies `Secure`.
        public var behindProxy: Bool
        /// Seconds a session lives without a request.
        public var sessionLifetime: TimeInterval
        /// Records per page on a pain's page.
        public var recordsPerPage: Int

        /// Creates options.
        public init(
            host: String = "127.0.0.1",
            port: Int = 8080,
            reportsDirectory: URL,
            secureCookies: Bool = false,
            behindProxy: Bool = false,
            sessionLifetime: TimeInterval = 8 * 3600,
            recordsPerPage: Int = 20
        ) {
            self.host = host
            self.port = port
            self.reportsDirectory = reportsDirectory
            self.secureCookies = secureCookies
            self.behindProxy = behindProxy
            self.sessionLifetime = sessionLifetime
            self.recordsPerPage = recordsPerPage
        }

        /// Parses `--listen HOST:PORT`.
        ///
        /// - Returns: `nil` when the value is not `host:port` with a port in 0…65535.
        public static func listen(_ value: String) -> (host: String, port: Int)? {
            guard let colon = value.lastIndex(of: ":"), let port = Int(value[value.index(after: colon)...]),
                (0...65_535).contains(port)
            else { return nil }
            let host = String(value[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            return host.isEmpty ? nil : (host, port)
        }
    }
#endif
