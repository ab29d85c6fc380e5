import Foundation
import GRDB
import PainmapCore
import Synchronization

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
        let names = Array(row.columnNames)
        // Every `SELECT f.*` row has the same columns: their positions are kept for the last list seen.
        if let known = Self.known.withLock({ $0 }), known.names == names {
            positions = known.positions
            return
        }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(names.count)
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
        Self.known.withLock { $0 = (names, positions) }
    }

    /// The positions of the last list of columns read.
    private static let known = Mutex<(names: [String], positions: [String: Int])?>(nil)

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
