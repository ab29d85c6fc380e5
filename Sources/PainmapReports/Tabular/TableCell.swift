/// One cell of a flat table that both the CSV renderer and the XLSX workbook write, each in its own way.
enum TableCell: Hashable {
    /// Text (neutralised against formula injection by the writer).
    case text(String)
    /// A whole number.
    case integer(Int)
    /// A number shown with a fixed number of decimals.
    case decimal(Double, places: Int)
    /// A fraction shown as a percentage with one decimal (`0.125` → 12,5); `nil` prints «нет данных».
    case percent(Double?)
    /// Nothing.
    case empty
}
