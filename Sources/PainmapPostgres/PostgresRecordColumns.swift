#if PostgreSQL
    import Foundation
    import PainmapCore
    import PostgresNIO

    /// The columns of `feedback_record` in COPY order, and how a record is rebuilt from a row.
    enum PostgresRecordColumns {
        /// The same column order as the SQLite store's.
        static let names = [
            "source", "natural_key", "feed", "source_record_id", "received_at", "answered_at", "deadline_at", "region",
            "region_raw", "region_code_system", "quarter", "municipality", "oktmo", "category_raw", "subcategory_raw",
            "category_code", "text", "answer_text", "status_raw", "status", "organization", "organization_id",
            "authority_id", "service_id", "service_name", "procedure_id", "channel", "is_59fz", "ratings",
            "life_situation_hint", "content_digest", "file_id", "line",
        ]

        /// Encodes a record as one line of `COPY … FROM STDIN (FORMAT text)` in ``names`` order.
        ///
        /// - Returns: `nil` when a field holds U+0000, which PostgreSQL text cannot store; the caller quarantines the row.
        static func copyLine(_ record: FeedbackRecord, key: String, digest: Int64, fileID: Int64, line: Int) -> [UInt8]?
        {
            var out = CopyTextLine(capacity: 256 + record.text.utf8.count + (record.answerText?.utf8.count ?? 0))
            out.text(record.source.rawValue)
            out.text(key)
            out.text(record.feed)
            out.text(record.sourceRecordID)
            out.double(record.receivedAt.timeIntervalSince1970)
            out.double(record.answeredAt?.timeIntervalSince1970)
            out.double(record.deadlineAt?.timeIntervalSince1970)
            out.text(record.region)
            out.text(record.regionRaw)
            out.text(record.regionCodeSystem.rawValue)
            out.text(record.quarter.description)
            out.text(record.municipality)
            out.text(record.oktmo)
            out.text(record.categoryRaw)
            out.text(record.subcategoryRaw)
            out.text(record.categoryCode)
            out.text(record.text)
            out.text(record.answerText)
            out.text(record.statusRaw)
            out.text(record.status?.rawValue)
            out.text(record.organization)
            out.text(record.organizationID)
            out.text(record.authorityID)
            out.text(record.serviceID)
            out.text(record.serviceName)
            out.text(record.procedureID)
            out.text(record.channel)
            out.bool(record.is59FZ)
            out.text(encode(record.ratings))
            out.text(record.lifeSituationHint)
            out.integer(digest)
            out.integer(fileID)
            out.integer(Int64(line))
            return out.finish()
        }

        /// `time=2,queue=3`, as in the SQLite store.
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

        /// The select list that ``record(_:)`` reads, qualified by `table`.
        static func selectList(_ table: String) -> String {
            (["id"] + names).map { "\(table).\($0)" }.joined(separator: ", ")
        }

        /// Rebuilds a stored record from a row selected with ``selectList(_:)``; `nil` if a coded column holds an unknown value.
        static func storedRecord(_ row: PostgresRandomAccessRow) throws -> StoredRecord? {
            guard let source = SourceKind(rawValue: try row["source"].decode(String.self)),
                let system = RegionCodeSystem(rawValue: try row["region_code_system"].decode(String.self)),
                let quarter = Quarter(try row["quarter"].decode(String.self))
            else { return nil }
            func text(_ name: String) throws -> String? { try row[name].decode(String?.self) }
            func date(_ name: String) throws -> Date? {
                try row[name].decode(Double?.self).map(Date.init(timeIntervalSince1970:))
            }
            var record = FeedbackRecord(
                source: source,
                feed: try row["feed"].decode(String.self),
                receivedAt: Date(timeIntervalSince1970: try row["received_at"].decode(Double.self)),
                region: try row["region"].decode(String.self),
                regionRaw: try row["region_raw"].decode(String.self),
                regionCodeSystem: system,
                quarter: quarter,
                text: try row["text"].decode(String.self)
            )
            record.sourceRecordID = try text("source_record_id")
            record.answeredAt = try date("answered_at")
            record.deadlineAt = try date("deadline_at")
            record.municipality = try text("municipality")
            record.oktmo = try text("oktmo")
            record.categoryRaw = try text("category_raw")
            record.subcategoryRaw = try text("subcategory_raw")
            record.categoryCode = try text("category_code")
            record.answerText = try text("answer_text")
            record.statusRaw = try text("status_raw")
            record.status = try text("status").flatMap(RecordStatus.init(rawValue:))
            record.organization = try text("organization")
            record.organizationID = try text("organization_id")
            record.authorityID = try text("authority_id")
            record.serviceID = try text("service_id")
            record.serviceName = try text("service_name")
            record.procedureID = try text("procedure_id")
            record.channel = try text("channel")
            record.is59FZ = try row["is_59fz"].decode(Bool?.self)
            record.ratings = decode(try row["ratings"].decode(String.self))
            record.lifeSituationHint = try text("life_situation_hint")
            return StoredRecord(
                id: RecordID(rawValue: try row["id"].decode(Int64.self)),
                fingerprint: UInt64(bitPattern: try row["content_digest"].decode(Int64.self)),
                record: record
            )
        }
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
