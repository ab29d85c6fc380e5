/// One row of a worksheet, as ``XLSXReader`` streams it.
public struct XLSXRow: Sendable, Hashable {
    /// The 1-based row number shown by spreadsheet programs; rows absent from the file are skipped, so numbers
    /// can jump.
    public let number: Int
    /// The cells, column A at index 0, gaps filled with ``XLSXCell/empty``; the array ends at the last cell the
    /// file stores for this row, so rows can differ in length.
    public let cells: [XLSXCell]

    /// Creates a row.
    ///
    /// - Parameters:
    ///   - number: The 1-based row number.
    ///   - cells: Dense cells, column A first.
    public init(number: Int, cells: [XLSXCell]) {
        self.number = number
        self.cells = cells
    }
}
