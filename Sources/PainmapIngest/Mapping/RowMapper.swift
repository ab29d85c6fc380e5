import Foundation
import PainmapCore

/// Turns one tabular row (CSV, XLSX or a flattened JSON object) into a canonical record or a
/// quarantined row, following a feed's column map.
///
/// Shared by the pos, site, hotline and survey adapters.
struct RowMapper: Sendable {
    let feed: FeedConfiguration
    let regions: RegionDirectory
    private let dates: DateParser
    private let columnDates: [RecordField: DateParser]
    /// Index of each mapped field's column in the header by the field's `slot` (`nil`: not a column of this file),
    /// and the feed's constant of each field: every row reads about thirty of them, and an array read costs a
    /// fraction of hashing a field's name.
    private let columnBySlot: [Int?]
    private let constantBySlot: [String?]
    private let now: Date

    /// Checks the header and prepares the mapping.
    /// - Throws: ``LocatedFailure`` with `missing_columns`, listing what was found and what is expected.
    init(
        feed: FeedConfiguration,
        regions: RegionDirectory,
        header: [String],
        location: SourceLocation,
        now: Date = Date()
    )
        throws
    {
        self.feed = feed
        self.regions = regions
        self.now = now
        dates = DateParser(formats: feed.dateFormats)
        var columnDates: [RecordField: DateParser] = [:]
        var indices: [RecordField: Int] = [:]
        let normalizedHeader = header.map(RowMapper.headerKey)
        for (field, spec) in feed.columns {
            if let format = spec.format { columnDates[field] = DateParser(formats: [format] + feed.dateFormats) }
            if let index = normalizedHeader.firstIndex(of: RowMapper.headerKey(spec.column)) { indices[field] = index }
        }
        let missing = feed.required.filter { field in
            indices[field] == nil && feed.constants[field] == nil && !(field == .region && feed.fixedRegion != nil)
        }
        if !missing.isEmpty {
            let expected = missing.compactMap { feed.columns[$0]?.column }
            let unmapped = missing.filter { feed.columns[$0] == nil }.map(\.rawValue)
            var message = "нет обязательных столбцов: \(expected.map { "«\($0)»" }.joined(separator: ", "))"
            if !unmapped.isEmpty { message += "; в columns не задано: \(unmapped.joined(separator: ", "))" }
            let found = header.prefix(40).map { "«\($0)»" }.joined(separator: ", ")
            message += "; найдены: \(found.isEmpty ? "нет столбцов" : found)"
            switch feed.format {
            case .csv:
                message +=
                    "; проверьте разделитель (\(RowMapper.describe(feed.delimiter))) и columns макета «\(feed.name)» в Config/feeds.yaml"
            case .xlsx, .json, .xml:
                message += "; проверьте columns макета «\(feed.name)» в Config/feeds.yaml"
            }
            throw LocatedFailure.unusableFile(.missingColumns, at: location, message: message)
        }
        self.columnDates = columnDates
        var columnBySlot = [Int?](repeating: nil, count: RecordField.allCases.count)
        var constantBySlot = [String?](repeating: nil, count: RecordField.allCases.count)
        for field in RecordField.allCases {
            columnBySlot[field.slot] = indices[field]
            constantBySlot[field.slot] = feed.constants[field]
        }
        self.columnBySlot = columnBySlot
        self.constantBySlot = constantBySlot
    }

    /// Header columns no field maps and no `drop` entry names (schema drift, logged once per file).
    static func unmapped(header: [String], feed: FeedConfiguration, extra: [String] = []) -> [String] {
        let known = Set((feed.columns.values.map(\.column) + feed.drop + extra).map(headerKey))
        return header.filter { !known.contains(headerKey($0)) && !$0.isEmpty }
    }

    /// A header as it is compared: without a byte-order mark, lower-cased, with every run of white space (line
    /// breaks of a wrapped Excel header, no-break spaces) read as one space.
    static func headerKey(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .lowercased()
    }

    private static func describe(_ delimiter: UInt8) -> String {
        delimiter == 9 ? "табуляция" : "«\(String(UnicodeScalar(delimiter)))»"
    }

    /// The raw value of a field in a row: the mapped cell, else the feed's constant, else `nil`.
    func value(_ field: RecordField, in cells: [CellValue]) -> CellValue? {
        let slot = field.slot
        if let index = columnBySlot[slot], index < cells.count {
            let cell = cells[index]
            if case .text(let text) = cell, text.trimmedCell.isEmpty {
                return constantBySlot[slot].map(CellValue.text)
            }
            return cell
        }
        return constantBySlot[slot].map(CellValue.text)
    }

    private func text(_ field: RecordField, _ cells: [CellValue]) -> String? {
        guard let value = value(field, in: cells) else { return nil }
        let text = value.text.trimmedCell
        return text.isEmpty ? nil : text
    }

    /// Maps a row.
    ///
    /// - Parameters:
    ///   - cells: The decoded cells in header order.
    ///   - line: The row's line for quarantine.
    ///   - raw: The row's raw bytes for quarantine.
    /// - Returns: The record, or the quarantined row with its reason.
    func map(_ cells: [CellValue], line: Int, raw: [UInt8]) -> Result<FeedbackRecord, QuarantinedRow> {
        func reject(_ reason: QuarantineReason, _ field: RecordField?, _ message: String) -> Result<
            FeedbackRecord, QuarantinedRow
        > {
            .failure(
                QuarantinedRow(
                    line: line,
                    column: field.flatMap { feed.columns[$0]?.column },
                    reason: reason,
                    message: message,
                    raw: raw
                )
            )
        }
        for field in feed.required where text(field, cells) == nil && !(field == .region && feed.fixedRegion != nil) {
            let column = feed.columns[field]?.column ?? field.rawValue
            return reject(.missingRequired, field, "пустое обязательное поле «\(column)»")
        }
        let regionRaw = feed.fixedRegion ?? text(.region, cells) ?? ""
        let system: RegionCodeSystem = feed.fixedRegion != nil ? .kladr : feed.regionCodeSystem
        guard let region = regions.resolve(regionRaw, system: system) else {
            return reject(
                .unknownRegion,
                .region,
                "регион «\(RowMapper.clip(regionRaw))» не найден в справочнике как код \(system.rawValue); проверьте region_code_system макета «\(feed.name)» или Config/regions.yaml"
            )
        }
        let offset = region.utcOffsetHours
        // The three dates by field, kept in locals: a dictionary per row cost more than parsing them.
        var (received, answered, deadline): (Date?, Date?, Date?)
        for field in [RecordField.receivedAt, .answeredAt, .deadlineAt] {
            guard let cell = value(field, in: cells) else { continue }
            let date: Date?
            switch cell {
            case .excelDate:
                date = dates.parse(cell.text, utcOffsetHours: offset)
            case .text(let raw):
                let trimmed = raw.trimmedCell
                if trimmed.isEmpty { continue }
                date = (columnDates[field] ?? dates).parse(trimmed, utcOffsetHours: offset)
            }
            guard let date else {
                let column = feed.columns[field]?.column ?? field.rawValue
                let formats =
                    feed.dateFormats.isEmpty ? "yyyy-MM-dd'T'HH:mm:ss" : feed.dateFormats.joined(separator: " | ")
                return reject(.badDate, field, "дата в «\(column)» не разбирается; ожидаемые форматы: \(formats)")
            }
            if field == .receivedAt {
                let earliest = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01
                guard date >= earliest, date <= now.addingTimeInterval(86_400) else {
                    let column = feed.columns[field]?.column ?? field.rawValue
                    return reject(.dateOutOfRange, field, "дата в «\(column)» раньше 2000 года или в будущем")
                }
            }
            switch field {
            case .receivedAt: received = date
            case .answeredAt: answered = date
            default: deadline = date
            }
        }
        guard let receivedAt = received else {
            return reject(.missingRequired, .receivedAt, "нет даты поступления")
        }
        let local = DateParser.localYearMonth(receivedAt, utcOffsetHours: offset)
        guard let quarter = Quarter(year: local.year, month: local.month) else {
            return reject(.dateOutOfRange, .receivedAt, "дата поступления вне допустимого диапазона")
        }
        var record = FeedbackRecord(
            source: feed.kind,
            feed: feed.name,
            receivedAt: receivedAt,
            region: region.code,
            regionRaw: regionRaw,
            regionCodeSystem: system,
            quarter: quarter,
            text: text(.text, cells) ?? ""
        )
        record.sourceRecordID = text(.sourceRecordID, cells)
        record.answeredAt = answered
        record.deadlineAt = deadline
        record.municipality = text(.municipality, cells)
        record.oktmo = text(.oktmo, cells)
        record.categoryRaw = text(.categoryRaw, cells)
        record.subcategoryRaw = text(.subcategoryRaw, cells)
        record.categoryCode = text(.categoryCode, cells)
        record.answerText = text(.answerText, cells)
        record.statusRaw = text(.statusRaw, cells)
        if let status = record.statusRaw {
            record.status = feed.statusMap[status] ?? RecordStatus(rawValue: status.lowercased())
        }
        record.organization = text(.organization, cells)
        record.organizationID = text(.organizationID, cells)
        record.authorityID = text(.authorityID, cells)
        record.serviceID = text(.serviceID, cells)
        record.serviceName = text(.serviceName, cells)
        record.channel = text(.channel, cells)
        record.is59FZ = text(.is59FZ, cells).flatMap(RowMapper.boolean)
        record.lifeSituationHint = text(.lifeSituation, cells)
        return .success(record)
    }

    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "да", "true", "1", "yes", "д", "y": true
        case "нет", "false", "0", "no", "н", "n": false
        default: nil
        }
    }

    /// Shortens a value for a message, so one mistyped cell cannot flood the terminal.
    static func clip(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}

extension RecordField {
    /// The field's position in `allCases`, for ``RowMapper``'s per-field arrays.
    fileprivate var slot: Int {
        switch self {
        case .sourceRecordID: 0
        case .receivedAt: 1
        case .answeredAt: 2
        case .deadlineAt: 3
        case .region: 4
        case .municipality: 5
        case .oktmo: 6
        case .categoryRaw: 7
        case .subcategoryRaw: 8
        case .categoryCode: 9
        case .text: 10
        case .answerText: 11
        case .statusRaw: 12
        case .organization: 13
        case .organizationID: 14
        case .authorityID: 15
        case .serviceID: 16
        case .serviceName: 17
        case .channel: 18
        case .is59FZ: 19
        case .lifeSituation: 20
        }
    }
}
