/// A worksheet for ``XLSXWriter``: a name, rows of cells, and optional column widths.
///
/// Row 1 (the first element of ``rows``) is the header: it is set in bold and frozen, so it stays visible while
/// scrolling.
public struct XLSXSheet: Sendable {
    /// The tab name; ``XLSXWriter`` makes it valid and unique, see ``XLSXWriter/sanitizedSheetNames(_:)``.
    public var name: String
    /// The rows, top to bottom, each row's cells from column A; rows may differ in length.
    public var rows: [[XLSXValue]]
    /// Column widths in characters, column A first; zero, negative or non-finite entries keep the default width,
    /// and widths are capped at 255.
    public var columnWidths: [Double]

    /// Creates a sheet.
    ///
    /// - Parameters:
    ///   - name: The tab name.
    ///   - rows: The rows, the header first.
    ///   - columnWidths: Column widths in characters, column A first; empty for default widths.
    public init(name: String, rows: [[XLSXValue]], columnWidths: [Double] = []) {
        self.name = name
        self.rows = rows
        self.columnWidths = columnWidths
    }
}
