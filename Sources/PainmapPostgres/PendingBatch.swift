#if PostgreSQL
    import PainmapCore

    /// A record ready for `COPY`: its key and fingerprint (of the original, unredacted record), its COPY line, and what
    /// redaction removed from it.
    struct PendingRecord: Sendable {
        var source: String
        var key: String
        var digest: Int64
        var copyLine: [UInt8]
        /// The identifiers the redactor removed, in text order.
        var identifiers: [FoundIdentifier] = []
        /// The original texts, only with `keep_originals: true`.
        var originals: OriginalTexts?
    }

    /// Consecutive rows of one file gathered for one round of `COPY`s, in file order.
    struct PendingBatch: Sendable {
        var records: [PendingRecord] = []
        var quarantined: [QuarantinedRow] = []

        var count: Int { records.count + quarantined.count }

        /// Adds one row: a record (with its identifiers and originals) or a quarantined row.
        ///
        /// A record goes under its original key and fingerprint, as the SQLite writer keeps it; a record with U+0000,
        /// which PostgreSQL text cannot hold, is quarantined instead.
        mutating func append(_ outcome: RowOutcome<RedactedRecord>, fileID: Int64) {
            switch outcome {
            case .quarantined(let row):
                quarantined.append(row)
            case .record(let redacted, let line):
                let record = redacted.record
                let digest = Int64(bitPattern: redacted.fingerprint)
                if let copyLine = PostgresRecordColumns.copyLine(
                    record,
                    key: redacted.naturalKey,
                    digest: digest,
                    fileID: fileID,
                    line: line
                ) {
                    records.append(
                        PendingRecord(
                            source: record.source.rawValue,
                            key: redacted.naturalKey,
                            digest: digest,
                            copyLine: copyLine,
                            identifiers: redacted.identifiers,
                            originals: redacted.originals
                        )
                    )
                } else {
                    quarantined.append(
                        QuarantinedRow(
                            line: line,
                            reason: .badEncoding,
                            message:
                                "в поле символ NUL (U+0000), который PostgreSQL не хранит в тексте; уберите его из выгрузки"
                        )
                    )
                }
            }
        }
    }
#endif
