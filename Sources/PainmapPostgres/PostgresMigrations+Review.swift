#if PostgreSQL
    extension PostgresMigrations {
        /// Analysts' decisions on pains (issue 13), the same tables as SQLite's `v8_review_decisions`; the audit trail
        /// is append-only through a trigger that refuses UPDATE and DELETE.
        static let reviewDecisions: (name: String, sql: String) = (
            "v8_review_decisions",
            """
            CREATE TABLE pain_decision (
                region text COLLATE "C" NOT NULL,
                quarter text COLLATE "C" NOT NULL,
                pain_id text COLLATE "C" NOT NULL,
                version bigint NOT NULL CHECK (version >= 0),
                is_junk boolean NOT NULL DEFAULT false,
                junk_reason text,
                title text,
                status text NOT NULL
                    CHECK (status IN ('new', 'in_progress', 'resolved', 'not_confirmed', 'out_of_scope')),
                responsible_body text,
                solution text,
                due_date text,
                merged_into text,
                split_from text,
                updated_by text,
                updated_at text,
                PRIMARY KEY (region, quarter, pain_id)
            );
            CREATE TABLE decision_audit (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                region text COLLATE "C" NOT NULL,
                quarter text COLLATE "C" NOT NULL,
                pain_id text COLLATE "C" NOT NULL,
                version bigint NOT NULL,
                kind text NOT NULL,
                actor text NOT NULL,
                at text NOT NULL,
                before text NOT NULL,
                after text NOT NULL
            );
            CREATE INDEX decision_audit_pain ON decision_audit (region, quarter, pain_id, id);
            CREATE FUNCTION decision_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'decision_audit is append-only'; END; $$;
            CREATE TRIGGER decision_audit_append_only BEFORE UPDATE OR DELETE ON decision_audit
                FOR EACH ROW EXECUTE FUNCTION decision_audit_append_only();
            CREATE TABLE record_decision (
                record_id bigint PRIMARY KEY REFERENCES feedback_record(id),
                region text COLLATE "C" NOT NULL,
                quarter text COLLATE "C" NOT NULL,
                pain_id text COLLATE "C",
                moves_situation boolean NOT NULL,
                life_situation text COLLATE "C",
                actor text NOT NULL,
                at text NOT NULL
            );
            CREATE INDEX record_decision_slice ON record_decision (region, quarter);
            CREATE TABLE analysis_snapshot (
                region text COLLATE "C" NOT NULL,
                quarter text COLLATE "C" NOT NULL,
                body text NOT NULL,
                PRIMARY KEY (region, quarter)
            );
            ALTER TABLE record_classification DROP CONSTRAINT record_classification_rule_check;
            ALTER TABLE record_classification ADD CONSTRAINT record_classification_rule_check
                CHECK (rule IN ('survey_hint', 'service', 'category', 'keywords', 'learned', 'analyst', 'none'));
            """
        )
    }
#endif
