public import Foundation

/// One cell of a sheet that ``XLSXWriter`` writes.
public enum XLSXValue: Sendable, Hashable {
    /// Text, stored as an inline string — a typed string no spreadsheet program evaluates, so it is stored as
    /// written; text starting with `=`, `+`, `-`, `@`, a tab or a carriage return also gets the `quotePrefix` cell
    /// style, so it stays text when a user edits the cell. Characters XML 1.0 cannot carry (most C0 controls) are
    /// dropped; text longer than Excel's 32,767-character cell limit is cut and ends
    /// with «…». Empty text is written as an empty cell.
    case text(String)
    /// A number; it must be finite.
    case number(Double)
    /// An integer, written exactly; spreadsheet programs hold numbers as doubles, so magnitudes above 2^53 lose
    /// precision when the file is opened.
    case integer(Int)
    /// A moment, written as an Excel serial date of its UTC wall-clock time with the format `dd.mm.yyyy hh:mm`;
    /// it must lie between 1900-01-01 and 9999-12-31.
    case date(Date)
    /// No cell.
    case empty
}
