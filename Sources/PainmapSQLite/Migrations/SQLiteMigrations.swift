import GRDB

/// The store's schema, as numbered migrations.
///
/// A migration that has landed never changes.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1_feedback") { db in
            try db.execute(
                sql: """
                    CREATE TABLE ingested_file (
                        id INTEGER PRIMARY KEY,
                        digest TEXT NOT NULL UNIQUE,
                        path TEXT NOT NULL,
                        feed TEXT NOT NULL,
                        source TEXT NOT NULL,
                        outcome TEXT NOT NULL CHECK (outcome IN ('done', 'rejected')),
                        encoding TEXT,
                        rows_read INTEGER NOT NULL DEFAULT 0,
                        rows_stored INTEGER NOT NULL DEFAULT 0,
                        rows_updated INTEGER NOT NULL DEFAULT 0,
                        rows_quarantined INTEGER NOT NULL DEFAULT 0,
                        rows_duplicate INTEGER NOT NULL DEFAULT 0,
                        rejection_reason TEXT,
                        rejection_message TEXT,
                        ingested_at REAL NOT NULL,
                        CHECK (rows_read = rows_stored + rows_quarantined + rows_duplicate)
                    );
                    CREATE TABLE feedback_record (
                        id INTEGER PRIMARY KEY,
                        source TEXT NOT NULL,
                        natural_key TEXT NOT NULL,
                        feed TEXT NOT NULL,
                        source_record_id TEXT,
                        received_at REAL NOT NULL,
                        answered_at REAL,
                        deadline_at REAL,
                        region TEXT NOT NULL,
                        region_raw TEXT NOT NULL,
                        region_code_system TEXT NOT NULL,
                        quarter TEXT NOT NULL,
                        municipality TEXT,
                        oktmo TEXT,
                        category_raw TEXT,
                        subcategory_raw TEXT,
                        category_code TEXT,
                        text TEXT NOT NULL,
                        answer_text TEXT,
                        status_raw TEXT,
                        status TEXT,
                        organization TEXT,
                        organization_id TEXT,
                        authority_id TEXT,
                        service_id TEXT,
                        service_name TEXT,
                        procedure_id TEXT,
                        channel TEXT,
                        is_59fz INTEGER,
                        ratings TEXT NOT NULL,
                        life_situation_hint TEXT,
                        content_digest INTEGER NOT NULL,
                        file_id INTEGER NOT NULL REFERENCES ingested_file(id),
                        line INTEGER NOT NULL,
                        UNIQUE (source, natural_key)
                    );
                    CREATE INDEX feedback_record_slice ON feedback_record(region, quarter, source);
                    CREATE TABLE quarantined_row (
                        id INTEGER PRIMARY KEY,
                        file_id INTEGER NOT NULL REFERENCES ingested_file(id),
                        line INTEGER NOT NULL,
                        column_name TEXT,
                        reason TEXT NOT NULL,
                        message TEXT NOT NULL,
                        raw BLOB NOT NULL
                    );
                    CREATE INDEX quarantined_row_file ON quarantined_row(file_id, line);
                    """
            )
        }
        // Life situation and stage per record (issue 4 §2). Keyed by the record's row id, which an update of the
        // record keeps; `record_digest` is the record's content_digest when classified, so a changed record and a
        // changed configuration (`config_digest`) both make the row stale.
        migrator.registerMigration("v2_classification") { db in
            try db.execute(
                sql: """
                    CREATE TABLE record_classification (
                        record_id INTEGER PRIMARY KEY REFERENCES feedback_record(id),
                        life_situation TEXT,
                        stage TEXT NOT NULL,
                        rule TEXT NOT NULL CHECK (rule IN ('survey_hint', 'service', 'category', 'keywords', 'none')),
                        evidence TEXT NOT NULL,
                        stage_rule TEXT NOT NULL CHECK (stage_rule IN ('criteria_text', 'criteria', 'text', 'default')),
                        stage_evidence TEXT NOT NULL,
                        config_digest TEXT NOT NULL,
                        record_digest INTEGER NOT NULL,
                        classified_at REAL NOT NULL,
                        CHECK ((rule = 'none') = (life_situation IS NULL))
                    );
                    """
            )
        }
        // Redaction at ingest (issue 6): the identifiers removed from each record (for the report gate) and, only with
        // `keep_originals: true`, the original texts in a table of their own that analysis and reports never read.
        migrator.registerMigration("v3_redaction") { db in
            try db.execute(
                sql: """
                    CREATE TABLE redacted_identifier (
                        id INTEGER PRIMARY KEY,
                        record_id INTEGER NOT NULL REFERENCES feedback_record(id),
                        type TEXT NOT NULL CHECK (type IN ('phone', 'email', 'snils', 'inn', 'ogrn', 'passport', 'card',
                            'vehicle_plate', 'address', 'full_name')),
                        normalized TEXT NOT NULL,
                        UNIQUE (record_id, type, normalized)
                    );
                    CREATE INDEX redacted_identifier_normalized ON redacted_identifier(normalized);
                    CREATE TABLE record_original (
                        record_id INTEGER PRIMARY KEY REFERENCES feedback_record(id),
                        text TEXT NOT NULL,
                        answer_text TEXT
                    );
                    """
            )
        }
        // Pains per region, quarter and life situation (issue 5): the previous quarter's pains are what a run
        // matches against, and earlier quarters feed the trend charts. A run replaces one region-quarter at once.
        migrator.registerMigration("v4_pains") { db in
            try db.execute(
                sql: """
                    CREATE TABLE pain (
                        region TEXT NOT NULL,
                        quarter TEXT NOT NULL,
                        life_situation TEXT NOT NULL,
                        pain_id TEXT NOT NULL,
                        rank INTEGER NOT NULL,
                        title TEXT NOT NULL,
                        stage TEXT NOT NULL,
                        count INTEGER NOT NULL CHECK (count >= 0),
                        priority REAL NOT NULL,
                        is_signal INTEGER NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('new', 'recurring')),
                        previous_count INTEGER NOT NULL CHECK (previous_count >= 0),
                        centroid TEXT NOT NULL,
                        PRIMARY KEY (region, quarter, life_situation, pain_id)
                    );
                    """
            )
        }
        // v5_region_run is PostgreSQL's claim table for worker processes (one process per SQLite store, so none
        // here).
        //
        // Both stores' slice index is (region, quarter, source) (`FeedbackRecordColumns.sliceIndex` says why the
        // queries want region first). SQLite's v1 built it so; PostgreSQL's v1 built (quarter, region, source), which
        // its v6 rebuilds. Here v6 only makes sure, rebuilding an index of any other shape.
        migrator.registerMigration("v6_slice_index") { db in
            let columns = try String.fetchAll(
                db,
                sql: "SELECT name FROM pragma_index_info('feedback_record_slice') ORDER BY seqno"
            )
            guard columns != ["region", "quarter", "source"] else { return }
            try db.execute(
                sql: """
                    DROP INDEX IF EXISTS feedback_record_slice;
                    CREATE INDEX feedback_record_slice ON feedback_record(region, quarter, source);
                    """
            )
        }
        // The `learned` situation and stage rules (issue 18): SQLite cannot alter a CHECK constraint, so the table is
        // rebuilt with the same columns and rows.
        migrator.registerMigration("v7_classification_learned") { db in
            try db.execute(
                sql: """
                    CREATE TABLE record_classification_v7 (
                        record_id INTEGER PRIMARY KEY REFERENCES feedback_record(id),
                        life_situation TEXT,
                        stage TEXT NOT NULL,
                        rule TEXT NOT NULL CHECK (rule IN ('survey_hint', 'service', 'category', 'keywords', 'learned',
                            'none')),
                        evidence TEXT NOT NULL,
                        stage_rule TEXT NOT NULL CHECK (stage_rule IN ('criteria_text', 'criteria', 'text', 'learned',
                            'default')),
                        stage_evidence TEXT NOT NULL,
                        config_digest TEXT NOT NULL,
                        record_digest INTEGER NOT NULL,
                        classified_at REAL NOT NULL,
                        CHECK ((rule = 'none') = (life_situation IS NULL))
                    );
                    INSERT INTO record_classification_v7 SELECT record_id, life_situation, stage, rule, evidence, stage_rule,
                        stage_evidence, config_digest, record_digest, classified_at FROM record_classification;
                    DROP TABLE record_classification;
                    ALTER TABLE record_classification_v7 RENAME TO record_classification;
                    """
            )
        }
        // Analysts' decisions (issue 13), in SQLiteMigrations+Review.swift.
        registerReviewDecisions(in: &migrator)
        // The workspace's accounts (issue 13, painmap serve), in SQLiteMigrations+Workspace.swift.
        registerWorkspaceUsers(in: &migrator)
        // The last classification's digest and training size (issue 17), in SQLiteMigrations+ClassificationModel.swift.
        registerClassificationModel(in: &migrator)
        return migrator
    }
}
