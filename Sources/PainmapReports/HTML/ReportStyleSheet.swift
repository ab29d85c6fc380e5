/// The reports' style sheet, for pages outside the report tree that share their look (the analysts' workspace,
/// `painmap serve`, serves it as a file so its CSP needs no inline styles).
public enum ReportStyleSheet {
    /// The CSS every report page embeds.
    public static var css: String { HTMLStyle.sheet }
}
