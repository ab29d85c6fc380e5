import GRDB

extension SQLiteMigrations {
    /// Analysts' decisions on pains (issue 13).
    ///
    /// The current state per pain, record corrections and the append-only audit trail (triggers refuse UPDATE and
    /// DELETE). Kept apart from `pain`, which a rerun replaces.
    /// `record_classification` is rebuilt (SQLite cannot alter a CHECK) to admit the rule `analyst`: a record an
    /// analyst moved to another life situation.
    static func registerReviewDecisions(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8_review_decisions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE pain_decision (
                        region TEXT NOT NULL,
                        quarter TEXT NOT NULL,
                        pain_id TEXT NOT NULL,
                        version INTEGER NOT NULL CHECK (version >= 0),
                        is_junk INTEGER NOT NULL DEFAULT 0,
                        junk_reason TEXT,
                        title TEXT,
                        status TEXT NOT NULL
                            CHECK (status IN ('new', 'in_progress', 'resolved', 'not_confirmed', 'out_of_scope')),
                        responsible_body TEXT,
                        solution TEXT,
                        due_date TEXT,
                        merged_into TEXT,
                        split_from TEXT,
                        updated_by TEXT,
                        updated_at TEXT,
                        PRIMARY KEY (region, quarter, pain_id)
                    );
                    CREATE TABLE decision_audit (
                        id INTEGER PRIMARY KEY,
                        region TEXT NOT NULL,
                        quarter TEXT NOT NULL,
                        pain_id TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        at TEXT NOT NULL,
                        before TEXT NOT NULL,
                        after TEXT NOT NULL
                    );
                    CREATE INDEX decision_audit_pain ON decision_audit(region, quarter, pain_id, id);
                    CREATE TRIGGER decision_audit_no_update BEFORE UPDATE ON decision_audit
                    BEGIN SELECT RAISE(ABORT, 'decision_audit is append-only'); END;
                    CREATE TRIGGER decision_audit_no_delete BEFORE DELETE ON decision_audit
                    BEGIN SELECT RAISE(ABORT, 'decision_audit is append-only'); END;
                    CREATE TABLE record_decision (
                        record_id INTEGER PRIMARY KEY REFERENCES feedback_record(id),
                        region TEXT NOT NULL,
                        quarter TEXT NOT NULL,
                        pain_id TEXT,
                        moves_situation INTEGER NOT NULL,
                        life_situation TEXT,
                        actor TEXT NOT NULL,
                        at TEXT NOT NULL
                    );
                    CREATE INDEX record_decision_slice ON record_decision(region, quarter);
                    CREATE TABLE analysis_snapshot (
                        region TEXT NOT NULL,
                        quarter TEXT NOT NULL,
                        body TEXT NOT NULL,
                        PRIMARY KEY (region, quarter)
                    );
                    CREATE TABLE record_classification_v8 (
                        record_id INTEGER PRIMARY KEY REFERENCES feedback_record(id),
                        life_situation TEXT,
                        stage TEXT NOT NULL,
                        rule TEXT NOT NULL CHECK (rule IN ('survey_hint', 'service', 'category', 'keywords', 'learned',
                            'analyst', 'none')),
                        evidence TEXT NOT NULL,
                        stage_rule TEXT NOT NULL CHECK (stage_rule IN ('criteria_text', 'criteria', 'text', 'learned',
                            'default')),
                        stage_evidence TEXT NOT NULL,
                        config_digest TEXT NOT NULL,
                        record_digest INTEGER NOT NULL,
                        classified_at REAL NOT NULL,
                        CHECK ((rule = 'none') = (life_situation IS NULL))
                    );
                    INSERT INTO record_classification_v8 SELECT record_id, life_situation, stage, rule, evidence,
                        stage_rule, stage_evidence, config_digest, record_digest, classified_at
                        FROM record_classification;
                    DROP TABLE record_classification;
                    ALTER TABLE record_classification_v8 RENAME TO record_classification;
                    """
            )
        }
    }
}
