import Foundation
import PainmapCore

/// Rows of a CSV or XLSX export as decoded cells, with the row's line and raw bytes for quarantine.
enum TabularItem {
    /// A decoded row.
    case row(line: Int, cells: [CellValue], raw: [UInt8])
    /// A row that could not be read, already turned into a quarantined row.
    case unreadable(QuarantinedRow)
}

/// Yields the header and then the rows of a CSV or XLSX file.
struct TabularRowSource {
    private enum Backend {
        case csv(CSVReader, FieldDecoder)
        /// A workbook whose header row has not been looked for yet.
        case xlsxUnopened(URL)
        case xlsx(XLSXReader)
    }

    private var backend: Backend
    private let location: SourceLocation
    private let maxFieldBytes: Int
    private let url: URL
    private let feed: FeedConfiguration
    /// Where the header was found in a workbook: the sheet and the row (for messages and the ledger).
    private(set) var headerPlace: (sheet: String, row: Int)?

    /// Opens a file according to its feed's format.
    /// - Throws: ``LocatedFailure`` when the file cannot be opened as that format.
    init(file: FeedFile) throws {
        location = SourceLocation(path: file.displayPath)
        maxFieldBytes = file.feed.maxFieldBytes
        url = file.url
        feed = file.feed
        switch file.feed.format {
        case .csv:
            do {
                let reader = try CSVReader(
                    url: file.url,
                    delimiter: file.feed.delimiter,
                    maxFieldBytes: file.feed.maxFieldBytes
                )
                backend = .csv(reader, FieldDecoder(declared: file.feed.encoding, bomSeen: false))
            } catch {
                throw LocatedFailure.unusableFile(
                    .emptyFile,
                    at: location,
                    message: "файл не читается; проверьте путь и права доступа"
                )
            }
        case .xlsx:
            backend = .xlsxUnopened(file.url)
        case .json, .xml:
            throw LocatedFailure.unusableFile(
                .malformedJSON,
                at: location,
                message: "формат \(file.feed.format.rawValue) не табличный"
            )
        }
    }

    /// The encoding chosen so far, for the ledger.
    var encodingName: String {
        switch backend {
        case .csv(_, let decoder): decoder.ledgerName
        case .xlsx, .xlsxUnopened: "xlsx"
        }
    }

    /// Reads the header row.
    ///
    /// A CSV file's first row; in a workbook, the first row within the first
    /// ``XLSXHeaderLocator/searchRows`` rows of a sheet that holds the layout's columns (the sheet `sheet:` names,
    /// else the first such sheet in tab order, visible sheets before hidden ones). Rows above it (a title, merged
    /// cells, a blank row) are not data and are not counted.
    /// - Throws: ``LocatedFailure`` (`empty_file`, `bad_encoding`, `missing_columns`, workbook errors) when there is
    ///   no usable header.
    mutating func header() throws -> [String] {
        if case .xlsxUnopened(let url) = backend {
            let found = try XLSXHeaderLocator(feed: feed, location: location).locate(url)
            backend = .xlsx(found.reader)
            headerPlace = (found.reader.sheetName, found.row)
            return found.header
        }
        switch next0() {
        case .success(nil):
            throw LocatedFailure.unusableFile(
                .emptyFile,
                at: SourceLocation(path: location.path, line: 1),
                message: "файл пуст: нет строки заголовка"
            )
        case .success(.row(_, let cells, _)?):
            return cells.map(\.text)
        case .success(.unreadable(let row)?):
            throw LocatedFailure.unusableFile(
                row.reason,
                at: SourceLocation(path: location.path, line: row.line),
                message: "заголовок не читается: \(row.message)"
            )
        case .failure(let error):
            throw error
        }
    }

    /// Reads the next data row; `nil` at the end.
    /// - Throws: ``LocatedFailure`` when the file breaks off unreadably mid-way (XLSX).
    mutating func next() throws -> TabularItem? {
        try next0().get()
    }

    /// Cuts up to `limit` rows out of a CSV file without decoding them, once the file's encoding is decided, for
    /// ``CSVBlock/items()`` to read on another thread: exactly the items ``next()`` would have returned for them.
    ///
    /// - Parameter limit: The most non-blank rows to take.
    /// - Returns: The block, or `nil` when the next rows must be read one by one with ``next()``: the file is a
    ///   workbook, its encoding is not decided yet, the end of the file is reached, or the next row is longer than a
    ///   block may hold (reading goes on at that row).
    /// - Throws: ``LocatedFailure`` when the file cannot be read any further.
    mutating func nextBlock(limit: Int) throws -> CSVBlock? {
        guard case .csv(var reader, let decoder) = backend, decoder.chosen != nil else { return nil }
        defer { backend = .csv(reader, decoder) }
        let resume = (offset: reader.offset, line: reader.line)
        var bytes: [UInt8] = []
        let taken: (rows: Int, offset: Int, line: Int)
        do {
            taken = try reader.captureRows(
                limit: max(1, limit),
                maxRowBytes: 4 * maxFieldBytes + CSVReader.rawCap,
                byteLimit: CSVBlock.byteLimit,
                into: &bytes
            )
        } catch is CSVReader.RowTooLong {
            // Only a row-by-row reader bounds such a row's memory (by the field cap): read on with one from that row.
            do {
                reader = try CSVReader(
                    url: url,
                    delimiter: feed.delimiter,
                    maxFieldBytes: maxFieldBytes,
                    offset: resume.offset,
                    line: resume.line
                )
            } catch {
                throw LocatedFailure.unusableFile(.emptyFile, at: location, message: "ошибка чтения файла")
            }
            return nil
        } catch {
            throw LocatedFailure.unusableFile(.emptyFile, at: location, message: "ошибка чтения файла")
        }
        guard taken.rows > 0 else { return nil }
        return CSVBlock(
            bytes: bytes,
            offset: taken.offset,
            line: taken.line,
            rows: taken.rows,
            delimiter: feed.delimiter,
            maxFieldBytes: maxFieldBytes,
            decoder: decoder
        )
    }

    private mutating func next0() -> Result<TabularItem?, LocatedFailure> {
        switch backend {
        case .csv(var reader, var decoder):
            defer { backend = .csv(reader, decoder) }
            let row: CSVReader.Row?
            do {
                row = try reader.next()
            } catch {
                return .failure(LocatedFailure.unusableFile(.emptyFile, at: location, message: "ошибка чтения файла"))
            }
            guard let row else { return .success(nil) }
            if reader.sawBOM, decoder.chosen == nil {
                decoder = FieldDecoder(declared: decoder.declared, bomSeen: true)
            }
            return .success(TabularRowSource.item(of: row, decoder: &decoder, maxFieldBytes: maxFieldBytes))
        case .xlsxUnopened:
            return .success(nil)
        case .xlsx(var reader):
            defer { backend = .xlsx(reader) }
            do {
                guard let row = try reader.next() else { return .success(nil) }
                let cells = row.cells.map { cell -> CellValue in
                    switch cell {
                    case .empty: .text("")
                    case .text(let text): .text(text)
                    case .number(let text): .text(text)
                    case .bool(let value): .text(value ? "1" : "0")
                    case .date(let serial): .excelDate(serial)
                    case .error(let text): .text(text)
                    }
                }
                let raw = Array(cells.map(\.text).joined(separator: "\t").utf8.prefix(CSVReader.rawCap))
                if let tooLong = cells.firstIndex(where: { $0.text.utf8.count > maxFieldBytes }) {
                    return .success(
                        .unreadable(
                            QuarantinedRow(
                                line: row.number,
                                reason: .fieldTooLong,
                                message: "ячейка №\(tooLong + 1) длиннее \(maxFieldBytes) байт",
                                raw: Array(raw.prefix(CSVReader.rawCap))
                            )
                        )
                    )
                }
                return .success(.row(line: row.number, cells: cells, raw: raw))
            } catch {
                return .failure(LocatedFailure(xlsx: error, location: location))
            }
        }
    }
}

/// Whole rows cut from a CSV file by ``TabularRowSource/nextBlock(limit:)``, read on any thread.
struct CSVBlock: Sendable {
    /// A block ends after the row that brings it to this many bytes.
    static let byteLimit = 1 << 22

    let bytes: [UInt8]
    let offset: Int
    let line: Int
    /// The non-blank rows in the block.
    let rows: Int
    let delimiter: UInt8
    let maxFieldBytes: Int
    /// The file's decided encoding.
    let decoder: FieldDecoder

    /// The block's rows as ``TabularRowSource/next()`` returns them.
    func items() -> [TabularItem] {
        var reader = CSVReader(
            bytes: bytes,
            offset: offset,
            line: line,
            delimiter: delimiter,
            maxFieldBytes: maxFieldBytes,
            keepsRaw: true
        )
        var decoder = decoder
        var items: [TabularItem] = []
        items.reserveCapacity(rows)
        bytes.withUnsafeBufferPointer { bytes in
            // Fields are decoded where they lie in the block; only a row with an issue or that does not decode is
            // copied out, to take the row-by-row path and its messages.
            while let row = reader.nextRangeRow(in: bytes) {
                if row.issue == nil, let texts = decoder.decodeUTF8(row.fields, in: bytes) {
                    items.append(.row(line: row.line, cells: texts.map(CellValue.text), raw: row.raw))
                    continue
                }
                let fields = row.fields.map { field in field.withBytes(in: bytes) { Array($0) } }
                let copied = CSVReader.Row(
                    line: row.line,
                    offset: row.offset,
                    fields: fields,
                    raw: row.raw,
                    issue: row.issue
                )
                items.append(TabularRowSource.item(of: copied, decoder: &decoder, maxFieldBytes: maxFieldBytes))
            }
        }
        return items
    }
}

extension TabularRowSource {
    /// Turns one CSV row into an item: a problem the reader flagged or a field that does not fit the file's encoding
    /// makes it unreadable; `decoder` may take the file's encoding decision on it.
    static func item(of row: CSVReader.Row, decoder: inout FieldDecoder, maxFieldBytes: Int) -> TabularItem {
        func unreadable(_ reason: QuarantineReason, _ message: String) -> TabularItem {
            .unreadable(QuarantinedRow(line: row.line, reason: reason, message: message, raw: row.raw))
        }
        switch row.issue {
        case .fieldTooLong(let index)?:
            return unreadable(
                .fieldTooLong,
                "поле №\(index + 1) длиннее \(maxFieldBytes) байт; увеличьте max_field_bytes макета, если это не ошибка выгрузки"
            )
        case .unterminatedQuote?:
            return unreadable(.unterminatedQuote, "кавычка не закрыта до конца файла: файл обрезан или повреждён")
        case .tooManyFields?:
            return unreadable(.wrongFieldCount, "в строке больше \(CSVReader.maxFields) полей")
        case nil:
            break
        }
        guard let decoded = decoder.decode(row.fields) else {
            let expected = decoder.declared == .cp1251 ? "UTF-8 или CP1251" : "UTF-8"
            return unreadable(
                .badEncoding,
                "байты строки не соответствуют кодировке файла (\(decoder.chosen?.rawValue ?? expected)); пересохраните выгрузку в \(expected)"
            )
        }
        return .row(line: row.line, cells: decoded.map(CellValue.text), raw: row.raw)
    }
}

extension LocatedFailure {
    /// Wraps an XLSX reader failure as the rejection of the workbook at `location`.
    ///
    /// The reader's message is kept; a part's XML failure is prefixed with the part («часть книги xl/…: …»), and a
    /// SpreadsheetML failure takes its line.
    init(xlsx error: any Error, location: SourceLocation) {
        guard let error = error as? LocatedFailure, error.code.isXML || error.code.isXLSX else {
            self = .unusableFile(.notZip, at: location, message: "книга XLSX не читается")
            return
        }
        if error.code.isXML {
            self = .unusableFile(
                error.code.xmlQuarantineReason,
                at: location,
                message: "часть книги \(error.location?.path ?? ""): \(error.message)"
            )
        } else if error.code == .xlsxMalformed {
            self = .unusableFile(
                .malformedXML,
                at: SourceLocation(path: location.path, line: error.location?.line),
                message: error.message
            )
        } else {
            self = .unusableFile(error.code.xlsxQuarantineReason, at: location, message: error.message)
        }
    }
}
