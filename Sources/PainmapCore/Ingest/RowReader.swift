/// The rows of one open export, pulled in file order: what an ``IngestAdapter`` returns for a file.
///
/// A reader is used by one task at a time and owns its reading state (file handle, decoder, parser).
public protocol RowReader {
    /// The next row's outcome, or `nil` after the last row.
    /// - Throws: ``LocatedFailure`` when the file turns out unusable as a whole (no data rows, an XLSX part broken
    ///   off); the rows read before it are then not stored either.
    mutating func next() throws -> RowOutcome<FeedbackRecord>?

    /// How the file was decoded; final once ``next()`` has returned `nil`.
    var summary: FileReadSummary { get }
}

extension RowReader {
    /// The next rows in file order, at most `maxCount` of them; `nil` after the last row.
    /// - Throws: what ``next()`` throws.
    public mutating func nextBatch(maxCount: Int) throws -> [RowOutcome<FeedbackRecord>]? {
        var batch: [RowOutcome<FeedbackRecord>] = []
        batch.reserveCapacity(maxCount)
        while batch.count < maxCount, let outcome = try next() { batch.append(outcome) }
        return batch.isEmpty ? nil : batch
    }

    /// Every remaining row, in file order (for tests and small files; ingest pulls batches).
    /// - Throws: what ``next()`` throws.
    public mutating func readAll() throws -> [RowOutcome<FeedbackRecord>] {
        var outcomes: [RowOutcome<FeedbackRecord>] = []
        while let outcome = try next() { outcomes.append(outcome) }
        return outcomes
    }
}
