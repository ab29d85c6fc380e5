#if PostgreSQL
    import Foundation
    public import PainmapCore
    import PostgresNIO

    /// Life situation and stage per record, in `record_classification` (migration `v2_classification`), as in the SQLite
    /// store: keyed by the record's id, stale when the record's fingerprint or the configuration digest changed.
    extension PostgresFeedbackStore: ClassificationInputStore {
        private static let recordOrder = "ORDER BY f.source, f.received_at, f.natural_key"

        public func storedRecords(region: String?, quarter: Quarter?) async throws -> [StoredRecord] {
            var sql = SQLBuilder("SELECT \(PostgresRecordColumns.selectList("f")) FROM feedback_record f")
            let conditions = sql.sliceConditions(region: region, quarter: quarter, table: "f")
            if !conditions.isEmpty { sql.append(" WHERE " + conditions.joined(separator: " AND ")) }
            sql.append(" " + Self.recordOrder)
            return try await rows(sql, action: "прочитать записи").compactMap(PostgresRecordColumns.storedRecord)
        }

        public func unclassifiedRecords(configDigest: String, region: String?, quarter: Quarter?) async throws
            -> [StoredRecord]
        {
            var sql = SQLBuilder()
            sql.append(
                """
                SELECT \(PostgresRecordColumns.selectList("f")) FROM feedback_record f
                LEFT JOIN record_classification c ON c.record_id = f.id
                WHERE (c.record_id IS NULL OR c.config_digest <> \(sql.bind(configDigest)) OR c.record_digest <> f.content_digest)
                """
            )
            for condition in sql.sliceConditions(region: region, quarter: quarter, table: "f") {
                sql.append(" AND " + condition)
            }
            sql.append(" " + Self.recordOrder)
            return try await rows(sql, action: "прочитать неклассифицированные записи").compactMap(
                PostgresRecordColumns.storedRecord
            )
        }

        public func saveClassifications(_ records: [ClassifiedRecord]) async throws {
            try await upsertClassifications(records.count) { index in
                let item = records[index]
                return (item.id, item.classification, item.configDigest, item.fingerprint)
            }
        }

        /// Saves a batch in one transaction (see ``upsertClassifications(_:_:)``).
        public func saveClassifications(_ batch: ClassificationBatch) async throws {
            try await upsertClassifications(batch.rows.count) { index in
                let row = batch.rows[index]
                return (row.id, batch.classifications[Int(row.classification)], batch.configDigest, row.fingerprint)
            }
        }

        /// Writes `count` rows in one transaction: multi-row upserts of up to 5,000 rows (nine parameters a row stay
        /// well under the protocol's 65,535).
        private func upsertClassifications(
            _ count: Int,
            _ row: @escaping @Sendable (Int) -> (RecordID, RecordClassification, String, UInt64)
        ) async throws {
            guard count > 0 else { return }
            let logger = self.logger
            _ = try await transaction(action: "сохранить классификацию записей") { connection in
                for start in stride(from: 0, to: count, by: 5_000) {
                    var sql = SQLBuilder(
                        """
                        INSERT INTO record_classification (record_id, life_situation, stage, rule, evidence, stage_rule,
                            stage_evidence, config_digest, record_digest) VALUES
                        """
                    )
                    for index in start..<min(start + 5_000, count) {
                        let (id, c, configDigest, fingerprint) = row(index)
                        let values = [
                            sql.bind(id.rawValue), sql.bind(c.lifeSituation), sql.bind(c.stage),
                            sql.bind(c.rule.rawValue), sql.bind(c.evidence), sql.bind(c.stageRule.rawValue),
                            sql.bind(c.stageEvidence), sql.bind(configDigest), sql.bind(Int64(bitPattern: fingerprint)),
                        ]
                        sql.append((index == start ? " (" : ", (") + values.joined(separator: ", ") + ")")
                    }
                    sql.append(
                        """
                         ON CONFLICT (record_id) DO UPDATE SET life_situation = excluded.life_situation, stage = excluded.stage,
                            rule = excluded.rule, evidence = excluded.evidence, stage_rule = excluded.stage_rule,
                            stage_evidence = excluded.stage_evidence, config_digest = excluded.config_digest,
                            record_digest = excluded.record_digest, classified_at = now()
                        """
                    )
                    try await connection.query(sql.query, logger: logger)
                }
                return true
            }
        }

        /// Streams a slice's records with the fields classification reads, in `batchSize` batches, ordered by source
        /// and id: the rows arrive as `body` takes them (postgres-nio asks the server for more as they are consumed).
        public func classificationInputs(
            of slice: StoreSlice,
            batchSize: Int,
            _ body: ([ClassificationInput]) async throws -> Void
        ) async throws {
            var sql = SQLBuilder()
            sql.append(
                """
                SELECT f.id, f.content_digest, f.source, f.text, f.category_raw, f.subcategory_raw, f.category_code,
                    f.service_id, f.service_name, f.life_situation_hint, f.ratings,
                    CASE WHEN c.record_digest = f.content_digest THEN c.config_digest END
                FROM feedback_record f LEFT JOIN record_classification c ON c.record_id = f.id
                WHERE f.region = \(sql.bind(slice.region)) AND f.quarter = \(sql.bind(slice.quarter.description))
                ORDER BY f.source, f.id
                """
            )
            let size = max(1, batchSize)
            let epoch = Date(timeIntervalSince1970: 0)
            var batch: [ClassificationInput] = []
            batch.reserveCapacity(size)
            do {
                for try await row in try await client.query(sql.query, logger: logger) {
                    let (
                        id, digest, sourceName, text, category, subcategory, code, serviceID, serviceName, hint,
                        ratings, current
                    ) =
                        try row.decode(
                            (
                                Int64, Int64, String, String, String?, String?, String?, String?, String?, String?,
                                String, String?
                            ).self
                        )
                    guard let source = SourceKind(rawValue: sourceName) else { continue }
                    var record = FeedbackRecord(
                        source: source,
                        feed: "",
                        receivedAt: epoch,
                        region: slice.region,
                        regionRaw: "",
                        regionCodeSystem: .okato,
                        quarter: slice.quarter,
                        text: text
                    )
                    record.categoryRaw = category
                    record.subcategoryRaw = subcategory
                    record.categoryCode = code
                    record.serviceID = serviceID
                    record.serviceName = serviceName
                    record.lifeSituationHint = hint
                    if !ratings.isEmpty { record.ratings = FeedbackRecordColumns.decode(ratings) }
                    batch.append(
                        ClassificationInput(
                            id: RecordID(rawValue: id),
                            fingerprint: UInt64(bitPattern: digest),
                            record: record,
                            classifiedUnder: current
                        )
                    )
                    if batch.count == size {
                        try await body(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            } catch {
                throw mapped(error, action: "прочитать записи для классификации")
            }
            if !batch.isEmpty { try await body(batch) }
        }

        public func classifiedRecords(region: String?, quarter: Quarter?) async throws -> [ClassifiedRecord] {
            var sql = SQLBuilder(
                """
                SELECT \(PostgresRecordColumns.selectList("f")), c.life_situation AS c_life_situation, c.stage AS c_stage, c.rule AS c_rule,
                    c.evidence AS c_evidence, c.stage_rule AS c_stage_rule, c.stage_evidence AS c_stage_evidence,
                    c.config_digest AS c_config_digest, c.record_digest AS c_record_digest
                FROM feedback_record f JOIN record_classification c ON c.record_id = f.id
                """
            )
            let conditions = sql.sliceConditions(region: region, quarter: quarter, table: "f")
            if !conditions.isEmpty { sql.append(" WHERE " + conditions.joined(separator: " AND ")) }
            sql.append(" " + Self.recordOrder)
            return try await rows(sql, action: "прочитать классификацию записей").compactMap {
                row -> ClassifiedRecord? in
                guard let stored = try PostgresRecordColumns.storedRecord(row),
                    let rule = ClassificationRule(rawValue: try row["c_rule"].decode(String.self)),
                    let stageRule = StageRule(rawValue: try row["c_stage_rule"].decode(String.self))
                else { return nil }
                let classification = RecordClassification(
                    lifeSituation: try row["c_life_situation"].decode(String?.self),
                    stage: try row["c_stage"].decode(String.self),
                    rule: rule,
                    evidence: try row["c_evidence"].decode(String.self),
                    stageRule: stageRule,
                    stageEvidence: try row["c_stage_evidence"].decode(String.self)
                )
                return ClassifiedRecord(
                    id: stored.id,
                    fingerprint: UInt64(bitPattern: try row["c_record_digest"].decode(Int64.self)),
                    record: stored.record,
                    classification: classification,
                    configDigest: try row["c_config_digest"].decode(String.self)
                )
            }
        }

        public func classificationCounts(region: String?, quarter: Quarter?, configDigest: String) async throws
            -> [ClassificationCount]
        {
            var sql = SQLBuilder()
            sql.append(
                """
                SELECT f.region, f.quarter, c.life_situation, c.stage, c.rule,
                    (c.record_id IS NOT NULL AND (c.config_digest <> \(sql.bind(configDigest)) OR c.record_digest <> f.content_digest)) AS stale,
                    COUNT(*) AS n
                FROM feedback_record f LEFT JOIN record_classification c ON c.record_id = f.id
                """
            )
            let conditions = sql.sliceConditions(region: region, quarter: quarter, table: "f")
            if !conditions.isEmpty { sql.append(" WHERE " + conditions.joined(separator: " AND ")) }
            sql.append(
                """
                 GROUP BY f.region, f.quarter, c.life_situation, c.stage, c.rule, stale
                ORDER BY f.region, f.quarter, c.life_situation NULLS FIRST, c.stage NULLS FIRST, c.rule NULLS FIRST, stale
                """
            )
            return try await rows(sql, action: "подсчитать классификацию записей").compactMap {
                row -> ClassificationCount? in
                guard let quarter = Quarter(try row["quarter"].decode(String.self)) else { return nil }
                return ClassificationCount(
                    region: try row["region"].decode(String.self),
                    quarter: quarter,
                    lifeSituation: try row["life_situation"].decode(String?.self),
                    stage: try row["stage"].decode(String?.self),
                    rule: (try row["rule"].decode(String?.self)).flatMap(ClassificationRule.init(rawValue:)),
                    isStale: try row["stale"].decode(Bool.self),
                    count: try row["n"].decode(Int.self)
                )
            }
        }
    }
#endif
