import Foundation

/// A streaming RFC 4180 reader over bytes: quoted fields, `""` escapes, multi-line fields, CRLF.
///
/// It tokenizes UTF-8/CP1251 bytes, never `Character`s (a quote followed by a combining mark is one
/// grapheme and would hide the quote, RELIABILITY.md §4.3). Memory is bounded by the chunk size plus
/// one row; an over-long field is cut off and flagged, an unterminated quote is flagged at the end.
struct CSVReader {
    /// One physical record.
    struct Row {
        /// The 1-based physical line the row starts on.
        var line: Int
        /// The byte offset in the file where the row starts.
        var offset: Int = 0
        /// Field bytes; a field cut at the cap holds only its first `maxFieldBytes` bytes.
        var fields: [[UInt8]]
        /// The row's raw bytes, capped, for the quarantine table.
        var raw: [UInt8]
        /// What went wrong while reading the row, if anything.
        var issue: Issue?
    }

    /// A row-level problem the reader itself detects.
    enum Issue: Equatable {
        case fieldTooLong(fieldIndex: Int)
        case unterminatedQuote
        case tooManyFields
    }

    static let rawCap = 65_536
    static let maxFields = 4_096

    /// Thrown by ``captureRows(limit:maxRowBytes:into:)`` for a row longer than its cap.
    struct RowTooLong: Error {
        /// The line the row starts on.
        var line: Int
    }

    /// Where the bytes come from: a file read in chunks, or bytes already in memory.
    private let handle: FileHandle?
    private let delimiter: UInt8
    private let maxFieldBytes: Int
    /// Whether rows carry their raw bytes (for quarantine); readers that never quarantine skip the copy.
    private let keepsRaw: Bool
    /// Bytes asked of the file per read.
    private let readSize: Int
    private var chunk: [UInt8] = []
    /// Which fields rows keep the bytes of (empty: all); the others come back empty, though still counted and
    /// checked against the cap.
    ///
    /// The first field is always kept: the blank-line rule reads it.
    private var kept: [Bool] = []
    /// The file offset of `chunk[0]`.
    private var chunkOffset = 0
    private var position = 0
    private var atEOF = false
    private(set) var line = 1
    /// Whether the file began with a UTF-8 byte order mark (removed before parsing).
    private(set) var sawBOM = false
    private var started = false

    /// Opens a file for reading.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - delimiter: The field separator byte.
    ///   - maxFieldBytes: The cap on one field's bytes.
    ///   - keepsRaw: Whether rows carry their raw bytes.
    ///   - offset: Where to start: `0` for the beginning (a byte order mark is then dropped), or the
    ///     ``Row/offset`` of a row read before, with that row's `line`.
    ///   - line: The line at `offset`.
    ///   - readSize: Bytes per read; small for a reader that only reads a row or two.
    /// - Throws: The file system's error when the file cannot be opened or sought.
    init(
        url: URL,
        delimiter: UInt8,
        maxFieldBytes: Int,
        keepsRaw: Bool = true,
        offset: Int = 0,
        line: Int = 1,
        readSize: Int = 1 << 20
    ) throws {
        let handle = try FileHandle(forReadingFrom: url)
        if offset > 0 {
            try handle.seek(toOffset: UInt64(offset))
            started = true
        }
        self.handle = handle
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
        self.keepsRaw = keepsRaw
        self.readSize = max(4_096, readSize)
        self.chunkOffset = offset
        self.line = line
    }

    /// Reads rows from bytes cut out of a file by ``captureRows(limit:maxRowBytes:into:)``.
    ///
    /// - Parameters:
    ///   - bytes: Whole rows.
    ///   - offset: The file offset of `bytes[0]`.
    ///   - line: The line `bytes` starts on.
    ///   - delimiter: The field separator byte.
    ///   - maxFieldBytes: The cap on one field's bytes.
    ///   - keepsRaw: Whether rows carry their raw bytes.
    init(bytes: [UInt8], offset: Int, line: Int, delimiter: UInt8, maxFieldBytes: Int, keepsRaw: Bool) {
        handle = nil
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
        self.keepsRaw = keepsRaw
        readSize = 0
        chunk = bytes
        chunkOffset = offset
        self.line = line
        started = true
        atEOF = true
    }

    private mutating func refill() throws -> Bool {
        if atEOF { return false }
        guard let handle else { return false }
        let data = try handle.read(upToCount: readSize) ?? Data()
        chunkOffset += chunk.count
        if data.isEmpty {
            chunk = []
            position = 0
            atEOF = true
            try? handle.close()
            return false
        }
        chunk = [UInt8](data)
        position = 0
        if !started {
            started = true
            if chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
                sawBOM = true
                position = 3
            }
        }
        return true
    }

    /// Makes rows keep the bytes of the given fields only (and of the first); `nil` keeps all.
    mutating func keepFields(_ fields: [Int]?) {
        guard let fields else {
            kept = []
            return
        }
        kept = [Bool](repeating: false, count: (fields.max() ?? 0) + 1)
        kept[0] = true
        for field in fields where field >= 0 { kept[field] = true }
    }

    /// Reads the next row, skipping blank lines; `nil` at the end of the file.
    mutating func next() throws -> Row? {
        while true {
            guard let row = try readRow() else { return nil }
            if row.fields.count == 1, row.fields[0].isEmpty, row.issue == nil { continue }  // blank line
            return row
        }
    }

    /// Moves past the next non-blank row without building it: the same rows, lines and blank-line rule as
    /// ``next()``, but no field or raw bytes are copied, so a second pass over a file runs at scanning speed.
    ///
    /// - Returns: The 1-based line the skipped row starts on, or `nil` at the end of the file.
    mutating func skipRow() throws -> Int? {
        var none: [UInt8]? = nil
        while true {
            guard let (line, blank) = try scanRow(capture: &none, maxBytes: .max) else { return nil }
            if !blank { return line }
        }
    }

    /// Moves past up to `limit` non-blank rows and the blank lines among them, appending their bytes to
    /// `bytes`: the input of a reader made with ``init(bytes:offset:line:delimiter:maxFieldBytes:keepsRaw:)``,
    /// which then reads exactly the rows ``next()`` would have read here.
    ///
    /// Scanning copies bytes but builds no
    /// fields, so one thread can cut a file into pieces that others parse.
    ///
    /// - Parameters:
    ///   - limit: The most non-blank rows to take.
    ///   - maxRowBytes: The longest row (in bytes) to take; a longer one throws ``RowTooLong`` and leaves
    ///     this reader unusable, so memory stays bounded on a file whose quote never closes.
    ///   - byteLimit: No further row is taken once `bytes` holds this many bytes.
    ///   - bytes: Receives the rows' bytes.
    /// - Returns: The number of non-blank rows taken (`0` at the end of the file), the file offset of the
    ///   first byte taken and its line.
    /// - Throws: ``RowTooLong`` for a row over `maxRowBytes`; the file system's error when reading fails.
    mutating func captureRows(
        limit: Int,
        maxRowBytes: Int,
        byteLimit: Int = .max,
        into bytes: inout [UInt8]
    ) throws -> (rows: Int, offset: Int, line: Int) {
        if position >= chunk.count, try !refill() { return (0, offset, line) }
        let start = (offset: offset, line: line)
        var capture: [UInt8]? = bytes
        bytes = []
        defer { bytes = capture ?? [] }
        var rows = 0
        while rows < limit && (capture?.count ?? 0) < byteLimit {
            guard let (_, blank) = try scanRow(capture: &capture, maxBytes: maxRowBytes) else { break }
            if !blank { rows += 1 }
        }
        return (rows, start.offset, start.line)
    }

    /// The file offset of the next byte to be read.
    var offset: Int { chunkOffset + position }

    /// Scans one physical record; `blank` when it is a single empty field (after a CR before LF is dropped).
    ///
    /// With `capture`, the record's bytes are appended to it; a record longer than `maxBytes` throws ``RowTooLong``.
    private mutating func scanRow(capture: inout [UInt8]?, maxBytes: Int) throws -> (line: Int, blank: Bool)? {
        if position >= chunk.count, try !refill() { return nil }
        let startLine = line
        let capturedBefore = capture?.count ?? 0
        var scanner = CSVScanner(delimiter: delimiter)
        var shape = RowShape()
        var line = self.line
        defer { self.line = line }
        while true {
            if position >= chunk.count, try !refill() {
                // An unterminated quote makes the row an error row in ``next()``, never a blank one.
                return scanner.state == .quoted ? (startLine, false) : (startLine, shape.isBlank)
            }
            let start = position
            let (index, rowEnded) = chunk.withUnsafeBufferPointer { bytes in
                scanner.scan(bytes, from: start, line: &line, into: &shape)
            }
            capture?.append(contentsOf: chunk[position..<index])
            if let captured = capture?.count, captured - capturedBefore > maxBytes { throw RowTooLong(line: startLine) }
            position = index
            if rowEnded { return (startLine, shape.isBlank) }
        }
    }

    private mutating func readRow() throws -> Row? {
        if position >= chunk.count, try !refill() { return nil }
        var builder = RowBuilder(
            row: Row(line: line, offset: offset, fields: [], raw: [], issue: nil),
            kept: kept,
            cap: maxFieldBytes
        )
        var scanner = CSVScanner(delimiter: delimiter)
        var line = self.line
        defer { self.line = line }
        while true {
            if position >= chunk.count {
                if try !refill() {
                    // End of file: close what is open.
                    if scanner.state == .quoted { builder.row.issue = .unterminatedQuote }
                    builder.fieldEnded()
                    return builder.row
                }
            }
            let start = position
            let (index, rowEnded) = chunk.withUnsafeBufferPointer { bytes in
                scanner.scan(bytes, from: start, line: &line, into: &builder)
            }
            if keepsRaw, builder.row.raw.count < CSVReader.rawCap {
                let take = min(CSVReader.rawCap - builder.row.raw.count, index - start)
                builder.row.raw.append(contentsOf: chunk[start..<start + take])
            }
            position = index
            if rowEnded {
                builder.fieldEnded()
                return builder.row
            }
        }
    }
}

extension CSVReader {
    /// A field's content in the bytes of an in-memory reader: a range of them, or a copy when it came in pieces
    /// (an escaped `""` splits it).
    enum FieldBytes {
        case range(Range<Int>)
        case pieces([UInt8])

        /// The content, given the reader's bytes.
        func withBytes<T>(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
            switch self {
            case .range(let range): body(UnsafeBufferPointer(rebasing: bytes[range]))
            case .pieces(let copy): copy.withUnsafeBufferPointer(body)
            }
        }
    }

    /// A row of an in-memory reader whose fields are not copied out.
    ///
    /// What ``next()`` returns, with ``FieldBytes`` for fields. Fields of a row with an ``Issue`` are not meaningful.
    struct RangeRow {
        var line: Int
        var offset: Int
        var fields: [FieldBytes]
        var raw: [UInt8]
        var issue: Issue?
    }

    /// The next non-blank row of a reader made with ``init(bytes:offset:line:delimiter:maxFieldBytes:keepsRaw:)``,
    /// read as ``next()`` reads it (lines, blank lines, raw bytes, issues), but with its fields left in place.
    ///
    /// - Parameter bytes: The reader's bytes (the block it was made with).
    /// - Returns: The row, or `nil` at the end of the bytes.
    mutating func nextRangeRow(in bytes: UnsafeBufferPointer<UInt8>) -> RangeRow? {
        while position < chunk.count {
            let start = position
            var builder = RangeRowBuilder(bytes: bytes, cap: maxFieldBytes)
            var scanner = CSVScanner(delimiter: delimiter)
            var line = self.line
            let (index, rowEnded) = scanner.scan(bytes, from: start, line: &line, into: &builder)
            var row = RangeRow(line: self.line, offset: chunkOffset + start, fields: [], raw: [], issue: nil)
            self.line = line
            position = index
            // At the end of the bytes the row ends there, as at the end of a file.
            if !rowEnded, scanner.state == .quoted { builder.issue = .unterminatedQuote }
            builder.fieldEnded()
            row.fields = builder.fields
            row.issue = builder.issue
            if row.fields.count == 1, row.issue == nil, row.fields[0].isEmpty { continue }  // blank line
            if keepsRaw { row.raw = Array(bytes[start..<start + min(CSVReader.rawCap, index - start)]) }
            return row
        }
        return nil
    }
}

extension CSVReader.FieldBytes {
    fileprivate var isEmpty: Bool {
        switch self {
        case .range(let range): range.isEmpty
        case .pieces(let copy): copy.isEmpty
        }
    }
}

/// Builds a ``CSVReader/RangeRow``: the same fields, cap and issues as `RowBuilder`, as ranges of the bytes scanned.
private struct RangeRowBuilder: CSVFieldSink {
    var fields: [CSVReader.FieldBytes] = []
    var issue: CSVReader.Issue?
    /// The bytes being scanned, valid while the builder is used.
    private let bytes: UnsafeBufferPointer<UInt8>
    private let cap: Int
    /// The current field: its range while it is one piece, its copy once it is more.
    private var range: Range<Int>?
    private var copy: [UInt8]?
    private var length = 0

    init(bytes: UnsafeBufferPointer<UInt8>, cap: Int) {
        self.bytes = bytes
        self.cap = cap
        fields.reserveCapacity(32)
    }

    mutating func content(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        length += end - start
        if length > cap {
            if issue == nil { issue = .fieldTooLong(fieldIndex: fields.count) }
            return  // the row is unreadable: its fields are not used
        }
        if copy != nil {
            copy?.append(contentsOf: bytes[start..<end])
        } else if let current = range {
            copy = Array(bytes[current]) + bytes[start..<end]
            range = nil
        } else {
            range = start..<end
        }
    }

    /// Ends the current field (a carriage return left before LF is dropped).
    mutating func fieldEnded() {
        defer {
            range = nil
            copy = nil
            length = 0
        }
        guard fields.count < CSVReader.maxFields else {
            if issue == nil { issue = .tooManyFields }
            return
        }
        if var copy {
            if copy.last == UInt8(ascii: "\r") { copy.removeLast() }
            fields.append(.pieces(copy))
        } else if var current = range {
            if bytes[current.upperBound - 1] == UInt8(ascii: "\r") {
                current = current.lowerBound..<current.upperBound - 1
            }
            fields.append(.range(current))
        } else {
            fields.append(.range(0..<0))
        }
    }
}

/// Counts a row's fields and its first field's bytes, to tell a blank line from a row without building either.
private struct RowShape: CSVFieldSink {
    private var fields = 1
    /// Bytes the first field would hold, counted while it is the only field.
    private var firstFieldBytes = 0
    private var firstFieldIsCR = false

    /// A single empty field, or one holding only the CR of a CRLF line end.
    var isBlank: Bool { fields == 1 && (firstFieldBytes == 0 || (firstFieldBytes == 1 && firstFieldIsCR)) }

    mutating func content(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard fields == 1 else { return }
        firstFieldIsCR = firstFieldBytes == 0 && end - start == 1 && bytes[start] == UInt8(ascii: "\r")
        firstFieldBytes += end - start
    }

    mutating func fieldEnded() { fields += 1 }
}

/// Builds a ``CSVReader/Row``: keeps the bytes of the fields asked for, up to the cap, and notes the first issue.
private struct RowBuilder: CSVFieldSink {
    var row: CSVReader.Row
    private var field: [UInt8] = []
    private let kept: [Bool]
    private let cap: Int
    private var keepsField = true  // the first field always
    private var skippedBytes = 0  // bytes of a field that is not kept, counted up to the cap

    init(row: CSVReader.Row, kept: [Bool], cap: Int) {
        self.row = row
        self.kept = kept
        self.cap = cap
    }

    mutating func content(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        let count = end - start
        let length = keepsField ? field.count : skippedBytes
        let room = cap - length
        if room >= count {
            if keepsField { field.append(contentsOf: bytes[start..<end]) } else { skippedBytes += count }
        } else {
            if room > 0 {
                if keepsField { field.append(contentsOf: bytes[start..<start + room]) } else { skippedBytes = cap }
            }
            if row.issue == nil { row.issue = .fieldTooLong(fieldIndex: row.fields.count) }
        }
    }

    mutating func fieldEnded() {
        if row.fields.count < CSVReader.maxFields {
            if keepsField {
                // Drop a CR left before LF in unquoted fields (CRLF files).
                if field.last == UInt8(ascii: "\r") { field.removeLast() }
                row.fields.append(field)
                field.removeAll(keepingCapacity: true)
            } else {
                row.fields.append([])
            }
        } else {
            if row.issue == nil { row.issue = .tooManyFields }
            field.removeAll(keepingCapacity: true)
        }
        let next = row.fields.count
        keepsField = kept.isEmpty || (next < kept.count && kept[next])
        skippedBytes = 0
    }
}
