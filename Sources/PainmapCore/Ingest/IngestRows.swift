/// The redacted rows of one file in file order, in batches, which the store pulls inside the file's transaction.
///
/// The ingest job produces them (adapter → redaction) while the store writes; at most ``capacity`` batches wait, so
/// memory is bounded for any file size. A store pulls with ``nextBlocking()`` on a writer thread of its own (SQLite)
/// or with `for try await` (PostgreSQL); after the last batch, ``summary`` says how the file was decoded. If reading
/// fails, the pull throws the adapter's error (an ``LocatedFailure``) and the store rolls the file back.
public final class IngestRows: AsyncSequence, Sendable {
    /// One batch: consecutive rows of the file.
    public typealias Batch = [RowOutcome<RedactedRecord>]
    public typealias Element = Batch

    /// Batches that may wait for the store.
    public static let capacity = 8

    private let queue: BoundedQueue<Batch, FileReadSummary>

    /// Creates an empty stream for a producer to fill.
    public init(capacity: Int = IngestRows.capacity) {
        queue = BoundedQueue(capacity: capacity)
    }

    /// A stream that holds `outcomes` already, in batches of `batchSize`, and then ends with `ending`: for stores'
    /// tests and rows already in memory.
    public static func preloaded(
        _ outcomes: [RowOutcome<RedactedRecord>],
        batchSize: Int = 256,
        ending: Result<FileReadSummary, any Error> = .success(FileReadSummary(encoding: "utf-8"))
    ) -> IngestRows {
        let size = Swift.max(1, batchSize)
        let batches = stride(from: 0, to: outcomes.count, by: size).map {
            Array(outcomes[$0..<Swift.min($0 + size, outcomes.count)])
        }
        let rows = IngestRows(capacity: Swift.max(1, batches.count))
        rows.queue.preload(batches)
        switch ending {
        case .success(let summary): rows.finish(summary)
        case .failure(let error): rows.fail(error)
        }
        return rows
    }

    // MARK: Producer

    /// Hands a batch to the store, suspending while ``capacity`` batches wait.
    /// - Throws: `CancellationError` once the store stopped pulling (it failed, or the file was done already).
    public func send(_ batch: Batch) async throws { try await queue.send(batch) }

    /// Ends the file: the store gets `nil` after the batches sent, then reads `summary`.
    public func finish(_ summary: FileReadSummary) { queue.finish(summary) }

    /// Ends the file with an error, which the store's next pull throws.
    public func fail(_ error: any Error) { queue.fail(error) }

    // MARK: Store

    /// The next batch, blocking the calling thread (a store's writer thread, never the cooperative pool) while none
    /// waits; `nil` after the last.
    /// - Throws: The adapter's error.
    public func nextBlocking() throws -> Batch? { try queue.nextBlocking() }

    /// The next batch; `nil` after the last.
    /// - Throws: The adapter's error, or `CancellationError`.
    public func next() async throws -> Batch? { try await queue.next() }

    /// How the adapter decoded the file, once the last batch has been pulled; `nil` before.
    public var summary: FileReadSummary? { queue.ending }

    /// Stops the stream from the store's side (or the job's, once the store returned): the producer stops at its
    /// next batch.
    public func close() { queue.close() }

    /// Pulls batches with `for try await`.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let rows: IngestRows

        public mutating func next() async throws -> Batch? { try await rows.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(rows: self) }
}
