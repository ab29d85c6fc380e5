/// Neutralises text that a spreadsheet program would evaluate as a formula (CSV and XLSX injection).
///
/// OWASP's rule: a cell starting with `=`, `+`, `-`, `@`, a tab, a carriage return (or NUL) is evaluated, or starts
/// a DDE call, when a CSV or XLSX file is opened; prefixing an apostrophe makes the program show it as text.
/// The CSV renderer applies it; ``XLSXWriter`` stores text as typed inline strings, which are never evaluated, and
/// uses ``formulaTriggers`` only to give such text the `quotePrefix` style.
public enum SpreadsheetText {
    /// The first characters that make a spreadsheet program evaluate a cell.
    public static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\u{0}"]

    /// `text` with a leading apostrophe when it starts with one of ``formulaTriggers``, otherwise unchanged.
    ///
    /// ```swift
    /// SpreadsheetText.neutralized("=HYPERLINK(\"http://x\")")  // "'=HYPERLINK(\"http://x\")"
    /// SpreadsheetText.neutralized("Очередь в МФЦ")             // "Очередь в МФЦ"
    /// ```
    /// - Parameter text: Cell text.
    /// - Returns: Text that no spreadsheet program evaluates.
    public static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaTriggers.contains(first) else { return text }
        return "'" + text
    }
}
