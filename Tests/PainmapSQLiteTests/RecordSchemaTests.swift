import Foundation
import GRDB
import PainmapCore
import Testing

@testable import PainmapSQLite

/// The table the migrations build is the one `FeedbackRecordColumns` describes, which the binder and decoder use.
@Suite struct RecordSchemaTests {
    @Test func feedbackRecordHasTheDescribedColumnsAndSliceIndex() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "painmap-schema-\(UUID().uuidString)"
        )
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteFeedbackStore(url: directory.appendingPathComponent("s.sqlite"))
        let (columns, index) = try await store.pool.read { db in
            (
                try Row.fetchAll(db, sql: "PRAGMA table_info(feedback_record)").map { row -> String in
                    "\(row["name"] as String) \(row["type"] as String) \((row["notnull"] as Int) == 1 ? "NOT NULL" : "NULL")"
                },
                try String.fetchAll(
                    db,
                    sql: "SELECT name FROM pragma_index_info('feedback_record_slice') ORDER BY seqno"
                )
            )
        }
        let described = FeedbackRecordColumns.all.map { column -> String in
            let type =
                switch column.type {
                case .text: "TEXT"
                case .real: "REAL"
                case .integer, .boolean: "INTEGER"
                }
            return "\(column.name) \(type) \(column.isOptional ? "NULL" : "NOT NULL")"
        }
        #expect(columns == ["id INTEGER NULL"] + described)
        #expect(index == FeedbackRecordColumns.sliceIndex)
    }

    @Test func aRecordWrittenAndReadBackThroughTheDescriptionIsUnchanged() throws {
        var record = FeedbackRecord(
            source: .survey,
            feed: "survey-csv",
            receivedAt: Date(timeIntervalSince1970: 1_775_359_200.5),
            region: "54",
            regionRaw: "50",
            regionCodeSystem: .okato,
            quarter: try #require(Quarter("2026Q2")),
            text: "долго ждали"
        )
        record.answeredAt = Date(timeIntervalSince1970: 1_775_400_000)
        record.is59FZ = true
        record.status = .closed
        record.ratings = [
            try #require(CriterionScore(criterion: .queue, score: 2)),
            try #require(CriterionScore(criterion: .time, score: 5)),
        ]
        record.lifeSituationHint = "Поиск работы"
        struct Values: RecordColumnWriter, RecordColumnReader {
            var values: [String: DatabaseValue] = [:]
            var index = 0
            mutating func put(_ value: DatabaseValue) {
                values[FeedbackRecordColumns.names[index]] = value
                index += 1
            }
            mutating func text(_ value: String?) { put(value?.databaseValue ?? .null) }
            mutating func real(_ value: Double?) { put(value?.databaseValue ?? .null) }
            mutating func integer(_ value: Int64?) { put(value?.databaseValue ?? .null) }
            mutating func boolean(_ value: Bool?) { put(value?.databaseValue ?? .null) }
            func text(_ column: String) -> String? { values[column].flatMap { String.fromDatabaseValue($0) } }
            func real(_ column: String) -> Double? { values[column].flatMap { Double.fromDatabaseValue($0) } }
            func boolean(_ column: String) -> Bool? { values[column].flatMap { Bool.fromDatabaseValue($0) } }
        }
        var values = Values()
        FeedbackRecordColumns.write(record, key: "k", digest: 7, fileID: 1, line: 2, into: &values)
        #expect(values.index == FeedbackRecordColumns.all.count)
        #expect(values.values["ratings"] == "queue=2,time=5".databaseValue)
        #expect(try FeedbackRecordColumns.record(from: values) == record)
    }
}
