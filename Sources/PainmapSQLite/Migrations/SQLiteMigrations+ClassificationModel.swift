import GRDB

extension SQLiteMigrations {
    /// `v11_classification_model`: the digest of the last classification run and what its training read, one row
    /// (``ClassificationModelStore``): a run with nothing to classify finds it current and does not train again.
    ///
    /// Additive (a new table, no existing row read or changed); named v11 after the pain members' v10 (issue 16,
    /// `painmap serve`), which may land in either order.
    static func registerClassificationModel(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11_classification_model") { db in
            try db.execute(
                sql: """
                    CREATE TABLE classification_model (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        config_digest TEXT NOT NULL,
                        rules TEXT NOT NULL,
                        records INTEGER NOT NULL,
                        saved_at REAL NOT NULL
                    )
                    """
            )
        }
    }
}
