/// Renders a report's pain table as CSV: one row per pain, the columns of ``PainTable``.
///
/// Numbers use a decimal comma and no grouping (`12,5`), so that a Russian-locale spreadsheet reads them as
/// numbers; shares are percentages; a share without a base is «нет данных».
struct ReportCSVRenderer {
    let report: PainMapReport

    /// The file as text, starting with the byte-order mark.
    func render() -> String {
        let table = PainTable(report)
        var csv = CSVText()
        csv.append(table.headers.map(SpreadsheetText.neutralized))
        for row in table.rows { csv.append(row.map(Self.text)) }
        return csv.output
    }

    static func text(_ cell: TableCell) -> String {
        switch cell {
        case .text(let text): SpreadsheetText.neutralized(text)
        case .integer(let value): String(value)
        case .decimal(let value, let places): RussianNumberFormat.plainDecimal(value, places: places)
        case .percent(let fraction):
            fraction.map { RussianNumberFormat.plainDecimal($0 * 100, places: 1) } ?? RussianNumberFormat.noData
        case .empty: ""
        }
    }
}
