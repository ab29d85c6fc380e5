import Foundation
import PainmapCore

/// The shared read loop of the column-mapped adapters (pos CSV, site, hotline, survey).
///
/// Each kind adds its own per-row step through ``TabularRowStep``.
struct TabularFeedReader {
    let regions: RegionDirectory
    let now: Date

    /// Opens `file`: reads the header and checks the layout's and the step's columns.
    /// - Throws: ``LocatedFailure`` when the header is missing or lacks required columns.
    func open(_ file: FeedFile, step: some TabularRowStep) throws -> any RowReader {
        var source = try TabularRowSource(file: file)
        let header = try source.header()
        let place = source.headerPlace
        let location = SourceLocation(path: file.displayPath, line: place?.row ?? 1)
        let mapper: RowMapper
        do {
            mapper = try RowMapper(feed: file.feed, regions: regions, header: header, location: location, now: now)
        } catch let error as LocatedFailure where source.encodingName == "cp1251" {
            // Read through the legacy fallback and not one configured column recognised: the file is in
            // some third encoding (KOI8-R, UTF-16…), not a file with a few renamed columns.
            let known = Set(file.feed.columns.values.map { RowMapper.headerKey($0.column) })
            guard header.contains(where: { known.contains(RowMapper.headerKey($0)) }) else {
                throw LocatedFailure.unusableFile(
                    .badEncoding,
                    at: location,
                    message:
                        "файл не в UTF-8, а прочитанный как CP1251 заголовок не содержит ни одного столбца макета «\(file.feed.name)»; пересохраните выгрузку в UTF-8 или CP1251"
                )
            }
            throw error
        }
        let prepared = try step.prepare(header: header, location: location)
        return TabularRows(
            source: source,
            header: header,
            format: file.feed.format,
            mapper: mapper,
            prepared: prepared,
            path: file.displayPath,
            headerPlace: place,
            unmapped: RowMapper.unmapped(header: header, feed: file.feed, extra: prepared.extraColumns)
        )
    }

    /// Turns one read item into a record or a quarantined row.
    static func outcome(
        of item: TabularItem,
        header: [String],
        format: FeedConfiguration.Format,
        mapper: RowMapper,
        prepared: some PreparedRowStep
    ) -> RowOutcome<FeedbackRecord> {
        switch item {
        case .unreadable(let row):
            return .quarantined(row)
        case .row(let line, var cells, let raw):
            if format == .xlsx {
                // Spreadsheets omit trailing empty cells; only non-empty cells past the header count.
                while cells.count > header.count, cells.last?.text.isEmpty == true { cells.removeLast() }
                if cells.count < header.count {
                    cells += Array(repeating: .text(""), count: header.count - cells.count)
                }
            }
            if cells.count != header.count {
                return .quarantined(
                    QuarantinedRow(
                        line: line,
                        reason: .wrongFieldCount,
                        message: format == .xlsx
                            ? "в строке заполнены ячейки правее последнего столбца заголовка (ячеек \(cells.count), столбцов \(header.count)); уберите их или дайте столбцу заголовок"
                            : "полей в строке \(cells.count), в заголовке \(header.count); проверьте разделитель и кавычки",
                        raw: raw
                    )
                )
            }
            switch mapper.map(cells, line: line, raw: raw) {
            case .failure(let row):
                return .quarantined(row)
            case .success(var record):
                if let problem = prepared.complete(&record, cells: cells, line: line, raw: raw) {
                    return .quarantined(problem)
                }
                return .record(record, line: line)
            }
        }
    }
}

/// The data rows of one tabular file after its header, pulled in file order.
struct TabularRows<Prepared: PreparedRowStep>: RowReader {
    var source: TabularRowSource
    let header: [String]
    let format: FeedConfiguration.Format
    let mapper: RowMapper
    let prepared: Prepared
    let path: String
    /// The sheet and row a workbook's header was found on (`nil` for CSV).
    let headerPlace: (sheet: String, row: Int)?
    let unmapped: [String]
    private var rows = 0

    init(
        source: TabularRowSource,
        header: [String],
        format: FeedConfiguration.Format,
        mapper: RowMapper,
        prepared: Prepared,
        path: String,
        headerPlace: (sheet: String, row: Int)?,
        unmapped: [String]
    ) {
        self.source = source
        self.header = header
        self.format = format
        self.mapper = mapper
        self.prepared = prepared
        self.path = path
        self.headerPlace = headerPlace
        self.unmapped = unmapped
    }

    mutating func next() throws -> RowOutcome<FeedbackRecord>? {
        guard let item = try source.next() else {
            guard rows > 0 else {
                throw LocatedFailure.unusableFile(
                    .emptyFile,
                    at: SourceLocation(path: path, line: (headerPlace?.row ?? 1) + 1),
                    message: headerPlace.map {
                        "на листе «\($0.sheet)» под заголовком (строка \($0.row)) нет ни одной строки данных; если обращений за период не было, файл можно не выгружать"
                    }
                        ?? "в файле только заголовок, нет ни одной строки данных; если обращений за период не было, файл можно не выгружать"
                )
            }
            return nil
        }
        rows += 1
        return TabularFeedReader.outcome(of: item, header: header, format: format, mapper: mapper, prepared: prepared)
    }

    /// Cuts CSV rows for the ingest lanes to decode and map once the encoding is decided; otherwise reads them here.
    mutating func nextPendingBatch(maxCount: Int) throws -> PendingRows? {
        guard let block = try source.nextBlock(limit: maxCount) else {
            return try nextBatch(maxCount: maxCount).map(PendingRows.init)
        }
        rows += block.rows
        let header = header
        let format = format
        let mapper = mapper
        let prepared = prepared
        return PendingRows(deferred: {
            block.items().map {
                TabularFeedReader.outcome(of: $0, header: header, format: format, mapper: mapper, prepared: prepared)
            }
        })
    }

    var summary: FileReadSummary { FileReadSummary(encoding: source.encodingName, unmappedColumns: unmapped) }
}

/// A kind-specific step applied to every mapped row.
protocol TabularRowStep {
    associatedtype Prepared: PreparedRowStep
    /// Checks the header for the step's own columns.
    func prepare(header: [String], location: SourceLocation) throws -> Prepared
}

/// A step bound to one file's header.
protocol PreparedRowStep: Sendable {
    /// Columns the step reads, so they do not count as schema drift.
    var extraColumns: [String] { get }
    /// Completes or rejects a mapped record.
    func complete(_ record: inout FeedbackRecord, cells: [CellValue], line: Int, raw: [UInt8]) -> QuarantinedRow?
}

/// The step of feeds whose records need a non-empty citizen text (pos, site, hotline).
struct TextRequiredStep: TabularRowStep, PreparedRowStep {
    var extraColumns: [String] { [] }
    func prepare(header: [String], location: SourceLocation) throws -> TextRequiredStep { self }
    func complete(_ record: inout FeedbackRecord, cells: [CellValue], line: Int, raw: [UInt8]) -> QuarantinedRow? {
        record.text.isEmpty
            ? QuarantinedRow(
                line: line,
                column: nil,
                reason: .missingRequired,
                message: "пустой текст сообщения",
                raw: raw
            )
            : nil
    }
}
