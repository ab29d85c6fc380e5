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

    private let handle: FileHandle
    private let delimiter: UInt8
    private let maxFieldBytes: Int
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEOF = false
    private var line = 1
    /// Whether the file began with a UTF-8 byte order mark (removed before parsing).
    private(set) var sawBOM = false
    private var started = false

    /// Opens a file for reading.
    init(url: URL, delimiter: UInt8, maxFieldBytes: Int) throws {
        handle = try FileHandle(forReadingFrom: url)
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
    }

    private mutating func refill() throws -> Bool {
        if atEOF { return false }
        let data = try handle.read(upToCount: 1 << 20) ?? Data()
        if data.isEmpty {
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
        while true {
            guard let (line, blank) = try scanRow() else { return nil }
            if !blank { return line }
        }
    }

    /// Scans one physical record; `blank` when it is a single empty field (after a CR before LF is dropped).
    private mutating func scanRow() throws -> (line: Int, blank: Bool)? {
        if position >= chunk.count, try !refill() { return nil }
        let startLine = line
        var state = State.fieldStart
        var fields = 1
        var firstFieldBytes = 0  // bytes the first field would hold, counted while it is the only field
        var firstFieldIsCR = false
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let carriage = UInt8(ascii: "\r")
        func note(_ byte: UInt8, count: Int = 1) {
            guard fields == 1 else { return }
            firstFieldIsCR = firstFieldBytes == 0 && count == 1 && byte == carriage
            firstFieldBytes += count
        }
        func result() -> (line: Int, blank: Bool) {
            (startLine, fields == 1 && (firstFieldBytes == 0 || (firstFieldBytes == 1 && firstFieldIsCR)))
        }
        while true {
            if position >= chunk.count, try !refill() {
                // An unterminated quote makes the row an error row in ``next()``, never a blank one.
                return state == .quoted ? (startLine, false) : result()
            }
            var index = position
            let end = chunk.count
            var rowDone = false
            chunk.withUnsafeBufferPointer { bytes in
                scan: while index < end {
                    let byte = bytes[index]
                    switch state {
                    case .fieldStart:
                        if byte == quote {
                            state = .quoted
                            index += 1
                        } else {
                            state = .unquoted
                        }
                    case .unquoted:
                        var stop = index
                        while stop < end, bytes[stop] != delimiter, bytes[stop] != newline { stop += 1 }
                        if stop > index { note(bytes[index], count: stop - index) }
                        index = stop
                        guard index < end else { break scan }
                        index += 1
                        if bytes[stop] == delimiter {
                            fields += 1
                            state = .fieldStart
                        } else {
                            line += 1
                            rowDone = true
                            break scan
                        }
                    case .quoted:
                        var stop = index
                        while stop < end, bytes[stop] != quote {
                            if bytes[stop] == newline { line += 1 }
                            stop += 1
                        }
                        if stop > index { note(bytes[index], count: stop - index) }
                        index = stop
                        guard index < end else { break scan }
                        state = .quoteInQuoted
                        index += 1
                    case .quoteInQuoted:
                        if byte == quote {
                            note(quote)
                            state = .quoted
                            index += 1
                        } else if byte == delimiter {
                            fields += 1
                            state = .fieldStart
                            index += 1
                        } else if byte == newline {
                            index += 1
                            line += 1
                            rowDone = true
                            break scan
                        } else if byte == carriage {
                            index += 1
                        } else {
                            state = .unquoted
                        }
                    }
                }
            }
            position = index
            if rowDone { return result() }
        }
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private mutating func readRow() throws -> Row? {
        if position >= chunk.count, try !refill() { return nil }
        var row = Row(line: line, fields: [], raw: [], issue: nil)
        var field: [UInt8] = []
        var state = State.fieldStart
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let carriage = UInt8(ascii: "\r")

        func appendField(_ bytes: ArraySlice<UInt8>, to field: inout [UInt8], row: inout Row, cap: Int) {
            let room = cap - field.count
            if room >= bytes.count {
                field.append(contentsOf: bytes)
            } else {
                if room > 0 { field.append(contentsOf: bytes.prefix(room)) }
                if row.issue == nil { row.issue = .fieldTooLong(fieldIndex: row.fields.count) }
            }
        }
        func finishField(_ field: inout [UInt8], row: inout Row) {
            if row.fields.count < CSVReader.maxFields {
                // Drop a CR left before LF in unquoted fields (CRLF files).
                if field.last == UInt8(ascii: "\r") { field.removeLast() }
                row.fields.append(field)
            } else if row.issue == nil {
                row.issue = .tooManyFields
            }
            field.removeAll(keepingCapacity: true)
        }

        while true {
            if position >= chunk.count {
                if try !refill() {
                    // End of file: close what is open.
                    if state == .quoted { row.issue = .unterminatedQuote }
                    finishField(&field, row: &row)
                    return row
                }
            }
            let start = position
            var index = position
            let end = chunk.count
            var rowDone = false
            scan: while index < end {
                let byte = chunk[index]
                switch state {
                case .fieldStart:
                    if byte == quote {
                        state = .quoted
                        index += 1
                    } else {
                        state = .unquoted
                    }
                case .unquoted:
                    var stop = index
                    while stop < end, chunk[stop] != delimiter, chunk[stop] != newline { stop += 1 }
                    appendField(chunk[index..<stop], to: &field, row: &row, cap: maxFieldBytes)
                    index = stop
                    guard index < end else { break scan }
                    if chunk[index] == delimiter {
                        finishField(&field, row: &row)
                        state = .fieldStart
                        index += 1
                    } else {
                        index += 1
                        line += 1
                        rowDone = true
                        break scan
                    }
                case .quoted:
                    var stop = index
                    while stop < end, chunk[stop] != quote {
                        if chunk[stop] == newline { line += 1 }
                        stop += 1
                    }
                    appendField(chunk[index..<stop], to: &field, row: &row, cap: maxFieldBytes)
                    index = stop
                    guard index < end else { break scan }
                    state = .quoteInQuoted
                    index += 1
                case .quoteInQuoted:
                    if byte == quote {
                        appendField([quote][...], to: &field, row: &row, cap: maxFieldBytes)
                        state = .quoted
                        index += 1
                    } else if byte == delimiter {
                        finishField(&field, row: &row)
                        state = .fieldStart
                        index += 1
                    } else if byte == newline {
                        index += 1
                        line += 1
                        rowDone = true
                        break scan
                    } else if byte == carriage {
                        index += 1
                    } else {
                        // Text after a closing quote: keep it, as spreadsheet tools do.
                        state = .unquoted
                    }
                }
            }
            if row.raw.count < CSVReader.rawCap {
                let take = min(CSVReader.rawCap - row.raw.count, index - start)
                row.raw.append(contentsOf: chunk[start..<start + take])
            }
            position = index
            if rowDone {
                finishField(&field, row: &row)
                return row
            }
        }
    }
}
