import PainmapCore

/// Decides a file's encoding once and decodes its fields strictly.
///
/// Order (RELIABILITY.md §4.2): a UTF-8 BOM fixes UTF-8; otherwise the first row with non-ASCII bytes
/// decides — valid UTF-8 → UTF-8, else the feed's declared legacy encoding if every byte of the row
/// fits it. After that every row must fit the chosen encoding; a row that does not is quarantined as
/// `bad_encoding`. Nothing is ever decoded with replacement characters.
struct FieldDecoder: Sendable, Equatable {
    /// The encodings a file can end up with.
    enum Encoding: String {
        case utf8 = "utf-8"
        case utf8BOM = "utf-8-bom"
        case cp1251
    }

    private(set) var chosen: Encoding?
    /// The encoding the feed or the caller declared.
    let declared: DeclaredEncoding

    init(declared: DeclaredEncoding, bomSeen: Bool) {
        self.declared = declared
        self.chosen = bomSeen ? .utf8BOM : nil
    }

    /// The encoding name for the ledger (`utf-8` when every byte so far was ASCII).
    var ledgerName: String { (chosen ?? .utf8).rawValue }

    /// Decodes all fields of one row, or returns `nil` if the row does not fit the file's encoding or holds a NUL byte.
    mutating func decode(_ fields: [[UInt8]]) -> [String]? {
        // A NUL byte is never text in an export: it marks UTF-16 read as bytes or a binary file.
        var ascii = true
        for field in fields {
            for byte in field {
                if byte == 0 { return nil }
                if byte >= 0x80 { ascii = false }
            }
        }
        if ascii {
            return fields.map { String(decoding: $0, as: UTF8.self) }  // ASCII: decoding cannot replace anything
        }
        switch chosen {
        case .utf8, .utf8BOM:
            return FieldDecoder.utf8(fields)
        case .cp1251:
            return FieldDecoder.cp1251(fields)
        case nil:
            if let decoded = FieldDecoder.utf8(fields) {
                chosen = .utf8
                return decoded
            }
            if declared == .cp1251, let decoded = FieldDecoder.cp1251(fields) {
                chosen = .cp1251
                return decoded
            }
            return nil
        }
    }

    /// ``decode(_:)`` of a row whose fields lie in `bytes` (``CSVReader/FieldBytes``), for a file decided as UTF-8;
    /// `nil` also when the file is not decided so (the caller then decodes copies of the fields).
    func decodeUTF8(_ fields: [CSVReader.FieldBytes], in bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard chosen == .utf8 || chosen == .utf8BOM else { return nil }
        var ascii = true
        for field in fields {
            let clean = field.withBytes(in: bytes) { content in
                guard let base = content.baseAddress else { return true }
                // Eight bytes at a time: a NUL byte (exact zero-byte test) or a byte at or above 0x80.
                var seen: UInt64 = 0
                var index = 0
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                while index + 8 <= content.count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if (word &- ones) & ~word & highs != 0 { return false }
                    seen |= word
                    index += 8
                }
                while index < content.count {
                    if base[index] == 0 { return false }
                    seen |= UInt64(base[index])
                    index += 1
                }
                if seen & highs != 0 { ascii = false }
                return true
            }
            if !clean { return nil }
        }
        var out: [String] = []
        out.reserveCapacity(fields.count)
        for field in fields {
            // ASCII: decoding cannot replace anything.
            let text = field.withBytes(in: bytes) { content -> String? in
                ascii ? String(decoding: content, as: UTF8.self) : String(validating: content, as: UTF8.self)
            }
            guard let text else { return nil }
            out.append(text)
        }
        return out
    }

    private static func utf8(_ fields: [[UInt8]]) -> [String]? {
        var out: [String] = []
        out.reserveCapacity(fields.count)
        for field in fields {
            guard let text = String(validating: field, as: UTF8.self) else { return nil }
            out.append(text)
        }
        return out
    }

    private static func cp1251(_ fields: [[UInt8]]) -> [String]? {
        var out: [String] = []
        out.reserveCapacity(fields.count)
        for field in fields {
            guard let text = CP1251.decode(field) else { return nil }
            out.append(text)
        }
        return out
    }
}
