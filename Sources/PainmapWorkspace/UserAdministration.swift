#if Workspace
    public import Foundation
    public import PainmapCore

    /// `painmap users add|disable|enable|passwd|list`: the workspace's accounts in the store.
    ///
    /// Passwords arrive from the caller (stdin or a prompt, never a command-line flag, which `ps` would show) and are
    /// stored only as bcrypt hashes.
    public struct UserAdministration: Sendable {
        /// The store's accounts.
        public let store: any WorkspaceUserStore
        /// The region codes the configuration knows (`Config/regions.yaml`), to refuse a typo.
        public let knownRegions: Set<String>

        /// The shortest password accepted.
        public static let minimumPasswordLength = 10

        /// Creates the administration over a store.
        public init(store: any WorkspaceUserStore, knownRegions: Set<String>) {
            self.store = store
            self.knownRegions = knownRegions
        }

        /// Adds an account.
        ///
        /// - Throws: ``LocatedFailure`` (64) for a bad login, unknown region, short password or a login taken.
        public func add(name: String, role: WorkspaceRole, regions: [String], password: String, now: Date = Date())
            async throws
        {
            try Self.checkName(name)
            let regions = try checkRegions(regions, role: role)
            try Self.checkPassword(password)
            let user = WorkspaceUser(
                name: name,
                role: role,
                regions: regions,
                passwordHash: PasswordHasher.hash(password),
                createdAt: now,
                updatedAt: now
            )
            guard try await store.insertWorkspaceUser(user) else {
                throw Self.usage("учётная запись «\(name)» уже есть; пароль меняет painmap users passwd \(name)")
            }
        }

        /// Disables (or, with `disabled: false`, enables) an account; its open sessions end at their next request.
        public func setDisabled(name: String, disabled: Bool, now: Date = Date()) async throws {
            var user = try await existing(name)
            user.isDisabled = disabled
            user.updatedAt = now
            _ = try await store.updateWorkspaceUser(user)
        }

        /// Sets a new password.
        public func setPassword(name: String, password: String, now: Date = Date()) async throws {
            try Self.checkPassword(password)
            var user = try await existing(name)
            user.passwordHash = PasswordHasher.hash(password)
            user.updatedAt = now
            _ = try await store.updateWorkspaceUser(user)
        }

        /// Every account, by login.
        public func list() async throws -> [WorkspaceUser] {
            try await store.workspaceUsers()
        }

        private func existing(_ name: String) async throws -> WorkspaceUser {
            guard let user = try await store.workspaceUser(named: name) else {
                throw LocatedFailure(
                    .missingInput,
                    message: "учётной записи «\(name)» нет; список: painmap users list",
                    status: .noInput
                )
            }
            return user
        }

        private func checkRegions(_ regions: [String], role: WorkspaceRole) throws -> [String] {
            if regions.isEmpty, role != .admin {
                throw Self.usage("укажите регионы учётной записи: --regions 54,41")
            }
            if let unknown = regions.first(where: { !knownRegions.contains($0) }) {
                throw Self.usage("региона «\(unknown)» нет в Config/regions.yaml (двузначный код, например 54)")
            }
            return regions
        }

        static func checkName(_ name: String) throws {
            let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-".unicodeScalars)
            guard (2...64).contains(name.count), name.unicodeScalars.allSatisfy(allowed.contains) else {
                throw usage("имя «\(name)»: 2–64 символа из строчных латинских букв, цифр и . _ -")
            }
        }

        static func checkPassword(_ password: String) throws {
            guard password.count >= minimumPasswordLength else {
                throw usage("пароль короче \(minimumPasswordLength) символов")
            }
            guard password.utf8.count <= 72 else {
                throw usage("пароль длиннее 72 байт (bcrypt учитывает только первые 72)")
            }
        }

        static func usage(_ message: String) -> LocatedFailure {
            LocatedFailure(.usage, message: message, status: .usage)
        }
    }
#endif
