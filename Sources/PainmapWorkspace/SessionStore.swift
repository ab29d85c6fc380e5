#if Workspace
    import Foundation

    /// One logged-in browser: the account, the CSRF token its forms carry, and when it lapses.
    struct WorkspaceSession: Sendable, Hashable {
        /// The cookie value (256 random bits, hex).
        let token: String
        /// The account's login.
        let user: String
        /// The token every form of this session must send back (`_csrf`).
        let csrf: String
        /// When the session ends unless used.
        var expires: Date
    }

    /// The workspace's sessions, in memory: a restart logs everyone out, which is the safe direction.
    actor SessionStore {
        private var sessions: [String: WorkspaceSession] = [:]
        private let lifetime: TimeInterval

        /// Creates a store whose sessions lapse after `lifetime` seconds without a request.
        init(lifetime: TimeInterval) {
            self.lifetime = lifetime
        }

        /// Starts a session for `user`.
        func create(user: String, now: Date = Date()) -> WorkspaceSession {
            let session = WorkspaceSession(
                token: Self.randomToken(),
                user: user,
                csrf: Self.randomToken(),
                expires: now.addingTimeInterval(lifetime)
            )
            sessions[session.token] = session
            return session
        }

        /// The live session of a cookie value, extended by this use; `nil` when unknown or lapsed.
        func session(token: String, now: Date = Date()) -> WorkspaceSession? {
            guard var session = sessions[token] else { return nil }
            guard session.expires > now else {
                sessions[token] = nil
                return nil
            }
            session.expires = now.addingTimeInterval(lifetime)
            sessions[token] = session
            return session
        }

        /// Ends a session (logout).
        func remove(token: String) {
            sessions[token] = nil
        }

        /// 256 random bits from the system's CSPRNG, as hex.
        static func randomToken() -> String {
            var generator = SystemRandomNumberGenerator()
            return (0..<4).map { _ in
                let value = generator.next() as UInt64
                let hex = String(value, radix: 16)
                return String(repeating: "0", count: 16 - hex.count) + hex
            }.joined()
        }

        /// Compares two tokens in time independent of where they differ.
        static func matches(_ a: String, _ b: String) -> Bool {
            let x = Array(a.utf8)
            let y = Array(b.utf8)
            guard x.count == y.count, !x.isEmpty else { return false }
            var difference: UInt8 = 0
            for index in x.indices { difference |= x[index] ^ y[index] }
            return difference == 0
        }
    }
#endif
