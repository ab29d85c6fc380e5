/// Why ``XLSXWriter`` could not write a workbook.
///
/// Sheets are identified by their position in the array given to the writer, rows and columns are 1-based as a
/// spreadsheet shows them; no case carries cell content.
public enum XLSXWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A workbook needs at least one sheet.
    case noSheets
    /// A sheet has more rows than a worksheet holds (1,048,576).
    case tooManyRows(sheet: Int)
    /// A row has more cells than a worksheet has columns (16,384).
    case tooManyColumns(sheet: Int, row: Int)
    /// A ``XLSXValue/number(_:)`` is NaN or infinite.
    case nonFiniteNumber(sheet: Int, row: Int, column: Int)
    /// A ``XLSXValue/date(_:)`` lies before 1900-01-01 or after 9999-12-31, which a spreadsheet cannot show.
    case dateOutOfRange(sheet: Int, row: Int, column: Int)
    /// The ZIP package could not be assembled.
    case packaging
    /// The file could not be written; `errno` is the system error number.
    case io(path: String, errno: Int32)

    /// A constant English sentence, safe to log.
    public var description: String {
        switch self {
        case .noSheets: "A workbook needs at least one sheet."
        case .tooManyRows(let sheet): "Sheet \(sheet) has more than 1048576 rows."
        case .tooManyColumns(let sheet, let row): "Sheet \(sheet), row \(row) has more than 16384 cells."
        case .nonFiniteNumber(let sheet, let row, let column):
            "Sheet \(sheet), row \(row), column \(column): the number is not finite."
        case .dateOutOfRange(let sheet, let row, let column):
            "Sheet \(sheet), row \(row), column \(column): the date is outside 1900-01-01...9999-12-31."
        case .packaging: "The XLSX package could not be assembled."
        case .io(let path, let errno): "\(path): the file could not be written (errno \(errno))."
        }
    }
}
