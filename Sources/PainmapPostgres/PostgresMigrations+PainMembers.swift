#if PostgreSQL
    extension PostgresMigrations {
        /// `v10_pain_members`: the records a run put into each pain, as in SQLite: keyed by the pain and the member's
        /// position in the listed order (newest first), so a page is a range of the primary key and replacing a
        /// region-quarter deletes through its prefix.
        static let painMembers: (name: String, sql: String) = (
            "v10_pain_members",
            """
            CREATE TABLE pain_member (
                region text COLLATE "C" NOT NULL,
                quarter text COLLATE "C" NOT NULL,
                life_situation text COLLATE "C" NOT NULL,
                pain_id text COLLATE "C" NOT NULL,
                position bigint NOT NULL CHECK (position >= 1),
                record_id bigint NOT NULL,
                PRIMARY KEY (region, quarter, life_situation, pain_id, position)
            );
            """
        )
    }
#endif
