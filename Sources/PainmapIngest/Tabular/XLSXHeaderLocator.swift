import Foundation
import PainmapCore

/// Finds a layout's header row in a workbook as people save them: below a title, on a sheet other than the first.
///
/// The sheet is the one the layout names with `sheet:`, else the first sheet in tab order (visible sheets before
/// hidden ones) that has, within its first ``searchRows`` stored rows, a row holding every required column of the
/// layout (or, for a layout without required columns, any of its columns). When no sheet has one, the error lists
/// each sheet with its first row's cells, so the analyst sees at once where the data went.
struct XLSXHeaderLocator {
    /// How many of a sheet's first stored rows may hold the header.
    static let searchRows = 20

    let feed: FeedConfiguration
    let location: SourceLocation

    /// A found header: the reader positioned on the row after it.
    struct Found {
        var reader: XLSXReader
        var header: [String]
        var row: Int
    }

    /// Header keys a header row must contain, and keys any of which is enough when none is required.
    private var signature: (required: Set<String>, any: Set<String>) {
        let required = feed.required.compactMap { field -> String? in
            guard feed.constants[field] == nil, !(field == .region && feed.fixedRegion != nil) else { return nil }
            return feed.columns[field].map { RowMapper.headerKey($0.column) }
        }
        return (Set(required), Set(feed.columns.values.map { RowMapper.headerKey($0.column) }))
    }

    /// Whether `cells` is the layout's header row.
    func matches(_ cells: [String]) -> Bool {
        let keys = Set(cells.map(RowMapper.headerKey))
        let signature = signature
        if !signature.required.isEmpty { return signature.required.isSubset(of: keys) }
        if !signature.any.isEmpty { return !signature.any.isDisjoint(with: keys) }
        return cells.contains { !$0.trimmedCell.isEmpty }
    }

    /// Opens `url` and finds the header.
    /// - Throws: ``LocatedFailure``: the workbook's own errors, `missing_columns` when no sheet holds the header (or the
    ///   sheet `sheet:` names does not exist), `empty_file` when every sheet is empty.
    func locate(_ url: URL) throws -> Found {
        let first: XLSXReader
        do {
            first = try XLSXReader(contentsOf: url)
        } catch {
            throw LocatedFailure(xlsx: error, location: location)
        }
        let names: [String]
        if let wanted = feed.sheet {
            let folded = wanted.lowercased()
            guard
                let name = first.sheetNames.first(where: { $0 == wanted })
                    ?? first.sheetNames.first(where: { $0.lowercased() == folded })
            else {
                throw LocatedFailure.unusableFile(
                    .missingColumns,
                    at: location,
                    message:
                        "в книге нет листа «\(wanted)», названного в sheet: макета «\(feed.name)»; листы книги: \(first.sheetNames.map { "«\($0)»" }.joined(separator: ", "))"
                )
            }
            names = [name]
        } else {
            names =
                first.sheetNames.filter { !first.hiddenSheetNames.contains($0) }
                + first.sheetNames.filter { first.hiddenSheetNames.contains($0) }
        }
        var previews: [(sheet: String, row: Int, cells: [String])?] = []
        var spare: XLSXReader? = first
        for name in names {
            var reader: XLSXReader
            do {
                if let unused = spare, unused.sheetName == name {
                    reader = unused
                    spare = nil
                } else {
                    reader = try XLSXReader(contentsOf: url, sheetName: name)
                }
            } catch {
                throw LocatedFailure(xlsx: error, location: location)
            }
            var preview: (sheet: String, row: Int, cells: [String])?
            var seen = 0
            while seen < Self.searchRows {
                let row: XLSXRow?
                do {
                    row = try reader.next()
                } catch {
                    throw LocatedFailure(xlsx: error, location: location)
                }
                guard let row else { break }
                let cells = row.cells.map(Self.headerText)
                guard cells.contains(where: { !$0.trimmedCell.isEmpty }) else { continue }
                seen += 1
                if preview == nil { preview = (name, row.number, cells) }
                if matches(cells) {
                    return Found(reader: reader, header: cells, row: row.number)
                }
            }
            previews.append(preview ?? nil)
        }
        throw noHeader(sheets: names, hidden: first.hiddenSheetNames, previews: previews)
    }

    private func noHeader(
        sheets: [String],
        hidden: Set<String>,
        previews: [(sheet: String, row: Int, cells: [String])?]
    ) -> LocatedFailure {
        let described = zip(sheets, previews).map { sheet, preview -> String in
            let name = hidden.contains(sheet) ? "\(sheet)» (скрытый)" : "\(sheet)»"
            guard let preview else { return "«\(name) — пуст" }
            let cells = preview.cells.filter { !$0.trimmedCell.isEmpty }.prefix(8).map { "«\(RowMapper.clip($0))»" }
            return "«\(name) — строка \(preview.row): \(cells.joined(separator: ", "))"
        }
        if previews.allSatisfy({ $0 == nil }) {
            return LocatedFailure.unusableFile(
                .emptyFile,
                at: location,
                message:
                    "в книге нет ни одной заполненной строки: \(sheets.count == 1 ? "лист" : "листы") \(sheets.map { "«\($0)»" }.joined(separator: ", ")) без данных; проверьте, что выгрузка сохранена целиком"
            )
        }
        let signature = signature
        let wanted = feed.columns.values.map(\.column).filter { signature.required.contains(RowMapper.headerKey($0)) }
        let columns = (wanted.isEmpty ? feed.columns.values.map(\.column) : wanted).sorted().map { "«\($0)»" }
        let scope = feed.sheet == nil ? "ни на одном листе книги" : "на листе «\(sheets.first ?? "")»"
        return LocatedFailure.unusableFile(
            .missingColumns,
            at: location,
            message:
                "\(scope) в первых \(Self.searchRows) строках нет строки заголовка макета «\(feed.name)» со столбцами \(columns.joined(separator: ", ")); первые строки листов: \(described.joined(separator: "; ")); поправьте columns макета в Config/feeds.yaml или укажите лист ключом sheet:"
        )
    }

    /// A cell as header text (numbers and dates as written, so a header of years still matches).
    static func headerText(_ cell: XLSXCell) -> String {
        switch cell {
        case .empty: ""
        case .text(let text), .number(let text), .error(let text): text
        case .bool(let value): value ? "1" : "0"
        case .date(let serial): CellValue.isoLocal(serial: serial) ?? ""
        }
    }
}
