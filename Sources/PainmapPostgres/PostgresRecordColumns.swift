#if PostgreSQL
    import Foundation
    import PainmapCore
    import PostgresNIO

    /// `feedback_record` as `COPY` lines and query rows, over the shared ``FeedbackRecordColumns`` description.
    enum PostgresRecordColumns {
        /// Encodes a record as one line of `COPY … FROM STDIN (FORMAT text)` in ``FeedbackRecordColumns/names`` order.
        ///
        /// - Returns: `nil` when a field holds U+0000, which PostgreSQL text cannot store; the caller quarantines the row.
        static func copyLine(_ record: FeedbackRecord, key: String, digest: Int64, fileID: Int64, line: Int) -> [UInt8]?
        {
            var out = CopyTextLine(capacity: 256 + record.text.utf8.count + (record.answerText?.utf8.count ?? 0))
            FeedbackRecordColumns.write(record, key: key, digest: digest, fileID: fileID, line: line, into: &out)
            return out.finish()
        }

        /// The select list that ``storedRecord(_:)`` reads, qualified by `table`.
        static func selectList(_ table: String) -> String {
            (["id"] + FeedbackRecordColumns.names).map { "\(table).\($0)" }.joined(separator: ", ")
        }

        /// Rebuilds a stored record from a row selected with ``selectList(_:)``; `nil` if a coded column holds an unknown
        /// value.
        static func storedRecord(_ row: PostgresRandomAccessRow) throws -> StoredRecord? {
            guard let record = try FeedbackRecordColumns.record(from: QueryRow(row: row)) else { return nil }
            return StoredRecord(
                id: RecordID(rawValue: try row["id"].decode(Int64.self)),
                fingerprint: UInt64(bitPattern: try row["content_digest"].decode(Int64.self)),
                record: record
            )
        }
    }

    /// A query row read by column name.
    private struct QueryRow: RecordColumnReader {
        let row: PostgresRandomAccessRow

        func text(_ column: String) throws -> String? { try row[column].decode(String?.self) }
        func real(_ column: String) throws -> Double? { try row[column].decode(Double?.self) }
        func boolean(_ column: String) throws -> Bool? { try row[column].decode(Bool?.self) }
    }

    extension CopyTextLine: RecordColumnWriter {
        mutating func real(_ value: Double?) { double(value) }
        mutating func integer(_ value: Int64?) {
            guard let value else { return null() }
            integer(value)
        }
        mutating func boolean(_ value: Bool?) { bool(value) }
    }

    /// One line of COPY text format: tab-separated fields, `\N` for NULL, backslash escapes for `\`, tab, LF and CR.
    struct CopyTextLine {
        private var bytes: [UInt8] = []
        private var first = true
        private var hasNUL = false

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        private mutating func separator() {
            if first { first = false } else { bytes.append(UInt8(ascii: "\t")) }
        }

        mutating func null() {
            separator()
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "N"))
        }

        mutating func text(_ value: String?) {
            guard var value else { return null() }
            separator()
            value.withUTF8 { utf8 in
                for byte in utf8 {
                    switch byte {
                    case UInt8(ascii: "\\"):
                        bytes.append(UInt8(ascii: "\\"))
                        bytes.append(UInt8(ascii: "\\"))
                    case UInt8(ascii: "\t"):
                        bytes.append(UInt8(ascii: "\\"))
                        bytes.append(UInt8(ascii: "t"))
                    case UInt8(ascii: "\n"):
                        bytes.append(UInt8(ascii: "\\"))
                        bytes.append(UInt8(ascii: "n"))
                    case UInt8(ascii: "\r"):
                        bytes.append(UInt8(ascii: "\\"))
                        bytes.append(UInt8(ascii: "r"))
                    case 0: hasNUL = true
                    default: bytes.append(byte)
                    }
                }
            }
        }

        mutating func double(_ value: Double?) {
            guard let value else { return null() }
            separator()
            // Swift prints the shortest digits that round-trip; PostgreSQL parses them back to the same double.
            bytes.append(contentsOf: value.description.utf8)
        }

        mutating func integer(_ value: Int64) {
            separator()
            bytes.append(contentsOf: String(value).utf8)
        }

        mutating func bool(_ value: Bool?) {
            guard let value else { return null() }
            separator()
            bytes.append(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        }

        /// `\x0a1b…` (bytea hex input, with its backslash escaped for COPY).
        mutating func bytea(_ value: [UInt8]) {
            separator()
            let digits = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\"), UInt8(ascii: "x")])
            for byte in value {
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0x0F)])
            }
        }

        /// The line with its newline, or `nil` if a text field held U+0000.
        consuming func finish() -> [UInt8]? {
            guard !hasNUL else { return nil }
            bytes.append(UInt8(ascii: "\n"))
            return bytes
        }
    }
#endif
