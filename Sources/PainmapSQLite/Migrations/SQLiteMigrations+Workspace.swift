import GRDB

extension SQLiteMigrations {
    /// `v9_workspace_users`: the accounts of the analysts' workspace (`painmap serve`, `painmap users`).
    ///
    /// Passwords only as bcrypt hashes; regions as a comma-separated list of two-digit codes. Named v9 after the
    /// review decisions' v8 (issue 13), which may land in either order.
    static func registerWorkspaceUsers(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9_workspace_users") { db in
            try db.execute(
                sql: """
                    CREATE TABLE workspace_user (
                        name TEXT PRIMARY KEY,
                        role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
                        regions TEXT NOT NULL,
                        password_hash TEXT NOT NULL,
                        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
                        created_at REAL NOT NULL,
                        updated_at REAL NOT NULL
                    )
                    """
            )
        }
    }
}
