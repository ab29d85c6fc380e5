public import Foundation
public import PainmapCore

/// Reads any delimited text file (CSV, `;`- or tab-separated) row by row, decoding fields strictly.
///
/// This is the public face of the reader the ingest adapters use, for tools that read files outside the feed
/// layouts (`painmap cluster`): RFC 4180 quoting (quoted fields, `""` escapes, line breaks inside quotes, CRLF),
/// a UTF-8 byte order mark dropped, blank lines skipped, memory bounded by a 1 MiB read buffer plus one row.
/// Encodings are decided, never guessed (`FieldDecoder`): a BOM fixes UTF-8; otherwise the first row with non-ASCII
/// bytes decides — valid UTF-8 → UTF-8, else Windows-1251 when ``DeclaredEncoding/cp1251`` was declared. After that every row
/// must fit the chosen encoding. Nothing is decoded with replacement characters.
///
/// The first row comes back like any other; callers treat it as the header.
///
/// ```swift
/// var reader = try DelimitedTextReader(url: url, delimiter: UInt8(ascii: ";"), encoding: .cp1251)
/// while let row = try reader.next() {
///     print(row.line, row.fields)
/// }
/// ```
public struct DelimitedTextReader {
    /// One decoded row.
    public struct Row: Sendable, Equatable {
        /// The 1-based physical line the row starts on.
        public var line: Int
        /// The fields, decoded; a row may have fewer or more fields than the header.
        public var fields: [String]
        /// Where the row starts, to read it again later (``init(url:displayPath:delimiter:maxFieldBytes:resumingAt:)``).
        public var position: Position

        /// Creates a row.
        ///
        /// - Parameters:
        ///   - line: The 1-based physical line the row starts on.
        ///   - fields: The decoded fields.
        ///   - offset: The byte offset in the file where the row starts.
        public init(line: Int, fields: [String], offset: Int = 0) {
            self.line = line
            self.fields = fields
            position = Position(offset: offset, line: line)
        }
    }

    /// Where a row starts in its file.
    public struct Position: Sendable, Hashable {
        /// The byte offset of the row's first byte.
        public var offset: Int
        /// The 1-based physical line the row starts on.
        public var line: Int

        /// Creates a position.
        public init(offset: Int, line: Int) {
            self.offset = offset
            self.line = line
        }
    }

    /// The reader's encoding decision, to carry from one reader of a file to another.
    ///
    /// Undecided while every decoded byte was ASCII; then fixed by a byte order mark or by the first
    /// row with non-ASCII bytes in its decoded fields.
    public struct Decoding: Sendable, Equatable {
        fileprivate var decoder: FieldDecoder

        /// The decided encoding (`utf-8`, `utf-8-bom`, `cp1251`), or `nil` while undecided.
        public var decidedEncoding: String? { decoder.chosen?.rawValue }
        /// The encoding as ``DelimitedTextReader/detectedEncoding`` names it (`utf-8` while undecided).
        public var encodingName: String { decoder.ledgerName }

        /// Whether a block read from an undecided state, ending in state `later`, decoded its rows as a
        /// reader in this state would have: it took no decision (all its decoded bytes were ASCII), or this
        /// state has none yet, or both are the same.
        public func agrees(with later: Decoding) -> Bool {
            decoder.chosen == nil || later.decoder.chosen == nil || later.decoder.chosen == decoder.chosen
        }

        /// This state once `later` (taken by a reader that started from an undecided state) has decided.
        public func adopting(_ later: Decoding) -> Decoding {
            decoder.chosen == nil ? later : self
        }
    }

    /// A run of whole rows cut from a file by ``nextBlock(rowLimit:byteLimit:maxRowBytes:)``, to be read with
    /// ``init(block:)`` — on another thread, since a block holds its bytes.
    public struct Block: Sendable {
        fileprivate let bytes: [UInt8]
        fileprivate let offset: Int
        fileprivate let line: Int
        fileprivate let delimiter: UInt8
        fileprivate let maxFieldBytes: Int
        fileprivate let path: String
        fileprivate let decoding: Decoding
        /// The non-blank rows in the block.
        public let rowCount: Int
        /// The line of the first row.
        public var firstLine: Int { line }
    }

    /// The default cap on one field's bytes (1 MiB): far above any real message, small enough to bound memory.
    public static let defaultMaxFieldBytes = 1 << 20

    private var reader: CSVReader
    private var decoder: FieldDecoder
    private let path: String
    private let maxFieldBytes: Int
    private let delimiter: UInt8
    /// The columns the underlying reader keeps the bytes of (`nil`: all).
    private var keptColumns: [Int]?

    /// Opens a file.
    ///
    /// - Parameters:
    ///   - url: The file to read.
    ///   - displayPath: The path to show in messages; by default `url.path`.
    ///   - delimiter: The field separator byte (`,`, `;`, tab).
    ///   - encoding: The declared encoding.
    ///   - maxFieldBytes: The longest field accepted, in bytes.
    /// - Throws: ``LocatedFailure`` with ``FailureCode/unreadable`` when the file cannot be opened.
    public init(
        url: URL,
        displayPath: String? = nil,
        delimiter: UInt8 = UInt8(ascii: ","),
        encoding: DeclaredEncoding = .utf8,
        maxFieldBytes: Int = DelimitedTextReader.defaultMaxFieldBytes
    ) throws(LocatedFailure) {
        path = displayPath ?? url.path
        self.maxFieldBytes = max(1, maxFieldBytes)
        self.delimiter = delimiter
        do {
            reader = try CSVReader(url: url, delimiter: delimiter, maxFieldBytes: self.maxFieldBytes, keepsRaw: false)
        } catch {
            throw Self.failure(
                code: .unreadable,
                location: SourceLocation(path: path),
                message: "файл не открывается для чтения; проверьте путь и права доступа"
            )
        }
        decoder = FieldDecoder(declared: encoding, bomSeen: false)
    }

    /// Opens a file at a row read before, to read that row (and what follows) again.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - displayPath: The path to show in messages; by default `url.path`.
    ///   - delimiter: The field separator byte.
    ///   - maxFieldBytes: The longest field accepted, in bytes.
    ///   - position: The row's ``Row/position``.
    ///   - decoding: The encoding decision of the reader that read the file (``decoding``).
    /// - Throws: ``LocatedFailure`` with ``FailureCode/unreadable`` when the file cannot be opened there.
    public init(
        url: URL,
        displayPath: String? = nil,
        delimiter: UInt8 = UInt8(ascii: ","),
        maxFieldBytes: Int = DelimitedTextReader.defaultMaxFieldBytes,
        resumingAt position: Position,
        decoding: Decoding
    ) throws(LocatedFailure) {
        path = displayPath ?? url.path
        self.maxFieldBytes = max(1, maxFieldBytes)
        self.delimiter = delimiter
        do {
            reader = try CSVReader(
                url: url,
                delimiter: delimiter,
                maxFieldBytes: self.maxFieldBytes,
                keepsRaw: false,
                offset: position.offset,
                line: position.line,
                readSize: 1 << 16
            )
        } catch {
            throw Self.failure(
                code: .unreadable,
                location: SourceLocation(path: path),
                message: "файл не открывается для чтения; проверьте путь и права доступа"
            )
        }
        decoder = decoding.decoder
    }

    /// A reader over the rows of a block, starting from the encoding decision of the reader that cut it.
    ///
    /// ``next(decoding:)`` returns exactly the rows, lines, positions and errors the cutting reader would
    /// have returned for them, provided its decision did not change in between (see ``decoding``).
    public init(block: Block) {
        path = block.path
        maxFieldBytes = block.maxFieldBytes
        delimiter = block.delimiter
        reader = CSVReader(
            bytes: block.bytes,
            offset: block.offset,
            line: block.line,
            delimiter: block.delimiter,
            maxFieldBytes: block.maxFieldBytes,
            keepsRaw: false
        )
        decoder = block.decoding.decoder
    }

    /// The encoding decision so far.
    public var decoding: Decoding { Decoding(decoder: decoder) }

    /// Cuts the next rows out of the file without decoding them, for ``init(block:)`` readers to parse.
    ///
    /// Blocks carry this reader's current ``decoding``; a block's reader may take the decision this reader
    /// has not (the first non-ASCII row is in the block), which the caller reconciles in file order
    /// (``Decoding/agrees(with:)``).
    ///
    /// - Parameters:
    ///   - rowLimit: The most non-blank rows per block.
    ///   - byteLimit: A block ends after the row that brings it to this many bytes.
    ///   - maxRowBytes: The longest row a block may hold.
    /// - Returns: The next block, or `nil` at the end of the file.
    /// - Throws: ``LocatedFailure`` with ``FailureCode/unreadable`` when the file cannot be read, or with
    ///   ``FailureCode/fieldTooLong`` for a row longer than `maxRowBytes` (this reader is then unusable; a
    ///   caller may read the file again row by row for the exact error).
    public mutating func nextBlock(rowLimit: Int, byteLimit: Int = .max, maxRowBytes: Int) throws(LocatedFailure)
        -> Block?
    {
        adoptByteOrderMark()
        var bytes: [UInt8] = []
        let taken: (rows: Int, offset: Int, line: Int)
        do {
            taken = try reader.captureRows(
                limit: max(1, rowLimit),
                maxRowBytes: maxRowBytes,
                byteLimit: max(1, byteLimit),
                into: &bytes
            )
        } catch let error as CSVReader.RowTooLong {
            throw Self.failure(
                code: .fieldTooLong,
                location: SourceLocation(path: path, line: error.line),
                message: "строка длиннее \(maxRowBytes) байт; проверьте разделитель и кавычки"
            )
        } catch {
            throw Self.failure(code: .unreadable, location: SourceLocation(path: path), message: "ошибка чтения файла")
        }
        guard !bytes.isEmpty else { return nil }
        return Block(
            bytes: bytes,
            offset: taken.offset,
            line: taken.line,
            delimiter: delimiter,
            maxFieldBytes: maxFieldBytes,
            path: path,
            decoding: decoding,
            rowCount: taken.rows
        )
    }

    /// A byte order mark, once the reader has seen it, fixes UTF-8 unless a row has decided already.
    private mutating func adoptByteOrderMark() {
        if reader.sawBOM, decoder.chosen == nil { decoder = FieldDecoder(declared: decoder.declared, bomSeen: true) }
    }

    /// The encoding the file has been read with so far: `utf-8`, `utf-8-bom` or `cp1251` (`utf-8` while all
    /// bytes were ASCII).
    public var detectedEncoding: String { decoder.ledgerName }

    /// Moves past the next non-blank row without decoding it, once the file's encoding is decided.
    ///
    /// For a second pass over a file already read in full with ``next(decoding:)``: until a row has decided the
    /// encoding, rows are still decoded (pass the same `columns` as in the first pass), so the decision falls on
    /// the same row and later ``next(decoding:)`` calls decode exactly as before. Skipped rows are not checked.
    /// - Parameter columns: The fields the first pass decoded, or `nil` for all.
    /// - Returns: The line the skipped row starts on, or `nil` at the end of the file.
    /// - Throws: ``LocatedFailure`` as ``next(decoding:)`` does.
    public mutating func skip(decoding columns: [Int]? = nil) throws(LocatedFailure) -> Int? {
        guard decoder.chosen != nil else { return try next(decoding: columns)?.line }
        do {
            return try reader.skipRow()
        } catch {
            throw Self.failure(code: .unreadable, location: SourceLocation(path: path), message: "ошибка чтения файла")
        }
    }

    /// Reads the next non-blank row.
    ///
    /// - Parameter columns: The positions of the fields to decode, or `nil` for all. Other fields come back as
    ///   `""` without being decoded or checked, which saves most of the work when a wide export is read for two
    ///   columns; the encoding is then decided by the first row whose *listed* fields hold non-ASCII bytes.
    /// - Returns: The row, or `nil` at the end of the file.
    /// - Throws: ``LocatedFailure`` for a row that cannot be read or decoded (the row is skipped, so reading may go
    ///   on) or when the file cannot be read any further.
    public mutating func next(decoding columns: [Int]? = nil) throws(LocatedFailure) -> Row? {
        let row: CSVReader.Row?
        if columns != keptColumns {
            reader.keepFields(columns)
            keptColumns = columns
        }
        do {
            row = try reader.next()
        } catch {
            throw Self.failure(code: .unreadable, location: SourceLocation(path: path), message: "ошибка чтения файла")
        }
        guard let row else { return nil }
        adoptByteOrderMark()
        let location = SourceLocation(path: path, line: row.line)
        switch row.issue {
        case .fieldTooLong(let index)?:
            throw Self.failure(
                code: .fieldTooLong,
                location: location,
                message: "поле №\(index + 1) длиннее \(maxFieldBytes) байт; проверьте разделитель и кавычки"
            )
        case .unterminatedQuote?:
            throw Self.failure(
                code: .unterminatedQuote,
                location: location,
                message: "кавычка поля не закрыта до конца файла: файл обрезан или повреждён"
            )
        case .tooManyFields?:
            throw Self.failure(
                code: .tooManyFields,
                location: location,
                message: "в строке больше \(CSVReader.maxFields) полей; проверьте разделитель"
            )
        case nil:
            break
        }
        let decoded: [String]?
        var fields: [String]
        if let columns {
            let present = columns.filter { row.fields.indices.contains($0) }
            decoded = decoder.decode(present.map { row.fields[$0] })
            fields = [String](repeating: "", count: row.fields.count)
            for (slot, column) in present.enumerated() { fields[column] = decoded?[slot] ?? "" }
        } else {
            decoded = decoder.decode(row.fields)
            fields = decoded ?? []
        }
        guard decoded != nil else {
            let expected = decoder.declared == .cp1251 ? "UTF-8 или Windows-1251" : "UTF-8"
            let chosen = decoder.chosen.map { " (файл читается как \($0.rawValue))" } ?? ""
            throw Self.failure(
                code: .badEncoding,
                location: location,
                message: "байты строки не соответствуют кодировке \(expected)\(chosen); пересохраните файл в UTF-8"
                    + (decoder.declared == .utf8 ? " или укажите кодировку cp1251" : "")
            )
        }
        return Row(line: row.line, fields: fields, offset: row.offset)
    }
}
