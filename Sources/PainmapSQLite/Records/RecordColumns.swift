import Foundation
import GRDB
import PainmapCore

/// The insert and update statements of `feedback_record`, over the shared ``FeedbackRecordColumns`` description.
enum RecordColumns {
    static let insertSQL =
        "INSERT INTO feedback_record (\(FeedbackRecordColumns.names.joined(separator: ", "))) VALUES (\(FeedbackRecordColumns.names.map { _ in "?" }.joined(separator: ", "))) ON CONFLICT (source, natural_key) DO NOTHING"

    /// Numbered parameters, so an update binds exactly like an insert (`?1` source, `?2` key, …).
    static let updateSQL =
        "UPDATE feedback_record SET \(FeedbackRecordColumns.names.enumerated().dropFirst(2).map { "\($0.element) = ?\($0.offset + 1)" }.joined(separator: ", ")) WHERE source = ?1 AND natural_key = ?2"

    /// Rebuilds a record from a `feedback_record` row; `nil` if a coded column holds an unknown value.
    static func record(_ row: Row) -> FeedbackRecord? {
        // GRDB's row accessors do not throw.
        try? FeedbackRecordColumns.record(from: StoredRow(row: row)) ?? nil
    }
}

/// A GRDB row read by column name.
///
/// The columns' positions are looked up once per row: GRDB's lookup by name folds the case of every column name it
/// compares, on every call.
private struct StoredRow: RecordColumnReader {
    let row: Row
    private let positions: [String: Int]

    init(row: Row) {
        self.row = row
        var positions: [String: Int] = [:]
        for (index, name) in row.columnNames.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
    }

    func text(_ column: String) -> String? {
        guard let index = positions[column] else { return row[column] }
        return row[index]
    }

    func real(_ column: String) -> Double? {
        guard let index = positions[column] else { return row[column] }
        return row[index]
    }

    func boolean(_ column: String) -> Bool? {
        guard let index = positions[column] else { return row[column] }
        return row[index]
    }
}

extension Binder: RecordColumnWriter {
    mutating func text(_ value: String?) { bind(value) }
    mutating func real(_ value: Double?) { bind(value) }
    mutating func integer(_ value: Int64?) { bind(value) }
    mutating func boolean(_ value: Bool?) { bind(value.map { $0 ? Int64(1) : Int64(0) }) }
}
