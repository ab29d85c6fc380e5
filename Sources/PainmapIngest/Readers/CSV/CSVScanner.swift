/// Receives what ``CSVScanner`` finds in a row: the bytes of each field's content and the field boundaries.
protocol CSVFieldSink {
    /// Content bytes of the current field, `bytes[start..<end]`: quotes around a field and a carriage return after
    /// a closing quote are left out, and an escaped `""` comes as the one quote it stands for.
    mutating func content(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
    /// A delimiter ended the current field; the next one starts.
    mutating func fieldEnded()
}

/// The RFC 4180 quote state machine over bytes: one home for the rules every CSV path follows.
///
/// Quoted fields, `""` escapes, line breaks inside quotes, text after a closing quote kept (as spreadsheet tools
/// do), a carriage return before the row's LF left in the last unquoted field for the caller to drop. It reports
/// field boundaries and content spans to a ``CSVFieldSink`` and never copies bytes itself, so the row reader
/// (which builds fields) and the block cutter (which only counts them) share it at scanning speed.
struct CSVScanner {
    /// Where in a field the scanner is.
    enum State {
        /// Before the first byte of a field.
        case fieldStart
        /// Inside a field that did not start with a quote.
        case unquoted
        /// Inside quotes.
        case quoted
        /// Just after a quote inside quotes: an escape or the closing quote.
        case quoteInQuoted
    }

    /// The field separator byte.
    let delimiter: UInt8
    /// The state after the last scanned byte; ``State/quoted`` at the end of a file means an unterminated quote.
    private(set) var state = State.fieldStart

    /// Creates a scanner at the start of a row.
    init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    /// Scans `bytes[start...]` until the row's line feed (consumed) or the end of the bytes.
    ///
    /// - Parameters:
    ///   - bytes: The bytes at hand; a row may continue in the next buffer, with the same scanner.
    ///   - start: The first byte to scan.
    ///   - line: The current line, incremented at every line feed passed (inside quotes too).
    ///   - sink: Receives the field contents and boundaries.
    /// - Returns: The index after the last byte scanned and whether the row ended.
    mutating func scan(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        line: inout Int,
        into sink: inout some CSVFieldSink
    ) -> (end: Int, rowEnded: Bool) {
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let carriage = UInt8(ascii: "\r")
        let end = bytes.count
        var index = start
        while index < end {
            switch state {
            case .fieldStart:
                if bytes[index] == quote {
                    state = .quoted
                    index += 1
                } else {
                    state = .unquoted
                }
            case .unquoted:
                var stop = index
                while stop < end, bytes[stop] != delimiter, bytes[stop] != newline { stop += 1 }
                if stop > index { sink.content(bytes, from: index, to: stop) }
                index = stop
                guard index < end else { return (index, false) }
                index += 1
                if bytes[stop] == delimiter {
                    sink.fieldEnded()
                    state = .fieldStart
                } else {
                    line += 1
                    state = .fieldStart
                    return (index, true)
                }
            case .quoted:
                var stop = index
                while stop < end, bytes[stop] != quote {
                    if bytes[stop] == newline { line += 1 }
                    stop += 1
                }
                if stop > index { sink.content(bytes, from: index, to: stop) }
                index = stop
                guard index < end else { return (index, false) }
                state = .quoteInQuoted
                index += 1
            case .quoteInQuoted:
                let byte = bytes[index]
                if byte == quote {
                    sink.content(bytes, from: index, to: index + 1)
                    state = .quoted
                    index += 1
                } else if byte == delimiter {
                    sink.fieldEnded()
                    state = .fieldStart
                    index += 1
                } else if byte == newline {
                    line += 1
                    state = .fieldStart
                    return (index + 1, true)
                } else if byte == carriage {
                    index += 1
                } else {
                    // Text after a closing quote: keep it, as spreadsheet tools do.
                    state = .unquoted
                }
            }
        }
        return (index, false)
    }
}
