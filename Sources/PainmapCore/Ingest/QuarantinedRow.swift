/// A row set aside with a reason: kept in the store (nothing is lost), never rendered in reports.
public struct QuarantinedRow: Error, Sendable, Hashable {
    /// The 1-based line (CSV physical line where the row starts, XLSX row, XML line, JSON element index).
    public var line: Int
    /// The column (header or key) at fault, if one is.
    public var column: String?
    /// Why the row was set aside.
    public var reason: QuarantineReason
    /// What to fix, in Russian, without the row's content.
    public var message: String
    /// The raw bytes of the row (capped); may hold personal data, so it stays in the store only.
    public var raw: [UInt8]

    /// Creates a quarantined row.
    public init(line: Int, column: String? = nil, reason: QuarantineReason, message: String, raw: [UInt8] = []) {
        self.line = line
        self.column = column
        self.reason = reason
        self.message = message
        self.raw = raw
    }
}
