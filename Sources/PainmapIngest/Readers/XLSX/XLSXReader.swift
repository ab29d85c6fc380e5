public import Foundation
public import PainmapCore

/// Streams the rows of one worksheet of an untrusted `.xlsx` workbook.
///
/// Opening a workbook reads the package's ZIP directory, then decompresses into memory only the parts it needs:
/// the workbook and its relationships, the shared-string table, the styles and the one worksheet (each capped by
/// ``Limits/maxPartBytes``, counted while decompressing). The ZIP archive is closed when the initializer returns.
/// Memory while reading is therefore the worksheet's XML plus the shared strings, bounded by the caps, never the
/// whole workbook; rows are parsed one at a time with ``XMLStreamReader``.
///
/// ```swift
/// var reader = try XLSXReader(contentsOf: url)            // first worksheet
/// while let row = try reader.next() {
///     if case .text(let text) = row.cells.first { … }      // column A
/// }
/// ```
///
/// Cell values come back as stored: see ``XLSXCell``. Dates are recognized from the cell style's number format
/// (built-in formats 14–22 and 45–47, and custom formats with day, month, year, hour or second codes).
public struct XLSXReader {
    /// Resource limits for hostile workbooks.
    public struct Limits: Sendable, Hashable {
        /// The largest decompressed size accepted for any one part (workbook, styles, shared strings, worksheet).
        public var maxPartBytes: Int
        /// The most entries accepted in the shared-string table.
        public var maxSharedStrings: Int
        /// Depth and text limits for the XML of every part; a cell's text is one XML text node.
        public var xml: XMLStreamReader.Limits

        /// Creates limits.
        ///
        /// - Parameters:
        ///   - maxPartBytes: Per-part decompressed size cap; 200 MiB by default.
        ///   - maxSharedStrings: Shared-string count cap; one million by default.
        ///   - xml: XML depth and text-size limits.
        public init(
            maxPartBytes: Int = 200 << 20,
            maxSharedStrings: Int = 1_000_000,
            xml: XMLStreamReader.Limits = XMLStreamReader.Limits()
        ) {
            self.maxPartBytes = maxPartBytes
            self.maxSharedStrings = maxSharedStrings
            self.xml = xml
        }
    }

    /// The names of the workbook's worksheets in tab order (chart sheets are not listed).
    public let sheetNames: [String]
    /// The names of the worksheets the workbook hides (`state="hidden"` or `"veryHidden"`).
    public let hiddenSheetNames: Set<String>
    /// The name of the worksheet being read.
    public let sheetName: String
    /// Whether the workbook uses the 1904 date system; ``XLSXCell/date(_:)`` values are converted to 1900 anyway.
    public let usesDate1904: Bool

    private var sheet: XLSXPartReader
    private let sharedStrings: [String]
    private let styles: XLSXStyles
    private var previousRowNumber = 0
    private var inSheetData = false

    /// Opens a workbook file and prepares to stream one worksheet.
    ///
    /// - Parameters:
    ///   - url: A file URL of an `.xlsx` workbook.
    ///   - sheetName: The worksheet to read (matched exactly, then ignoring case as Excel does), or `nil` for the
    ///     first worksheet in tab order.
    ///   - limits: Size caps for hostile files.
    /// - Throws: ``LocatedFailure``: ``LocatedFailure/xlsxUnreadable``, ``LocatedFailure/xlsxNotZip``,
    ///   ``LocatedFailure/xlsxMissingPart(_:)``, ``LocatedFailure/xlsxMissingSheet(_:)``, ``LocatedFailure/xlsxZipBomb(part:)``,
    ///   ``LocatedFailure/xlsxCorruptPart(_:)``, ``LocatedFailure/xlsxUnsupportedCompression(part:method:)``,
    ///   ``LocatedFailure/xlsxEncryptedPart(_:)``, ``LocatedFailure/xlsxUnsafeEntry(_:)``,
    ///   ``LocatedFailure/xlsxTooManySharedStrings(limit:)``,
    ///   ``LocatedFailure/xlsxMalformed(part:line:)`` or an `xml.*` failure located in the part.
    public init(contentsOf url: URL, sheetName: String? = nil, limits: Limits = Limits()) throws(LocatedFailure) {
        let package = try XLSXPackage(contentsOf: url, maxPartBytes: limits.maxPartBytes)
        try self.init(package: package, sheetName: sheetName, limits: limits)
    }

    /// Opens a workbook held in memory and prepares to stream one worksheet.
    ///
    /// - Parameters:
    ///   - data: The bytes of an `.xlsx` file.
    ///   - sheetName: The worksheet to read, or `nil` for the first one.
    ///   - limits: Size caps for hostile files.
    /// - Throws: ``LocatedFailure``, as ``init(contentsOf:sheetName:limits:)`` does.
    public init(data: Data, sheetName: String? = nil, limits: Limits = Limits()) throws(LocatedFailure) {
        let package = try XLSXPackage(data: data, maxPartBytes: limits.maxPartBytes)
        try self.init(package: package, sheetName: sheetName, limits: limits)
    }

    private init(package: XLSXPackage, sheetName wanted: String?, limits: Limits) throws(LocatedFailure) {
        let workbookPart = try Self.workbookPartName(in: package, limits: limits)
        let workbook = try XLSXWorkbook(
            data: package.requiredPart(workbookPart),
            part: workbookPart,
            limits: limits.xml
        )
        let relationshipsPart = XLSXRelationships.partName(for: workbookPart)
        let relationships = try XLSXRelationships(
            data: package.requiredPart(relationshipsPart),
            part: relationshipsPart,
            source: workbookPart,
            limits: limits.xml
        )
        let worksheets = workbook.sheets.compactMap { sheet -> (name: String, path: String?, hidden: Bool)? in
            guard let relationship = relationships.relationship(id: sheet.relationshipID),
                relationship.type.hasSuffix("/worksheet")
            else { return nil }
            return (sheet.name, relationship.path, sheet.isHidden)
        }
        let chosen: (name: String, path: String?, hidden: Bool)
        if let wanted {
            let folded = wanted.lowercased()
            guard
                let match = worksheets.first(where: { $0.name == wanted })
                    ?? worksheets.first(where: { $0.name.lowercased() == folded })
            else { throw .xlsxMissingSheet(wanted) }
            chosen = match
        } else {
            guard let first = worksheets.first else { throw .xlsxMissingPart("a worksheet") }
            chosen = first
        }
        guard let sheetPart = chosen.path else { throw .xlsxMissingPart("the worksheet \(chosen.name)") }

        var strings: [String] = []
        let stringsPart = Self.partPath(relationships, typeSuffix: "sharedStrings", default: "xl/sharedStrings.xml")
        if let stringsPart, let data = try package.part(stringsPart) {
            strings = try XLSXSharedStrings.parse(
                data: data,
                part: stringsPart,
                maxCount: limits.maxSharedStrings,
                limits: limits.xml
            )
        }
        var styles = XLSXStyles()
        let stylesPart = Self.partPath(relationships, typeSuffix: "styles", default: "xl/styles.xml")
        if let stylesPart, let data = try package.part(stylesPart) {
            styles = try XLSXStyles(data: data, part: stylesPart, limits: limits.xml)
        }

        sheet = try XLSXPartReader(part: sheetPart, data: package.requiredPart(sheetPart), limits: limits.xml)
        sheetNames = worksheets.map(\.name)
        hiddenSheetNames = Set(worksheets.filter(\.hidden).map(\.name))
        sheetName = chosen.name
        usesDate1904 = workbook.usesDate1904
        sharedStrings = strings
        self.styles = styles
    }

    /// Returns the next row that the worksheet stores, or `nil` at the end of the sheet.
    ///
    /// - Returns: The row, with its 1-based number and dense cells.
    /// - Throws: ``LocatedFailure/xlsxMalformed(part:line:)`` for invalid SpreadsheetML (a bad cell reference or
    ///   type, a number that is not one, a shared-string index out of range), an `xml.*` failure located in the part
    ///   for XML errors. Treat the sheet as failed once this throws.
    public mutating func next() throws(LocatedFailure) -> XLSXRow? {
        var row: RowBuilder?
        var cell: CellBuilder?
        while let event = try sheet.next() {
            guard inSheetData else {
                if case .startElement("sheetData", _, _, _) = event { inSheetData = true }
                continue
            }
            switch event {
            case .endElement("sheetData"):
                inSheetData = false
            case .startElement("row", _, let attributes, _):
                let number: Int
                if let written = attributes["r"] {
                    guard let parsed = Int(written) else { throw sheet.malformed() }
                    number = parsed
                } else {
                    number = previousRowNumber + 1
                }
                guard (1...XLSXCellReference.maxRowNumber).contains(number) else { throw sheet.malformed() }
                previousRowNumber = number
                row = RowBuilder(number: number)
            case .endElement("row"):
                guard let row else { throw sheet.malformed() }
                return XLSXRow(number: row.number, cells: row.cells)
            case .startElement("c", _, let attributes, _):
                guard let current = row else { throw sheet.malformed() }
                let column: Int
                if let reference = attributes["r"] {
                    guard let parsed = XLSXCellReference.columnIndex(reference) else { throw sheet.malformed() }
                    column = parsed
                } else {
                    column = current.nextColumn
                }
                guard column <= XLSXCellReference.maxColumnIndex else { throw sheet.malformed() }
                var style = 0
                if let written = attributes["s"] {
                    guard let parsed = Int(written), parsed >= 0 else { throw sheet.malformed() }
                    style = parsed
                }
                cell = CellBuilder(column: column, type: attributes["t"], style: style)
            case .endElement("c"):
                guard let built = cell else { throw sheet.malformed() }
                row?.place(try value(of: built), at: built.column)
                cell = nil
            case .startElement("v", _, _, _):
                cell?.capture = .value
            case .startElement("is", _, _, _):
                cell?.inInlineString = true
            case .endElement("is"):
                cell?.inInlineString = false
            case .startElement("rPh", _, _, _):
                cell?.phoneticDepth += 1
            case .endElement("rPh"):
                cell?.phoneticDepth -= 1
            case .startElement("t", _, _, _):
                if let current = cell, current.inInlineString, current.phoneticDepth == 0 {
                    cell?.capture = .inlineText
                    cell?.hasInlineText = true
                }
            case .endElement("v"), .endElement("t"):
                cell?.capture = .nothing
            case .text(let text):
                cell?.append(text)
            default:
                continue
            }
        }
        return nil
    }

    private func value(of cell: CellBuilder) throws(LocatedFailure) -> XLSXCell {
        let raw = cell.value.map { Self.trimmed($0) }
        switch cell.type {
        case nil, "n":
            guard let raw, !raw.isEmpty else { return .empty }
            guard Self.isDecimalNumber(raw), let number = Double(raw), number.isFinite else {
                throw sheet.malformed()
            }
            if styles.isDateStyle(cell.style) { return .date(usesDate1904 ? number + 1_462 : number) }
            return .number(raw)
        case "s":
            guard let raw else { return .empty }
            guard let index = Int(raw), sharedStrings.indices.contains(index) else { throw sheet.malformed() }
            return Self.text(sharedStrings[index])
        case "inlineStr":
            return cell.hasInlineText ? Self.text(cell.inlineText) : Self.text(cell.value ?? "")
        case "str", "d":
            return Self.text(cell.value ?? "")
        case "b":
            switch raw {
            case nil, "": return .empty
            case "1", "true": return .bool(true)
            case "0", "false": return .bool(false)
            default: throw sheet.malformed()
            }
        case "e":
            guard let raw, !raw.isEmpty else { return .empty }
            return .error(raw)
        default:
            throw sheet.malformed()
        }
    }

    private static func text(_ value: String) -> XLSXCell {
        value.isEmpty ? .empty : .text(value)
    }

    private static func partPath(
        _ relationships: XLSXRelationships,
        typeSuffix: String,
        default fallback: String
    ) -> String? {
        guard let relationship = relationships.first(typeSuffix: typeSuffix) else { return fallback }
        return relationship.path
    }

    /// Finds the workbook part through the package relationships (`_rels/.rels`), falling back to the
    /// conventional `xl/workbook.xml`.
    private static func workbookPartName(in package: XLSXPackage, limits: Limits) throws(LocatedFailure) -> String {
        let fallback = "xl/workbook.xml"
        let rootPart = "_rels/.rels"
        guard let data = try package.part(rootPart) else { return fallback }
        let root = try XLSXRelationships(data: data, part: rootPart, source: "", limits: limits.xml)
        return root.first(typeSuffix: "officeDocument")?.path ?? fallback
    }

    /// Strips ASCII whitespace around a `<v>` value, working on bytes (values almost never need it).
    private static func trimmed(_ value: String) -> String {
        let utf8 = value.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return value }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }),
            let end = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        // Cutting next to ASCII bytes keeps whole scalars, so this never fails.
        return String(utf8[start...end]) ?? value
    }

    /// `[+-]digits[.digits][(e|E)[+-]digits]`, or `.digits`: the xsd:double lexical forms Excel writes (no hex,
    /// `inf` or `nan`, which `Double.init` would also accept).
    static func isDecimalNumber(_ value: String) -> Bool {
        var bytes = value.utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let integerDigits = bytes.prefix(while: isDigit).count
        bytes = bytes.dropFirst(integerDigits)
        var fractionDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fractionDigits = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fractionDigits)
        }
        guard integerDigits + fractionDigits > 0 else { return false }
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                bytes = bytes.dropFirst()
            }
            let exponentDigits = bytes.prefix(while: isDigit).count
            guard exponentDigits > 0 else { return false }
            bytes = bytes.dropFirst(exponentDigits)
        }
        return bytes.isEmpty
    }
}

/// The cells of the row being read.
private struct RowBuilder {
    let number: Int
    var cells: [XLSXCell] = []
    var nextColumn = 0

    init(number: Int) { self.number = number }

    /// Places a cell at its column, padding gaps with `.empty`; a repeated column keeps the later cell.
    mutating func place(_ cell: XLSXCell, at column: Int) {
        if column < cells.count {
            cells[column] = cell
        } else {
            cells.reserveCapacity(column + 1)
            while cells.count < column { cells.append(.empty) }
            cells.append(cell)
        }
        nextColumn = column + 1
    }
}

/// What has been seen of the cell being read.
private struct CellBuilder {
    enum Capture { case nothing, value, inlineText }

    let column: Int
    let type: String?
    let style: Int
    var value: String?
    var inlineText = ""
    var hasInlineText = false
    var inInlineString = false
    var phoneticDepth = 0
    var capture = Capture.nothing

    init(column: Int, type: String?, style: Int) {
        self.column = column
        self.type = type
        self.style = style
    }

    /// Keeps text inside `<v>` or an inline string's `<t>`; formulas (`<f>`) and other text are dropped.
    mutating func append(_ text: String) {
        switch capture {
        case .value: value = (value ?? "") + text
        case .inlineText: inlineText += text
        case .nothing: break
        }
    }
}
