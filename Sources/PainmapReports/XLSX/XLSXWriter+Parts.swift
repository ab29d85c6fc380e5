import Foundation
import PainmapCore

/// The XML of each package part.
extension XLSXWriter {
    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let spreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipsNamespace =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    private static let maxRows = 1_048_576
    private static let maxColumns = 16_384
    private static let maxCellLength = 32_767

    /// Cell style indexes into `cellXfs` of ``styles()``.
    private enum Style {
        static let header = 1
        static let date = 2
        /// Text that begins like a formula: shown as written, with Excel's «quote prefix» flag.
        static let quotedText = 3
    }

    static func contentTypes(sheetCount: Int) -> [UInt8] {
        var markup = XLSXMarkup()
        markup.append(declaration)
        markup.append(
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        )
        for index in 1...sheetCount {
            markup.append(
                "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            )
        }
        markup.append("</Types>")
        return markup.bytes
    }

    static func packageRelationships() -> [UInt8] {
        var markup = XLSXMarkup()
        markup.append(declaration)
        markup.append(
            "<Relationships xmlns=\"\(packageRelationshipsNamespace)\">"
                + "<Relationship Id=\"rId1\" Type=\"\(relationshipType)officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>"
        )
        return markup.bytes
    }

    /// The workbook part: the sheets in tab order, and each sheet's row 1 as its print titles (repeated on every
    /// printed page).
    static func workbook(sheetNames: [String]) -> [UInt8] {
        var markup = XLSXMarkup()
        markup.append(declaration)
        markup.append(
            "<workbook xmlns=\"\(spreadsheetNamespace)\" xmlns:r=\"\(relationshipsNamespace)\">"
                + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        )
        for (index, name) in sheetNames.enumerated() {
            markup.append("<sheet name=\"")
            markup.appendEscaped(name, inAttribute: true)
            markup.append("\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>")
        }
        markup.append("</sheets><definedNames>")
        for (index, name) in sheetNames.enumerated() {
            markup.append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">")
            markup.appendEscaped("'\(name.replacingOccurrences(of: "'", with: "''"))'!$1:$1")
            markup.append("</definedName>")
        }
        markup.append("</definedNames></workbook>")
        return markup.bytes
    }

    static func workbookRelationships(sheetCount: Int) -> [UInt8] {
        var markup = XLSXMarkup()
        markup.append(declaration)
        markup.append("<Relationships xmlns=\"\(packageRelationshipsNamespace)\">")
        for index in 1...sheetCount {
            markup.append(
                "<Relationship Id=\"rId\(index)\" Type=\"\(relationshipType)worksheet\" "
                    + "Target=\"worksheets/sheet\(index).xml\"/>"
            )
        }
        markup.append(
            "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipType)styles\" Target=\"styles.xml\"/>"
                + "</Relationships>"
        )
        return markup.bytes
    }

    /// Four cell styles: 0 default, 1 bold (``Style/header``), 2 `dd.mm.yyyy hh:mm` (``Style/date``), 3 text with
    /// the quote prefix (``Style/quotedText``).
    static func styles() -> [UInt8] {
        var markup = XLSXMarkup()
        markup.append(declaration)
        markup.append(
            "<styleSheet xmlns=\"\(spreadsheetNamespace)\">"
                + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd.mm.yyyy hh:mm\"/></numFmts>"
                + "<fonts count=\"2\">"
                + "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
                + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
                + "</fonts>"
                + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
                + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"4\">"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
                + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" "
                + "quotePrefix=\"1\"/>"
                + "</cellXfs>"
                + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
                + "</styleSheet>"
        )
        return markup.bytes
    }

    static func worksheet(_ sheet: XLSXSheet, index: Int, isFirst: Bool) throws(LocatedFailure) -> [UInt8] {
        guard sheet.rows.count <= maxRows else { throw .workbookTooManyRows(sheet: index) }
        let columnCount = sheet.rows.map(\.count).max() ?? 0
        var markup = XLSXMarkup(capacity: min(1_024 + sheet.rows.count * max(columnCount, 1) * 48, 64 << 20))
        markup.append(declaration)
        markup.append("<worksheet xmlns=\"\(spreadsheetNamespace)\" xmlns:r=\"\(relationshipsNamespace)\">")
        // Printing: fit to the page width (as many pages down as needed), see `pageSetup` below.
        markup.append("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>")
        let lastCell =
            columnCount > 0 && !sheet.rows.isEmpty ? "\(columnName(columnCount - 1))\(sheet.rows.count)" : nil
        markup.append("<dimension ref=\"A1\(lastCell.map { ":" + $0 } ?? "")\"/>")
        markup.append(
            "<sheetViews><sheetView \(isFirst ? "tabSelected=\"1\" " : "")workbookViewId=\"0\">"
                + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
                + "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        )
        let widths = sheet.columnWidths.prefix(maxColumns).enumerated().filter { $0.element.isFinite && $0.element > 0 }
        if !widths.isEmpty {
            markup.append("<cols>")
            for (column, width) in widths {
                let number = numberText(min(width, 255))
                markup.append(
                    "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(number)\" customWidth=\"1\"/>"
                )
            }
            markup.append("</cols>")
        }
        markup.append("<sheetData>")
        for (rowIndex, row) in sheet.rows.enumerated() where row.contains(where: { $0 != .empty }) {
            guard row.count <= maxColumns else { throw .workbookTooManyColumns(sheet: index, row: rowIndex + 1) }
            let rowNumber = rowIndex + 1
            markup.append("<row r=\"\(rowNumber)\">")
            for (column, value) in row.enumerated() {
                try appendCell(
                    value,
                    reference: "\(columnName(column))\(rowNumber)",
                    isHeader: rowIndex == 0,
                    to: &markup,
                    location: (index, rowNumber, column + 1)
                )
            }
            markup.append("</row>")
        }
        // A4 (paper size 9) landscape, one page wide; row 1 repeats on every page (`_xlnm.Print_Titles`).
        markup.append(
            "</sheetData><pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.5\" header=\"0.3\" footer=\"0.3\"/>"
                + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>"
        )
        return markup.bytes
    }

    private static func appendCell(
        _ value: XLSXValue,
        reference: String,
        isHeader: Bool,
        to markup: inout XLSXMarkup,
        location: (sheet: Int, row: Int, column: Int)
    ) throws(LocatedFailure) {
        let style = isHeader ? " s=\"\(Style.header)\"" : ""
        switch value {
        case .empty:
            return
        case .text(let raw):
            let text = cellText(raw)
            guard !text.isEmpty else { return }
            let scalars = text.unicodeScalars
            let preserve = [scalars.first, scalars.last].contains { $0?.properties.isWhitespace == true }
            // An inline string is a typed string: no program evaluates it, so the text is stored as written. Text
            // that begins like a formula also gets the quote-prefix style, which keeps it text when a user edits the
            // cell (the apostrophe Excel shows only in the formula bar).
            let looksLikeFormula =
                scalars.first { !XLSXMarkup.isDropped($0) }
                .map(SpreadsheetText.formulaTriggers.contains) ?? false
            let textStyle = !isHeader && looksLikeFormula ? " s=\"\(Style.quotedText)\"" : style
            markup.append(
                "<c r=\"\(reference)\"\(textStyle) t=\"inlineStr\"><is><t\(preserve ? " xml:space=\"preserve\"" : "")>"
            )
            markup.appendEscaped(text)
            markup.append("</t></is></c>")
        case .number(let number):
            guard number.isFinite else {
                throw .workbookNonFiniteNumber(sheet: location.sheet, row: location.row, column: location.column)
            }
            markup.append("<c r=\"\(reference)\"\(style)><v>\(numberText(number))</v></c>")
        case .integer(let integer):
            markup.append("<c r=\"\(reference)\"\(style)><v>\(integer)</v></c>")
        case .date(let date):
            guard let serial = serial(of: date) else {
                throw .workbookDateOutOfRange(sheet: location.sheet, row: location.row, column: location.column)
            }
            markup.append("<c r=\"\(reference)\" s=\"\(Style.date)\"><v>\(numberText(serial))</v></c>")
        }
    }

    /// Text as it goes into a cell: as written (an inline string is never evaluated), cut to Excel's cell limit.
    static func cellText(_ text: String) -> String {
        guard text.utf16.count > maxCellLength else { return text }
        return truncated(text, to: maxCellLength - 1) + "…"
    }

    /// A number in the shortest form that reads back to the same `Double`; integral values without `.0`.
    static func numberText(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// The Excel serial (1900 system) of the UTC wall-clock time of `date`, to the millisecond.
    ///
    /// Dates before 1900-03-01 take one day less, reproducing Excel's fictitious 1900-02-29.
    static func serial(of date: Date) -> Double? {
        let milliseconds = (date.timeIntervalSince1970 * 1_000).rounded()
        var serial = milliseconds / 86_400_000 + 25_569
        if serial < 61 { serial -= 1 }
        guard serial >= 1, serial < 2_958_466 else { return nil }
        return serial
    }

    /// `0` → `A`, `25` → `Z`, `26` → `AA`.
    static func columnName(_ index: Int) -> String {
        var letters: [UInt8] = []
        var remainder = index + 1
        while remainder > 0 {
            let digit = (remainder - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(digit))
            remainder = (remainder - 1) / 26
        }
        return String(String.UnicodeScalarView(letters.reversed().map { Unicode.Scalar($0) }))
    }
}
