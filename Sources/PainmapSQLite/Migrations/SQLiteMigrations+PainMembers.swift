import GRDB

extension SQLiteMigrations {
    /// `v10_pain_members`: the records a run put into each pain, written with the pains (issue 13's workspace lists a
    /// pain's records from here).
    ///
    /// Keyed by the pain and the member's position in the listed order (newest first), so a page is a range of the
    /// primary key; a region-quarter's rows go in one `DELETE` on its prefix when a rerun replaces its pains. No row
    /// per record is kept for pains stored before this migration: their pages say so until the next run.
    static func registerPainMembers(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10_pain_members") { db in
            try db.execute(
                sql: """
                    CREATE TABLE pain_member (
                        region TEXT NOT NULL,
                        quarter TEXT NOT NULL,
                        life_situation TEXT NOT NULL,
                        pain_id TEXT NOT NULL,
                        position INTEGER NOT NULL CHECK (position >= 1),
                        record_id INTEGER NOT NULL,
                        PRIMARY KEY (region, quarter, life_situation, pain_id, position)
                    ) WITHOUT ROWID
                    """
            )
        }
    }
}
