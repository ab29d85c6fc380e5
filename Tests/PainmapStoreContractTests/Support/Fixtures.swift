import Foundation
import PainmapCore
import Testing

/// A file's rows as the ingest job hands them to a store: `records` (lines 2…, unredacted: each under its own key and
/// fingerprint, no identifiers), then `quarantine`, and then `ending`.
func feed(
    _ records: [FeedbackRecord],
    quarantine: [QuarantinedRow] = [],
    ending: Result<FileReadSummary, any Error> = .success(FileReadSummary(encoding: "utf-8"))
) -> IngestRows {
    let outcomes: [RowOutcome<RedactedRecord>] =
        records.enumerated().map { index, record in
            .record(
                RedactedRecord(
                    record: record,
                    naturalKey: record.naturalKey,
                    fingerprint: record.contentFingerprint,
                    identifiers: [],
                    originals: nil
                ),
                line: index + 2
            )
        } + quarantine.map { .quarantined($0) }
    return IngestRows.preloaded(outcomes, ending: ending)
}

/// A ПОС record keyed by `id`, received `id` minutes after a fixed instant.
func record(
    _ id: String,
    region: String = "54",
    quarter: String = "2026Q2",
    text: String = "очередь в детский сад не движется",
    status: String? = "Принято",
    source: SourceKind = .pos
) throws -> FeedbackRecord {
    var record = FeedbackRecord(
        source: source,
        feed: "\(source.rawValue)-csv",
        receivedAt: Date(timeIntervalSince1970: 1_775_359_200 + (Double(id) ?? 0) * 60),
        region: region,
        regionRaw: region,
        regionCodeSystem: .kladr,
        quarter: try #require(Quarter(quarter)),
        text: text
    )
    record.sourceRecordID = id
    record.statusRaw = status
    return record
}

/// The identity of a file `digest`.
func identity(_ digest: String, source: SourceKind = .pos) -> IngestFileIdentity {
    IngestFileIdentity(
        digest: digest,
        path: "\(source.rawValue)_\(digest).csv",
        feed: "\(source.rawValue)-csv",
        source: source
    )
}

/// The identity of a file named after `name` that is hashed while it is read: its digest comes with its rows.
func hashedWhileRead(_ name: String, source: SourceKind = .pos) -> IngestFileIdentity {
    IngestFileIdentity(
        digest: nil,
        path: "\(source.rawValue)_\(name).csv",
        feed: "\(source.rawValue)-csv",
        source: source
    )
}

func classification(_ situation: String?, stage: String = "review") -> RecordClassification {
    RecordClassification(
        lifeSituation: situation,
        stage: stage,
        rule: situation == nil ? .unassigned : .keywords,
        evidence: situation == nil ? "нет признаков ситуации" : "ключевые слова: садик (счёт 2)",
        stageRule: .default,
        stageEvidence: "нет признаков этапа"
    )
}

func pain(
    _ id: String,
    region: String = "54",
    quarter: String = "2026Q3",
    situation: String = "kindergarten",
    rank: Int,
    count: Int
) throws -> StoredPain {
    StoredPain(
        region: region,
        quarter: try #require(Quarter(quarter)),
        lifeSituation: situation,
        id: id,
        rank: rank,
        title: "нет мест в садике \(id)",
        stage: "result",
        count: count,
        priority: 2.5,
        isSignal: count < 5,
        status: count < 5 ? "new" : "recurring",
        previousCount: count < 5 ? 0 : count / 2,
        centroid: ["сад": 0.7, "мест": 0.5, "сад мест": 0.2]
    )
}

/// Expects `body` to throw a ``LocatedFailure`` with `code` (a store refusing something), not any other error.
func expectStoreFailure(
    _ code: FailureCode,
    _ comment: Comment? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async {
    do {
        try await body()
        Issue.record("expected a store failure \(code), nothing was thrown", sourceLocation: sourceLocation)
    } catch let failure as LocatedFailure {
        #expect(failure.code == code, "\(failure)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a store failure \(code), got \(type(of: error))", sourceLocation: sourceLocation)
    }
}
