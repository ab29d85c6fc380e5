#if PostgreSQL
    import Dispatch
    import Foundation
    import PainmapCore

    /// A record as the reader thread prepares it: its key and fingerprint (of the original, unredacted record), its COPY
    /// line, and what redaction removed from it.
    struct PendingRecord: Sendable {
        var source: String
        var key: String
        var digest: Int64
        var copyLine: [UInt8]
        /// The identifiers the redactor removed, in text order.
        var identifiers: [FoundIdentifier] = []
        /// The original texts, only with `keep_originals: true`.
        var originals: OriginalTexts?
    }

    /// Rows of one file handed from the reader thread to the writer, in file order.
    struct PendingBatch: Sendable {
        var records: [PendingRecord] = []
        var quarantined: [QuarantinedRow] = []

        var count: Int { records.count + quarantined.count }
    }

    /// Carries batches from the synchronous reader thread to the async writer, at most `capacity` batches in flight.
    ///
    /// The reader blocks on a semaphore when the writer falls behind (bounded memory however large the file); the
    /// writer never blocks a thread, it awaits the stream. If the writer fails it abandons the pipe, and the reader's next
    /// `send` throws, so the adapter stops reading.
    final class IngestPipe: @unchecked Sendable {
        enum Message: Sendable {
            case batch(PendingBatch)
            case finished(FileReadSummary)
            case failed(any Error)
        }

        /// Thrown into the reader when the writer has given up.
        struct Abandoned: Error {}

        let messages: AsyncStream<Message>
        private let continuation: AsyncStream<Message>.Continuation
        private let slots: DispatchSemaphore
        private let lock = NSLock()
        private var abandoned = false
        private let readerDone = DispatchSemaphore(value: 0)

        init(capacity: Int) {
            (messages, continuation) = AsyncStream.makeStream(of: Message.self, bufferingPolicy: .unbounded)
            slots = DispatchSemaphore(value: capacity)
        }

        private var isAbandoned: Bool { lock.withLock { abandoned } }

        /// Reader side: hands over a batch, waiting while `capacity` batches are unwritten.
        func send(_ batch: PendingBatch) throws {
            slots.wait()
            if isAbandoned {
                slots.signal()  // let any later send through to the same error
                throw Abandoned()
            }
            continuation.yield(.batch(batch))
        }

        /// Reader side: the last message; the reader touches nothing of the file's after this.
        func finish(_ message: Message) {
            continuation.yield(message)
            continuation.finish()
            readerDone.signal()
        }

        /// Writer side: a batch has been written, its slot is free.
        func release() { slots.signal() }

        /// Writer side: stop the reader at its next row.
        func abandon() {
            lock.withLock { abandoned = true }
            slots.signal()
        }

        /// Writer side: waits (off the cooperative pool) until the reader thread has sent its last message.
        func waitForReader() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().async {
                    self.readerDone.wait()
                    self.readerDone.signal()
                    continuation.resume()
                }
            }
        }
    }

    /// The sink the adapter writes into, on the reader thread: it prepares COPY lines and hands batches to the pipe.
    final class BatchingRecordSink: RecordSink {
        private let pipe: IngestPipe
        private let fileID: Int64
        private let batchSize: Int
        private var batch = PendingBatch()

        init(pipe: IngestPipe, fileID: Int64, batchSize: Int) {
            self.pipe = pipe
            self.fileID = fileID
            self.batchSize = batchSize
        }

        func accept(_ record: FeedbackRecord, line: Int) throws {
            try accept(
                RedactedRecord(
                    record: record,
                    naturalKey: record.naturalKey,
                    fingerprint: record.contentFingerprint,
                    identifiers: [],
                    originals: nil
                ),
                line: line
            )
        }

        /// Keeps the redacted record under its original key and fingerprint, with its identifiers and originals (as the
        /// SQLite sink does).
        func accept(_ redacted: RedactedRecord, line: Int) throws {
            let record = redacted.record
            let key = redacted.naturalKey
            let digest = Int64(bitPattern: redacted.fingerprint)
            if let copyLine = PostgresRecordColumns.copyLine(
                record,
                key: key,
                digest: digest,
                fileID: fileID,
                line: line
            ) {
                batch.records.append(
                    PendingRecord(
                        source: record.source.rawValue,
                        key: key,
                        digest: digest,
                        copyLine: copyLine,
                        identifiers: redacted.identifiers,
                        originals: redacted.originals
                    )
                )
            } else {
                batch.quarantined.append(
                    QuarantinedRow(
                        line: line,
                        reason: .badEncoding,
                        message:
                            "в поле символ NUL (U+0000), который PostgreSQL не хранит в тексте; уберите его из выгрузки"
                    )
                )
            }
            if batch.count >= batchSize { try flush() }
        }

        func quarantine(_ row: QuarantinedRow) throws {
            batch.quarantined.append(row)
            if batch.count >= batchSize { try flush() }
        }

        /// Hands over what is buffered.
        func flush() throws {
            guard batch.count > 0 else { return }
            try pipe.send(batch)
            batch = PendingBatch()
        }
    }

    /// Runs the adapter's synchronous `read` on its own thread, feeding `pipe`, so the file's async writer never
    /// blocks a thread of the cooperative pool.
    enum ReaderThread {
        /// Holds the non-escaping `read` while the thread uses it; the thread clears it before its last message, so
        /// nothing references the closure once the writer has that message.
        private final class Box: @unchecked Sendable {
            var read: ((any RecordSink) throws -> FileReadSummary)?
            let sink: BatchingRecordSink
            let pipe: IngestPipe

            init(read: @escaping (any RecordSink) throws -> FileReadSummary, sink: BatchingRecordSink, pipe: IngestPipe)
            {
                self.read = read
                self.sink = sink
                self.pipe = pipe
            }
        }

        /// Starts the thread.
        ///
        /// The caller must consume `pipe.messages` up to the final message (or abandon the pipe and
        /// ``IngestPipe/waitForReader()``) before `read` goes out of scope.
        static func start(
            read: @escaping (any RecordSink) throws -> FileReadSummary,
            sink: BatchingRecordSink,
            pipe: IngestPipe
        ) {
            let box = Box(read: read, sink: sink, pipe: pipe)
            let thread = Thread {
                let message: IngestPipe.Message
                do {
                    let summary = try box.read!(box.sink)
                    try box.sink.flush()
                    message = .finished(summary)
                } catch {
                    message = .failed(error)
                }
                box.read = nil
                box.pipe.finish(message)
            }
            thread.name = "painmap-ingest-reader"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
#endif
