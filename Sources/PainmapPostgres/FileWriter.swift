#if PostgreSQL
    import Logging
    import NIOCore
    import PainmapCore
    import PostgresNIO

    /// Writes one file's batches inside its open transaction and keeps the file's row accounting.
    ///
    /// Per batch: one indexed lookup of the stored fingerprints of the batch's keys, then, in file order, the same
    /// decision the SQLite writer makes row by row — a new key is stored, the same key with the same fingerprint is a
    /// duplicate, a different fingerprint is an update — and finally one `COPY` of the new rows straight into
    /// `feedback_record`, one `COPY` + `UPDATE … FROM` for changed rows, and one `COPY` of quarantined rows. The ingest
    /// holds a per-source advisory lock for its transaction, so no other transaction adds keys of that source between
    /// the lookup and the `COPY`.
    final class FileWriter {
        private struct Key: Hashable {
            var source: String
            var key: String
        }

        private let connection: PostgresConnection
        private let logger: Logger
        private let fileID: Int64
        private var updateTableReady = false
        private(set) var tally = FileAccounting()

        init(connection: PostgresConnection, fileID: Int64, logger: Logger) {
            self.connection = connection
            self.fileID = fileID
            self.logger = logger
        }

        func write(_ batch: PendingBatch) async throws {
            tally.read += batch.count
            if !batch.records.isEmpty { try await writeRecords(batch.records) }
            if !batch.quarantined.isEmpty {
                tally.quarantined += batch.quarantined.count
                try await copy(
                    table: "quarantined_row",
                    columns: ["file_id", "line", "column_name", "reason", "message", "raw"],
                    lines: batch.quarantined.lazy.map { row in
                        var line = CopyTextLine(capacity: 64 + row.message.utf8.count + 2 * row.raw.count)
                        line.integer(self.fileID)
                        line.integer(Int64(row.line))
                        line.text(row.column)
                        line.text(row.reason.rawValue)
                        line.text(row.message)
                        line.bytea(row.raw)
                        // A message or column name with U+0000 cannot come from painmap's own adapters; drop the byte.
                        return line.finish()
                            ?? Array("\(self.fileID)\t\(row.line)\t\\N\t\(row.reason.rawValue)\t\t\\\\x\n".utf8)
                    }
                )
            }
        }

        private func writeRecords(_ records: [PendingRecord]) async throws {
            // What the store holds for the batch's keys now (this transaction's earlier batches included).
            var sources: [String] = []
            var keys: [String] = []
            var seen = Set<Key>()
            for record in records where seen.insert(Key(source: record.source, key: record.key)).inserted {
                sources.append(record.source)
                keys.append(record.key)
            }
            var current: [Key: Int64] = [:]
            let lookup = try await connection.query(
                """
                SELECT f.source, f.natural_key, f.content_digest FROM feedback_record f
                JOIN unnest(\(sources)::text[], \(keys)::text[]) AS k(source, natural_key)
                  ON f.source = k.source AND f.natural_key = k.natural_key
                """,
                logger: logger
            )
            for try await (source, key, digest) in lookup.decode((String, String, Int64).self) {
                current[Key(source: source, key: key)] = digest
            }
            let storedBefore = Set(current.keys)

            // The row-by-row decision, keeping only each key's last version to write.
            var insertOrder: [Key] = []
            var inserts: [Key: Int] = [:]
            var updateOrder: [Key] = []
            var updates: [Key: Int] = [:]
            for (index, record) in records.enumerated() {
                let key = Key(source: record.source, key: record.key)
                switch current[key] {
                case nil:
                    tally.stored += 1
                    insertOrder.append(key)
                    inserts[key] = index
                case record.digest?:
                    tally.duplicate += 1
                default:
                    tally.stored += 1
                    tally.updated += 1
                    if storedBefore.contains(key) {
                        if updates.updateValue(index, forKey: key) == nil { updateOrder.append(key) }
                    } else {
                        inserts[key] = index
                    }
                }
                current[key] = record.digest
            }
            if !insertOrder.isEmpty {
                try await copy(
                    table: "feedback_record",
                    columns: FeedbackRecordColumns.names,
                    lines: insertOrder.lazy.map { records[inserts[$0]!].copyLine }
                )
            }
            if !updateOrder.isEmpty {
                if !updateTableReady {
                    try await connection.query(
                        PostgresQuery(
                            unsafeSQL: """
                                CREATE TEMPORARY TABLE painmap_record_update ON COMMIT DROP AS
                                SELECT \(FeedbackRecordColumns.names.joined(separator: ", ")) FROM feedback_record WITH NO DATA
                                """
                        ),
                        logger: logger
                    )
                    updateTableReady = true
                }
                try await copy(
                    table: "painmap_record_update",
                    columns: FeedbackRecordColumns.names,
                    lines: updateOrder.lazy.map { records[updates[$0]!].copyLine }
                )
                let assignments = FeedbackRecordColumns.names.dropFirst(2).map { "\($0) = u.\($0)" }.joined(
                    separator: ", "
                )
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL: """
                            UPDATE feedback_record f SET \(assignments) FROM painmap_record_update u
                            WHERE f.source = u.source AND f.natural_key = u.natural_key
                            """
                    ),
                    logger: logger
                )
                try await connection.query("TRUNCATE painmap_record_update", logger: logger)
            }
            try await writeRedaction(
                inserted: insertOrder.map { records[inserts[$0]!] },
                updated: updateOrder.map { records[updates[$0]!] }
            )
        }

        /// Stores what redaction removed from the rows just written, as the SQLite writer does row by row: an update first
        /// deletes what the earlier export of the record left (identifiers and originals), then each written row's final
        /// version adds its own. Rows are found by (source, natural key), which the file's transaction holds still.
        private func writeRedaction(inserted: [PendingRecord], updated: [PendingRecord]) async throws {
            if !updated.isEmpty {
                let sources = updated.map(\.source)
                let keys = updated.map(\.key)
                for table in ["redacted_identifier", "record_original"] {
                    try await connection.query(
                        PostgresQuery(
                            unsafeSQL: """
                                DELETE FROM \(table) t USING feedback_record f, unnest($1::text[], $2::text[]) AS k(source, natural_key)
                                WHERE t.record_id = f.id AND f.source = k.source AND f.natural_key = k.natural_key
                                """,
                            binds: Self.binds(sources, keys)
                        ),
                        logger: logger
                    )
                }
            }
            var sources: [String] = []
            var keys: [String] = []
            var types: [String] = []
            var normalized: [String] = []
            var originalSources: [String] = []
            var originalKeys: [String] = []
            var texts: [String] = []
            var answers: [String] = []
            var hasAnswer: [Bool] = []
            for record in inserted + updated {
                for identifier in record.identifiers {
                    sources.append(record.source)
                    keys.append(record.key)
                    types.append(identifier.type.rawValue)
                    normalized.append(identifier.normalized)
                }
                if let originals = record.originals {
                    originalSources.append(record.source)
                    originalKeys.append(record.key)
                    texts.append(originals.text)
                    answers.append(originals.answerText ?? "")
                    hasAnswer.append(originals.answerText != nil)
                }
            }
            if !sources.isEmpty {
                // Identity values follow the ORDER BY, so `id` keeps text order within each record.
                try await connection.query(
                    """
                    INSERT INTO redacted_identifier (record_id, type, normalized)
                    SELECT f.id, k.type, k.normalized
                    FROM unnest(\(sources)::text[], \(keys)::text[], \(types)::text[], \(normalized)::text[]) WITH ORDINALITY
                        AS k(source, natural_key, type, normalized, ord)
                    JOIN feedback_record f ON f.source = k.source AND f.natural_key = k.natural_key
                    ORDER BY k.ord
                    ON CONFLICT DO NOTHING
                    """,
                    logger: logger
                )
            }
            if !originalSources.isEmpty {
                try await connection.query(
                    """
                    INSERT INTO record_original (record_id, text, answer_text)
                    SELECT f.id, k.text, CASE WHEN k.has_answer THEN k.answer END
                    FROM unnest(\(originalSources)::text[], \(originalKeys)::text[], \(texts)::text[], \(answers)::text[], \(hasAnswer)::boolean[])
                        AS k(source, natural_key, text, answer, has_answer)
                    JOIN feedback_record f ON f.source = k.source AND f.natural_key = k.natural_key
                    """,
                    logger: logger
                )
            }
        }

        private static func binds(_ first: [String], _ second: [String]) -> PostgresBindings {
            var binds = PostgresBindings()
            binds.append(first)
            binds.append(second)
            return binds
        }

        /// Streams lines to `COPY table (columns) FROM STDIN` in chunks of about 1 MiB.
        private func copy<Lines: Sequence>(table: String, columns: [String], lines: Lines) async throws
        where Lines.Element == [UInt8] {
            try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                var buffer = ByteBufferAllocator().buffer(capacity: 1 << 20)
                for line in lines {
                    buffer.writeBytes(line)
                    if buffer.readableBytes >= 1 << 20 {
                        try await writer.write(buffer)
                        buffer.clear()
                    }
                }
                if buffer.readableBytes > 0 { try await writer.write(buffer) }
            }
        }
    }
#endif
