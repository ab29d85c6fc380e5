/// The value of one spreadsheet cell, as the file stores it.
///
/// Numbers keep their written form so callers decide how to parse them (an id such as `"00017"` never reaches a
/// spreadsheet as a number, but `"42"` and `"3.5"` do). Dates are cells whose number format is a date or time
/// format; they carry the Excel serial number, converted to the 1900 date system if the workbook uses 1904.
public enum XLSXCell: Sendable, Hashable {
    /// No value: a gap between cells, a cell with only a style, or a string cell without text.
    case empty
    /// A string: shared (`t="s"`), inline (`t="inlineStr"`, rich-text runs concatenated) or a formula result
    /// (`t="str"`). An ISO 8601 date cell (`t="d"`, rare) is also returned as text, unchanged.
    case text(String)
    /// A number as written in the file, for example `"42"`, `"3.5"` or `"1.5E-3"`; always parseable by `Double`.
    case number(String)
    /// A boolean (`t="b"`).
    case bool(Bool)
    /// A date or time: the Excel serial number in the 1900 date system (days since 1899-12-30, fractions are the
    /// time of day). Convert with ``XLSXReader/date(fromSerial:timeZone:)``.
    case date(Double)
    /// An error value such as `#DIV/0!` or `#N/A` (`t="e"`).
    case error(String)
}
