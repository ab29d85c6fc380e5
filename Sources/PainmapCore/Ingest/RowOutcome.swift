/// What reading one row of an export produced: a record, or a row set aside with a reason.
///
/// Adapters yield `RowOutcome<FeedbackRecord>`; after redaction the store takes `RowOutcome<RedactedRecord>`. Every
/// row read becomes exactly one outcome, which keeps `read = stored + quarantined + duplicate` checkable.
public enum RowOutcome<Record: Sendable>: Sendable {
    /// A record read from `line` (the 1-based line, row or element index of the file).
    case record(Record, line: Int)
    /// A row that could not become a record.
    case quarantined(QuarantinedRow)

    /// The same outcome with its record transformed (quarantined rows pass unchanged).
    public func map<Other: Sendable>(_ transform: (Record) -> Other) -> RowOutcome<Other> {
        switch self {
        case .record(let record, let line): .record(transform(record), line: line)
        case .quarantined(let row): .quarantined(row)
        }
    }
}
