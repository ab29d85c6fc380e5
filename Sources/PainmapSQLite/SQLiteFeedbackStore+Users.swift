import Foundation
import GRDB
public import PainmapCore

extension SQLiteFeedbackStore: WorkspaceUserStore {
    public func workspaceUser(named name: String) async throws -> WorkspaceUser? {
        try await read(action: "прочитать учётную запись") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM workspace_user WHERE name = ?", arguments: [name]).map(Self.user)
        }
    }

    public func workspaceUsers() async throws -> [WorkspaceUser] {
        try await read(action: "прочитать учётные записи") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM workspace_user ORDER BY name").map(Self.user)
        }
    }

    public func insertWorkspaceUser(_ user: WorkspaceUser) async throws -> Bool {
        try await write(action: "добавить учётную запись") { db in
            try db.execute(
                sql: """
                    INSERT INTO workspace_user (name, role, regions, password_hash, disabled, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING
                    """,
                arguments: [
                    user.name, user.role.rawValue, user.regionList, user.passwordHash, user.isDisabled,
                    user.createdAt.timeIntervalSince1970, user.updatedAt.timeIntervalSince1970,
                ]
            )
            return db.changesCount == 1
        }
    }

    public func updateWorkspaceUser(_ user: WorkspaceUser) async throws -> Bool {
        try await write(action: "изменить учётную запись") { db in
            try db.execute(
                sql: """
                    UPDATE workspace_user SET role = ?, regions = ?, password_hash = ?, disabled = ?, updated_at = ?
                    WHERE name = ?
                    """,
                arguments: [
                    user.role.rawValue, user.regionList, user.passwordHash, user.isDisabled,
                    user.updatedAt.timeIntervalSince1970, user.name,
                ]
            )
            return db.changesCount == 1
        }
    }

    private func read<T: Sendable>(action: String, _ body: @escaping @Sendable (Database) throws -> T) async throws
        -> T
    {
        do {
            return try await pool.read(body)
        } catch {
            throw LocatedFailure(sqlite: error, action: action)
        }
    }

    private func write<T: Sendable>(action: String, _ body: @escaping @Sendable (Database) throws -> T) async throws
        -> T
    {
        do {
            return try await pool.write(body)
        } catch {
            throw LocatedFailure(sqlite: error, action: action)
        }
    }

    private static func user(_ row: Row) throws -> WorkspaceUser {
        let roleName: String = row["role"]
        guard let role = WorkspaceRole(rawValue: roleName) else {
            throw LocatedFailure.store(.storeInternal, message: "неизвестная роль «\(roleName)» в workspace_user")
        }
        return WorkspaceUser(
            name: row["name"],
            role: role,
            regions: WorkspaceUser.regions(from: row["regions"]),
            passwordHash: row["password_hash"],
            isDisabled: row["disabled"],
            createdAt: Date(timeIntervalSince1970: row["created_at"]),
            updatedAt: Date(timeIntervalSince1970: row["updated_at"])
        )
    }
}
