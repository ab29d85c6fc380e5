#if PostgreSQL
    /// The store's schema as numbered migrations, named like the SQLite ones; a migration that has landed never changes.
    ///
    /// Applied migrations are listed in `schema_migrations`. Each runs in its own transaction under an advisory lock,
    /// so two processes opening a new store at once apply it exactly once.
    ///
    /// Differences from SQLite, all deliberate:
    /// - Text columns that queries sort or group by are `COLLATE "C"`, so the order is the byte order SQLite uses,
    ///   whatever the database's locale.
    /// - Record times stay `double precision` seconds since 1970, as in SQLite: the fingerprinted values round-trip
    ///   exactly. Ledger and classification times are the server's `timestamptz`, one clock for all hosts.
    /// - `feedback_record` is indexed by (region, quarter, source) (since `v6_slice_index`, as in SQLite) rather than
    ///   list-partitioned: the unique key
    ///   (source, natural_key) cannot include region and quarter, since a later export may move a record to another
    ///   region or quarter, and PostgreSQL requires the partition key in every unique index. A one-region rerun reads and
    ///   writes through that index and through `record_classification`'s primary key only; `pain` is keyed by
    ///   (region, quarter, …), so replacing one region-quarter deletes just its rows.
    enum PostgresMigrations {
        /// The migrations in order.
        static let all: [(name: String, sql: String)] = [
            (
                "v1_feedback",
                """
                CREATE TABLE ingested_file (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    digest text NOT NULL UNIQUE,
                    path text NOT NULL,
                    feed text NOT NULL,
                    source text COLLATE "C" NOT NULL,
                    outcome text NOT NULL CHECK (outcome IN ('done', 'rejected')),
                    encoding text,
                    rows_read bigint NOT NULL DEFAULT 0,
                    rows_stored bigint NOT NULL DEFAULT 0,
                    rows_updated bigint NOT NULL DEFAULT 0,
                    rows_quarantined bigint NOT NULL DEFAULT 0,
                    rows_duplicate bigint NOT NULL DEFAULT 0,
                    rejection_reason text,
                    rejection_message text,
                    ingested_at timestamptz NOT NULL DEFAULT now(),
                    CHECK (rows_read = rows_stored + rows_quarantined + rows_duplicate)
                );
                CREATE TABLE feedback_record (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    source text COLLATE "C" NOT NULL,
                    natural_key text COLLATE "C" NOT NULL,
                    feed text NOT NULL,
                    source_record_id text,
                    received_at double precision NOT NULL,
                    answered_at double precision,
                    deadline_at double precision,
                    region text COLLATE "C" NOT NULL,
                    region_raw text NOT NULL,
                    region_code_system text NOT NULL,
                    quarter text COLLATE "C" NOT NULL,
                    municipality text,
                    oktmo text,
                    category_raw text,
                    subcategory_raw text,
                    category_code text,
                    text text NOT NULL,
                    answer_text text,
                    status_raw text,
                    status text,
                    organization text,
                    organization_id text,
                    authority_id text,
                    service_id text,
                    service_name text,
                    procedure_id text,
                    channel text,
                    is_59fz boolean,
                    ratings text NOT NULL,
                    life_situation_hint text,
                    content_digest bigint NOT NULL,
                    file_id bigint NOT NULL REFERENCES ingested_file(id),
                    line bigint NOT NULL,
                    UNIQUE (source, natural_key)
                );
                CREATE INDEX feedback_record_slice ON feedback_record (quarter, region, source);
                CREATE INDEX feedback_record_file ON feedback_record (file_id);
                CREATE TABLE quarantined_row (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    file_id bigint NOT NULL REFERENCES ingested_file(id),
                    line bigint NOT NULL,
                    column_name text,
                    reason text NOT NULL,
                    message text NOT NULL,
                    raw bytea NOT NULL
                );
                CREATE INDEX quarantined_row_file ON quarantined_row (file_id, line);
                """
            ),
            (
                "v2_classification",
                """
                CREATE TABLE record_classification (
                    record_id bigint PRIMARY KEY REFERENCES feedback_record(id),
                    life_situation text COLLATE "C",
                    stage text COLLATE "C" NOT NULL,
                    rule text COLLATE "C" NOT NULL CHECK (rule IN ('survey_hint', 'service', 'category', 'keywords', 'none')),
                    evidence text NOT NULL,
                    stage_rule text NOT NULL CHECK (stage_rule IN ('criteria_text', 'criteria', 'text', 'default')),
                    stage_evidence text NOT NULL,
                    config_digest text NOT NULL,
                    record_digest bigint NOT NULL,
                    classified_at timestamptz NOT NULL DEFAULT now(),
                    CHECK ((rule = 'none') = (life_situation IS NULL))
                );
                """
            ),
            (
                "v3_redaction",
                """
                CREATE TABLE redacted_identifier (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    record_id bigint NOT NULL REFERENCES feedback_record(id),
                    type text COLLATE "C" NOT NULL CHECK (type IN ('phone', 'email', 'snils', 'inn', 'ogrn', 'passport', 'card',
                        'vehicle_plate', 'address', 'full_name')),
                    normalized text COLLATE "C" NOT NULL,
                    UNIQUE (record_id, type, normalized)
                );
                CREATE INDEX redacted_identifier_normalized ON redacted_identifier (normalized);
                CREATE TABLE record_original (
                    record_id bigint PRIMARY KEY REFERENCES feedback_record(id),
                    text text NOT NULL,
                    answer_text text
                );
                """
            ),
            (
                "v4_pains",
                """
                CREATE TABLE pain (
                    region text COLLATE "C" NOT NULL,
                    quarter text COLLATE "C" NOT NULL,
                    life_situation text COLLATE "C" NOT NULL,
                    pain_id text COLLATE "C" NOT NULL,
                    rank bigint NOT NULL,
                    title text NOT NULL,
                    stage text NOT NULL,
                    count bigint NOT NULL CHECK (count >= 0),
                    priority double precision NOT NULL,
                    is_signal boolean NOT NULL,
                    status text NOT NULL CHECK (status IN ('new', 'recurring')),
                    previous_count bigint NOT NULL CHECK (previous_count >= 0),
                    centroid jsonb NOT NULL,
                    PRIMARY KEY (region, quarter, life_situation, pain_id)
                );
                """
            ),
            (
                // PostgreSQL only (SQLite has no v5; its run lock admits one process, which shares regions in memory):
                // the claim table of `painmap run --all-regions` workers, one row per region of a quarter's round.
                "v5_region_run",
                """
                CREATE TABLE region_run (
                    quarter text COLLATE "C" NOT NULL,
                    region text COLLATE "C" NOT NULL,
                    state text NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed')),
                    attempts bigint NOT NULL DEFAULT 0,
                    host text,
                    pid bigint,
                    started_at timestamptz,
                    finished_at timestamptz,
                    error text,
                    PRIMARY KEY (quarter, region)
                );
                """
            ),
            (
                // The slice index as SQLite's: region first (`FeedbackRecordColumns.sliceIndex` says why the queries
                // want it); v1 built (quarter, region, source).
                "v6_slice_index",
                """
                DROP INDEX feedback_record_slice;
                CREATE INDEX feedback_record_slice ON feedback_record (region, quarter, source);
                """
            ),
            (
                // The `learned` situation and stage rules (issue 18): the CHECKs admit them.
                "v7_classification_learned",
                """
                ALTER TABLE record_classification DROP CONSTRAINT record_classification_rule_check;
                ALTER TABLE record_classification ADD CONSTRAINT record_classification_rule_check
                    CHECK (rule IN ('survey_hint', 'service', 'category', 'keywords', 'learned', 'none'));
                ALTER TABLE record_classification DROP CONSTRAINT record_classification_stage_rule_check;
                ALTER TABLE record_classification ADD CONSTRAINT record_classification_stage_rule_check
                    CHECK (stage_rule IN ('criteria_text', 'criteria', 'text', 'learned', 'default'));
                """
            ),
            // Analysts' decisions (issue 13), in PostgresMigrations+Review.swift.
            reviewDecisions,
            // The workspace's accounts (issue 13, painmap serve), in PostgresMigrations+Workspace.swift.
            workspaceUsers,
            // Each pain's records (issue 13, the workspace's record pages), in PostgresMigrations+PainMembers.swift.
            painMembers,
            // The last classification run's digest (issues 16 and 17), in PostgresMigrations+ClassificationModel.swift.
            classificationModel,
        ]

        /// Brings `pain` tables made by the first PostgreSQL `v4_pains` (before pains stored their status, as SQLite's
        /// `v4_pains` was amended before release) up to the current definition.
        ///
        /// Runs under the migration lock, only when
        /// the columns are missing; existing pains become `new` with no previous count, what a rerun of their region
        /// rewrites anyway.
        static let painStatusRepair = [
            "ALTER TABLE pain ADD COLUMN status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'recurring'))",
            "ALTER TABLE pain ADD COLUMN previous_count bigint NOT NULL DEFAULT 0 CHECK (previous_count >= 0)",
            "ALTER TABLE pain ALTER COLUMN status DROP DEFAULT",
            "ALTER TABLE pain ALTER COLUMN previous_count DROP DEFAULT",
        ]
    }
#endif
