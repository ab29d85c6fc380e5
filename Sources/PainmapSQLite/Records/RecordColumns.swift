import Foundation
import GRDB
import PainmapCore

/// The column list and argument binding of `feedback_record`, in one place for insert and update.
enum RecordColumns {
    static let names = [
        "source", "natural_key", "feed", "source_record_id", "received_at", "answered_at", "deadline_at", "region",
        "region_raw", "region_code_system", "quarter", "municipality", "oktmo", "category_raw", "subcategory_raw",
        "category_code", "text", "answer_text", "status_raw", "status", "organization", "organization_id",
        "authority_id", "service_id", "service_name", "procedure_id", "channel", "is_59fz", "ratings",
        "life_situation_hint", "content_digest", "file_id", "line",
    ]

    static let insertSQL =
        "INSERT INTO feedback_record (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", "))) ON CONFLICT (source, natural_key) DO NOTHING"

    /// Numbered parameters, so an update binds exactly like an insert (`?1` source, `?2` key, …).
    static let updateSQL =
        "UPDATE feedback_record SET \(names.enumerated().dropFirst(2).map { "\($0.element) = ?\($0.offset + 1)" }.joined(separator: ", ")) WHERE source = ?1 AND natural_key = ?2"

    /// Binds a record's values to parameters 1…33 in the order of ``names`` (insert and update alike).
    static func bind(
        _ record: FeedbackRecord,
        key: String,
        digest: Int64,
        fileID: Int64,
        line: Int,
        into binder: inout Binder
    ) {
        binder.bind(record.source.rawValue)
        binder.bind(key)
        binder.bind(record.feed)
        binder.bind(record.sourceRecordID)
        binder.bind(record.receivedAt.timeIntervalSince1970)
        binder.bind(record.answeredAt?.timeIntervalSince1970)
        binder.bind(record.deadlineAt?.timeIntervalSince1970)
        binder.bind(record.region)
        binder.bind(record.regionRaw)
        binder.bind(record.regionCodeSystem.rawValue)
        binder.bind(record.quarter.description)
        binder.bind(record.municipality)
        binder.bind(record.oktmo)
        binder.bind(record.categoryRaw)
        binder.bind(record.subcategoryRaw)
        binder.bind(record.categoryCode)
        binder.bind(record.text)
        binder.bind(record.answerText)
        binder.bind(record.statusRaw)
        binder.bind(record.status?.rawValue)
        binder.bind(record.organization)
        binder.bind(record.organizationID)
        binder.bind(record.authorityID)
        binder.bind(record.serviceID)
        binder.bind(record.serviceName)
        binder.bind(record.procedureID)
        binder.bind(record.channel)
        binder.bind(record.is59FZ.map { $0 ? Int64(1) : Int64(0) })
        binder.bind(RecordColumns.encode(record.ratings))
        binder.bind(record.lifeSituationHint)
        binder.bind(digest)
        binder.bind(fileID)
        binder.bind(Int64(line))
    }

    /// `time=2,queue=3`: compact, and readable in a SQL shell.
    static func encode(_ ratings: [CriterionScore]) -> String {
        ratings.map { "\($0.criterion.rawValue)=\($0.score)" }.joined(separator: ",")
    }

    static func decode(_ text: String) -> [CriterionScore] {
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

    /// Rebuilds a record from a `feedback_record` row; `nil` if a coded column holds an unknown value.
    static func record(_ row: Row) -> FeedbackRecord? {
        guard let source = SourceKind(rawValue: row["source"]),
            let system = RegionCodeSystem(rawValue: row["region_code_system"]),
            let quarter = Quarter(row["quarter"] as String)
        else { return nil }
        var record = FeedbackRecord(
            source: source,
            feed: row["feed"],
            receivedAt: Date(timeIntervalSince1970: row["received_at"]),
            region: row["region"],
            regionRaw: row["region_raw"],
            regionCodeSystem: system,
            quarter: quarter,
            text: row["text"]
        )
        record.sourceRecordID = row["source_record_id"]
        record.answeredAt = (row["answered_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        record.deadlineAt = (row["deadline_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        record.municipality = row["municipality"]
        record.oktmo = row["oktmo"]
        record.categoryRaw = row["category_raw"]
        record.subcategoryRaw = row["subcategory_raw"]
        record.categoryCode = row["category_code"]
        record.answerText = row["answer_text"]
        record.statusRaw = row["status_raw"]
        record.status = (row["status"] as String?).flatMap(RecordStatus.init(rawValue:))
        record.organization = row["organization"]
        record.organizationID = row["organization_id"]
        record.authorityID = row["authority_id"]
        record.serviceID = row["service_id"]
        record.serviceName = row["service_name"]
        record.procedureID = row["procedure_id"]
        record.channel = row["channel"]
        record.is59FZ = row["is_59fz"]
        record.ratings = decode(row["ratings"])
        record.lifeSituationHint = row["life_situation_hint"]
        return record
    }
}
