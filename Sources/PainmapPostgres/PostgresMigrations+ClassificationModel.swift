#if PostgreSQL
    extension PostgresMigrations {
        /// `v11_classification_model`: the last classification run's digest and what its training read, as in SQLite.
        ///
        /// One row (``ClassificationModelStore``): a run with nothing to classify finds it current and does not train
        /// again. Additive: a new table, no existing row read or changed.
        static let classificationModel: (name: String, sql: String) = (
            "v11_classification_model",
            """
            CREATE TABLE classification_model (
                id integer PRIMARY KEY CHECK (id = 1),
                config_digest text COLLATE "C" NOT NULL,
                rules text COLLATE "C" NOT NULL,
                records bigint NOT NULL CHECK (records >= 0),
                saved_at timestamptz NOT NULL DEFAULT now()
            );
            """
        )
    }
#endif
