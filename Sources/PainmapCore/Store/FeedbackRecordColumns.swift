import Foundation

/// The columns of `feedback_record`: the one description both stores bind, decode and check their schema against.
///
/// The order is the order of an insert's parameters (SQLite) and of a `COPY` line (PostgreSQL). The merged
/// migrations that created the table keep their own SQL text (a merged migration never changes); the schema tests of
/// both stores check that the table they build has exactly these columns, types and nullability.
public enum FeedbackRecordColumns {
    /// What a column holds; each store maps it to its own SQL type.
    public enum ValueType: String, Sendable, Hashable {
        /// Text (`TEXT`, `text`).
        case text
        /// Seconds since 1970 (`REAL`, `double precision`).
        case real
        /// A 64-bit integer (`INTEGER`, `bigint`).
        case integer
        /// A flag (`INTEGER` 0/1 in SQLite, `boolean` in PostgreSQL).
        case boolean
    }

    /// One column.
    public struct Column: Sendable, Hashable {
        /// The column's name.
        public let name: String
        /// What it holds.
        public let type: ValueType
        /// Whether it may be NULL.
        public let isOptional: Bool

        init(_ name: String, _ type: ValueType, optional: Bool = false) {
            self.name = name
            self.type = type
            self.isOptional = optional
        }
    }

    /// Every column but the row id, in bind order.
    public static let all: [Column] = [
        Column("source", .text),
        Column("natural_key", .text),
        Column("feed", .text),
        Column("source_record_id", .text, optional: true),
        Column("received_at", .real),
        Column("answered_at", .real, optional: true),
        Column("deadline_at", .real, optional: true),
        Column("region", .text),
        Column("region_raw", .text),
        Column("region_code_system", .text),
        Column("quarter", .text),
        Column("municipality", .text, optional: true),
        Column("oktmo", .text, optional: true),
        Column("category_raw", .text, optional: true),
        Column("subcategory_raw", .text, optional: true),
        Column("category_code", .text, optional: true),
        Column("text", .text),
        Column("answer_text", .text, optional: true),
        Column("status_raw", .text, optional: true),
        Column("status", .text, optional: true),
        Column("organization", .text, optional: true),
        Column("organization_id", .text, optional: true),
        Column("authority_id", .text, optional: true),
        Column("service_id", .text, optional: true),
        Column("service_name", .text, optional: true),
        Column("procedure_id", .text, optional: true),
        Column("channel", .text, optional: true),
        Column("is_59fz", .boolean, optional: true),
        Column("ratings", .text),
        Column("life_situation_hint", .text, optional: true),
        Column("content_digest", .integer),
        Column("file_id", .integer),
        Column("line", .integer),
    ]

    /// The column names in bind order.
    public static let names = all.map(\.name)

    /// The columns of the slice index, `feedback_record_slice`, in both stores (migration `v6_slice_index`).
    ///
    /// Region first: a region's analysis reads (region, quarter) slices, the report gate of a one-region rerun reads
    /// the region's identifiers of every quarter (a region-only prefix), and `status` groups and orders by exactly
    /// (region, quarter, source), which the index then yields without sorting. Only the quarter overview filters by
    /// quarter alone, once per run.
    public static let sliceIndex = ["region", "quarter", "source"]

    /// Writes a record's values in ``all`` order.
    ///
    /// - Parameters:
    ///   - record: The record (its text already redacted).
    ///   - key: The natural key of the record as read.
    ///   - digest: The content fingerprint of the record as read, as a signed 64-bit integer.
    ///   - fileID: The ledger row of the file.
    ///   - line: The line the record was read from.
    ///   - writer: A store's binder or line encoder.
    public static func write<Writer: RecordColumnWriter>(
        _ record: FeedbackRecord,
        key: String,
        digest: Int64,
        fileID: Int64,
        line: Int,
        into writer: inout Writer
    ) {
        writer.text(record.source.rawValue)
        writer.text(key)
        writer.text(record.feed)
        writer.text(record.sourceRecordID)
        writer.real(record.receivedAt.timeIntervalSince1970)
        writer.real(record.answeredAt?.timeIntervalSince1970)
        writer.real(record.deadlineAt?.timeIntervalSince1970)
        writer.text(record.region)
        writer.text(record.regionRaw)
        writer.text(record.regionCodeSystem.rawValue)
        writer.text(record.quarter.description)
        writer.text(record.municipality)
        writer.text(record.oktmo)
        writer.text(record.categoryRaw)
        writer.text(record.subcategoryRaw)
        writer.text(record.categoryCode)
        writer.text(record.text)
        writer.text(record.answerText)
        writer.text(record.statusRaw)
        writer.text(record.status?.rawValue)
        writer.text(record.organization)
        writer.text(record.organizationID)
        writer.text(record.authorityID)
        writer.text(record.serviceID)
        writer.text(record.serviceName)
        writer.text(record.procedureID)
        writer.text(record.channel)
        writer.boolean(record.is59FZ)
        writer.text(encode(record.ratings))
        writer.text(record.lifeSituationHint)
        writer.integer(digest)
        writer.integer(fileID)
        writer.integer(Int64(line))
    }

    /// Rebuilds a record from a stored row.
    ///
    /// - Parameter row: A store's row.
    /// - Returns: The record, or `nil` when a required column is NULL or a coded column holds an unknown value.
    /// - Throws: What the row's accessors throw (a value of the wrong type).
    public static func record(from row: some RecordColumnReader) throws -> FeedbackRecord? {
        guard let source = try row.text("source").flatMap(SourceKind.init(rawValue:)),
            let system = try row.text("region_code_system").flatMap(RegionCodeSystem.init(rawValue:)),
            let quarter = try row.text("quarter").flatMap(Quarter.init),
            let feed = try row.text("feed"),
            let receivedAt = try row.real("received_at"),
            let region = try row.text("region"),
            let regionRaw = try row.text("region_raw"),
            let text = try row.text("text")
        else { return nil }
        var record = FeedbackRecord(
            source: source,
            feed: feed,
            receivedAt: Date(timeIntervalSince1970: receivedAt),
            region: region,
            regionRaw: regionRaw,
            regionCodeSystem: system,
            quarter: quarter,
            text: text
        )
        record.sourceRecordID = try row.text("source_record_id")
        record.answeredAt = try row.real("answered_at").map(Date.init(timeIntervalSince1970:))
        record.deadlineAt = try row.real("deadline_at").map(Date.init(timeIntervalSince1970:))
        record.municipality = try row.text("municipality")
        record.oktmo = try row.text("oktmo")
        record.categoryRaw = try row.text("category_raw")
        record.subcategoryRaw = try row.text("subcategory_raw")
        record.categoryCode = try row.text("category_code")
        record.answerText = try row.text("answer_text")
        record.statusRaw = try row.text("status_raw")
        record.status = try row.text("status").flatMap(RecordStatus.init(rawValue:))
        record.organization = try row.text("organization")
        record.organizationID = try row.text("organization_id")
        record.authorityID = try row.text("authority_id")
        record.serviceID = try row.text("service_id")
        record.serviceName = try row.text("service_name")
        record.procedureID = try row.text("procedure_id")
        record.channel = try row.text("channel")
        record.is59FZ = try row.boolean("is_59fz")
        record.ratings = decode(try row.text("ratings") ?? "")
        record.lifeSituationHint = try row.text("life_situation_hint")
        return record
    }

    /// `time=2,queue=3`: compact, and readable in a SQL shell.
    public static func encode(_ ratings: [CriterionScore]) -> String {
        ratings.map { "\($0.criterion.rawValue)=\($0.score)" }.joined(separator: ",")
    }

    /// Reads ratings written by ``encode(_:)``; unknown criteria are skipped.
    public static func decode(_ text: String) -> [CriterionScore] {
        text.split(separator: ",").compactMap { pair in
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let criterion = RatingCriterion(rawValue: String(parts[0])),
                let score = Int(parts[1])
            else {
                return nil
            }
            return CriterionScore(criterion: criterion, score: score)
        }
    }
}

/// Receives a record's column values in ``FeedbackRecordColumns/all`` order: a store's statement binder or line
/// encoder.
public protocol RecordColumnWriter {
    /// The next column's text.
    mutating func text(_ value: String?)
    /// The next column's real number.
    mutating func real(_ value: Double?)
    /// The next column's integer.
    mutating func integer(_ value: Int64?)
    /// The next column's flag.
    mutating func boolean(_ value: Bool?)
}

/// Reads a stored row's columns by name.
public protocol RecordColumnReader {
    /// The text of a column; `nil` for NULL.
    func text(_ column: String) throws -> String?
    /// The real number of a column; `nil` for NULL.
    func real(_ column: String) throws -> Double?
    /// The flag of a column; `nil` for NULL.
    func boolean(_ column: String) throws -> Bool?
}
