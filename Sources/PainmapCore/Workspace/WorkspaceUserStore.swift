/// Where the workspace's accounts live: the same store as the records (table `workspace_user`, migration
/// `v9_workspace_users`), on SQLite and PostgreSQL alike.
public protocol WorkspaceUserStore: Sendable {
    /// The account with this login, if any.
    func workspaceUser(named name: String) async throws -> WorkspaceUser?

    /// Every account, by login.
    func workspaceUsers() async throws -> [WorkspaceUser]

    /// Adds an account.
    ///
    /// - Returns: `false` when the login is taken (nothing changes then).
    func insertWorkspaceUser(_ user: WorkspaceUser) async throws -> Bool

    /// Replaces the role, regions, hash, disabled flag and update time of an existing account.
    ///
    /// - Returns: `false` when there is no such login.
    func updateWorkspaceUser(_ user: WorkspaceUser) async throws -> Bool
}
