#if PostgreSQL
    extension PostgresMigrations {
        /// `v9_workspace_users`: the accounts of the analysts' workspace, as in SQLite (passwords only as bcrypt hashes,
        /// regions as a comma-separated list of two-digit codes).
        static let workspaceUsers: (name: String, sql: String) = (
            "v9_workspace_users",
            """
            CREATE TABLE workspace_user (
                name text COLLATE "C" PRIMARY KEY,
                role text NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
                regions text NOT NULL,
                password_hash text NOT NULL,
                disabled boolean NOT NULL DEFAULT false,
                created_at double precision NOT NULL,
                updated_at double precision NOT NULL
            );
            """
        )
    }
#endif
