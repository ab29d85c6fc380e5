public import PainmapCore

extension FailureCode {
    /// ``XLSXWriter`` was given content a workbook cannot hold: no sheet, too many rows or cells, a number that is
    /// not finite, a date a spreadsheet cannot show (70: the caller built an invalid workbook).
    public static let workbookInvalid = FailureCode(rawValue: "workbook.invalid")
    /// The workbook's ZIP package could not be assembled (70).
    public static let workbookPackaging = FailureCode(rawValue: "workbook.packaging")
}

/// Why ``XLSXWriter`` could not write a workbook. Sheets are identified by their position in the array given to the
/// writer, rows and columns are 1-based as a spreadsheet shows them; no message carries cell content.
extension LocatedFailure {
    private static func workbook(_ message: String) -> LocatedFailure {
        LocatedFailure(.workbookInvalid, message: "книга XLSX: \(message)", status: .software)
    }

    /// A workbook needs at least one sheet.
    public static let workbookNoSheets = workbook("нет ни одного листа")

    /// The ZIP package could not be assembled.
    public static let workbookPackaging = LocatedFailure(
        .workbookPackaging,
        message: "книгу XLSX не удалось упаковать",
        status: .software
    )

    /// A sheet has more rows than a worksheet holds (1,048,576).
    ///
    /// - Parameter sheet: The sheet's position.
    /// - Returns: The failure.
    public static func workbookTooManyRows(sheet: Int) -> LocatedFailure {
        workbook("на листе №\(sheet) больше 1048576 строк")
    }

    /// A row has more cells than a worksheet has columns (16,384).
    ///
    /// - Parameters:
    ///   - sheet: The sheet's position.
    ///   - row: The row.
    /// - Returns: The failure.
    public static func workbookTooManyColumns(sheet: Int, row: Int) -> LocatedFailure {
        workbook("лист №\(sheet), строка \(row): больше 16384 ячеек")
    }

    /// A ``XLSXValue/number(_:)`` is NaN or infinite.
    ///
    /// - Parameters:
    ///   - sheet: The sheet's position.
    ///   - row: The row.
    ///   - column: The column.
    /// - Returns: The failure.
    public static func workbookNonFiniteNumber(sheet: Int, row: Int, column: Int) -> LocatedFailure {
        workbook("лист №\(sheet), строка \(row), столбец \(column): число не конечно (NaN или бесконечность)")
    }

    /// A ``XLSXValue/date(_:)`` lies before 1900-01-01 or after 9999-12-31, which a spreadsheet cannot show.
    ///
    /// - Parameters:
    ///   - sheet: The sheet's position.
    ///   - row: The row.
    ///   - column: The column.
    /// - Returns: The failure.
    public static func workbookDateOutOfRange(sheet: Int, row: Int, column: Int) -> LocatedFailure {
        workbook("лист №\(sheet), строка \(row), столбец \(column): дата вне 1900-01-01…9999-12-31")
    }

    /// The file could not be written.
    ///
    /// - Parameters:
    ///   - path: The workbook's path.
    ///   - errno: The system error number.
    /// - Returns: A failure with code ``FailureCode/io`` (74).
    static func workbookIO(path: String, errno: Int32) -> LocatedFailure {
        LocatedFailure(
            .io,
            at: SourceLocation(path: path),
            message: "книгу XLSX не удалось записать (errno \(errno)); проверьте место на диске и права",
            status: .ioError
        )
    }
}
