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

    /// The next rows in file order, at most `maxCount` of them, as work another thread may finish; `nil` after the
    /// last row.
    ///
    /// A reader that can cut its file into pieces cheaply (CSV) leaves decoding and mapping to
    /// ``PendingRows/outcomes()``, so the ingest job's parallel lanes do it rather than the one reading task. The
    /// outcomes are exactly those ``nextBatch(maxCount:)`` would have returned. The default calls it.
    /// - Throws: what ``next()`` throws.
    mutating func nextPendingBatch(maxCount: Int) throws -> PendingRows?
}

/// Consecutive rows of a file, either read already or cut out to be decoded and mapped on another thread.
public struct PendingRows: Sendable {
    private let work: @Sendable () -> [RowOutcome<FeedbackRecord>]

    /// Rows already read.
    public init(_ outcomes: [RowOutcome<FeedbackRecord>]) { work = { outcomes } }

    /// Rows to be read by `work`, which must depend on nothing but what it captured.
    public init(deferred work: @escaping @Sendable () -> [RowOutcome<FeedbackRecord>]) { self.work = work }

    /// The rows' outcomes in file order.
    public func outcomes() -> [RowOutcome<FeedbackRecord>] { work() }
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

    /// The next rows as read by ``nextBatch(maxCount:)``.
    /// - Throws: what ``next()`` throws.
    public mutating func nextPendingBatch(maxCount: Int) throws -> PendingRows? {
        try nextBatch(maxCount: maxCount).map(PendingRows.init)
    }

    /// Every remaining row, in file order (for tests and small files; ingest pulls batches).
    /// - Throws: what ``next()`` throws.
    public mutating func readAll() throws -> [RowOutcome<FeedbackRecord>] {
        var outcomes: [RowOutcome<FeedbackRecord>] = []
        while let outcome = try next() { outcomes.append(outcome) }
        return outcomes
    }
}
