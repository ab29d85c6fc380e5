#if PostgreSQL
    import Foundation
    public import PainmapCore
    import PostgresNIO

    extension PostgresFeedbackStore: WorkspaceUserStore {
        public func workspaceUser(named name: String) async throws -> WorkspaceUser? {
            var sql = SQLBuilder()
            sql.append("SELECT * FROM workspace_user WHERE name = \(sql.bind(name))")
            return try await rows(sql, action: "прочитать учётную запись").first.map(Self.user)
        }

        public func workspaceUsers() async throws -> [WorkspaceUser] {
            try await rows(SQLBuilder("SELECT * FROM workspace_user ORDER BY name"), action: "прочитать учётные записи")
                .map(Self.user)
        }

        public func insertWorkspaceUser(_ user: WorkspaceUser) async throws -> Bool {
            var sql = SQLBuilder()
            sql.append(
                """
                INSERT INTO workspace_user (name, role, regions, password_hash, disabled, created_at, updated_at)
                VALUES (\(sql.bind(user.name)), \(sql.bind(user.role.rawValue)), \(sql.bind(user.regionList)),
                \(sql.bind(user.passwordHash)), \(sql.bind(user.isDisabled)),
                \(sql.bind(user.createdAt.timeIntervalSince1970)), \(sql.bind(user.updatedAt.timeIntervalSince1970)))
                ON CONFLICT (name) DO NOTHING RETURNING name
                """
            )
            return try await !rows(sql, action: "добавить учётную запись").isEmpty
        }

        public func updateWorkspaceUser(_ user: WorkspaceUser) async throws -> Bool {
            var sql = SQLBuilder()
            sql.append(
                """
                UPDATE workspace_user SET role = \(sql.bind(user.role.rawValue)), regions = \(sql.bind(user.regionList)),
                password_hash = \(sql.bind(user.passwordHash)), disabled = \(sql.bind(user.isDisabled)),
                updated_at = \(sql.bind(user.updatedAt.timeIntervalSince1970))
                WHERE name = \(sql.bind(user.name)) RETURNING name
                """
            )
            return try await !rows(sql, action: "изменить учётную запись").isEmpty
        }

        private static func user(_ row: PostgresRandomAccessRow) throws -> WorkspaceUser {
            let roleName = try row["role"].decode(String.self)
            guard let role = WorkspaceRole(rawValue: roleName) else {
                throw LocatedFailure.store(.storeInternal, message: "неизвестная роль «\(roleName)» в workspace_user")
            }
            return WorkspaceUser(
                name: try row["name"].decode(String.self),
                role: role,
                regions: WorkspaceUser.regions(from: try row["regions"].decode(String.self)),
                passwordHash: try row["password_hash"].decode(String.self),
                isDisabled: try row["disabled"].decode(Bool.self),
                createdAt: Date(timeIntervalSince1970: try row["created_at"].decode(Double.self)),
                updatedAt: Date(timeIntervalSince1970: try row["updated_at"].decode(Double.self))
            )
        }
    }
#endif
