import Foundation
import PainmapCore

/// What reading one row produced.
enum RowOutcome: Sendable {
    case record(FeedbackRecord, line: Int)
    /// A record the reader already prepared (redacted) with the sink's ``RecordPreparation``.
    case prepared(RedactedRecord, line: Int)
    case quarantine(QuarantinedRow)
}

/// Runs the reading side of an ingest (tokenizing, decoding, mapping) on a second thread while the
/// calling thread writes to the store, so the two halves of the work overlap on two cores.
///
/// Outcomes travel in batches through a bounded queue and are consumed strictly in file order, so the
/// result is identical to a sequential run; memory stays bounded by `capacity` batches. With a
/// ``RecordPreparation`` (redaction), the reader prepares each full batch before queueing it, split into
/// `threads` contiguous chunks run in parallel; each record's result lands at its own index, so the order and
/// the bytes stored do not depend on the thread count, and the writing thread only writes.
enum RowPipeline {
    static let batchSize = 256
    static let capacity = 8

    /// Runs `produce` on a worker thread and hands every outcome it emits to `consume`, in order.
    /// - Parameters:
    ///   - preparation: Applied to every record on the reader's side; records then reach `consume` as
    ///     ``RowOutcome/prepared(_:line:)``.
    ///   - produce: Reads the rows; calls `emit` per row and returns `false` from `emit` when the
    ///     consumer has stopped. It owns all reading state; nothing else touches it while it runs.
    ///   - consume: Called on the calling thread for each outcome; a throw stops the producer.
    /// - Throws: the first error of either side (the consumer's wins).
    static func run<Value>(
        preparation: RecordPreparation? = nil,
        produce: @escaping (_ emit: (RowOutcome) -> Bool) throws -> Value,
        consume: (RowOutcome) throws -> Void
    ) throws -> Value {
        let channel = BatchChannel(capacity: capacity)
        let work = ProducerWork(body: produce, preparation: preparation)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            work.run(channel: channel)
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        var consumerError: (any Error)?
        while consumerError == nil, let batch = channel.take() {
            for outcome in batch {
                do {
                    try consume(outcome)
                } catch {
                    consumerError = error
                    channel.cancel()
                    break
                }
            }
        }
        done.wait()
        if let consumerError { throw consumerError }
        return try work.result(as: Value.self)
    }
}

/// The producer's closure and result, handed to exactly one worker thread.
///
/// `@unchecked Sendable` is safe here: the closure and its captured reading state are used only by the
/// worker thread, and `result` is read by the caller only after the worker signalled completion.
private final class ProducerWork: @unchecked Sendable {
    private let body: (_ emit: (RowOutcome) -> Bool) throws -> Any
    private let preparation: RecordPreparation?
    private var outcome: Result<Any, any Error> = .failure(CancellationError())

    init<Value>(body: @escaping (_ emit: (RowOutcome) -> Bool) throws -> Value, preparation: RecordPreparation?) {
        self.body = { emit in try body(emit) }
        self.preparation = preparation
    }

    /// Prepares the batch's records in place: `threads` contiguous chunks, each written only by its own worker.
    private func prepare(_ batch: inout [RowOutcome]) {
        guard let preparation else { return }
        let preparer = preparation.preparer
        let chunks = min(preparation.threads, batch.count)
        if chunks <= 1 {
            for index in batch.indices { batch[index] = ProducerWork.prepared(batch[index], preparer) }
            return
        }
        batch.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let shared = SharedBatch(base: base)
            let count = buffer.count
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
                    shared.base[index] = ProducerWork.prepared(shared.base[index], preparer)
                }
            }
        }
    }

    private static func prepared(_ outcome: RowOutcome, _ preparer: any RecordPreparer) -> RowOutcome {
        guard case .record(let record, let line) = outcome else { return outcome }
        return .prepared(preparer.prepare(record), line: line)
    }

    func run(channel: BatchChannel) {
        var batch: [RowOutcome] = []
        batch.reserveCapacity(RowPipeline.batchSize)
        var open = true
        do {
            let value = try body { outcome in
                guard open else { return false }
                batch.append(outcome)
                if batch.count >= RowPipeline.batchSize {
                    prepare(&batch)
                    open = channel.put(batch)
                    batch.removeAll(keepingCapacity: true)
                }
                return open
            }
            if open, !batch.isEmpty {
                prepare(&batch)
                _ = channel.put(batch)
            }
            outcome = .success(value)
        } catch {
            if open, !batch.isEmpty {
                prepare(&batch)
                _ = channel.put(batch)
            }
            outcome = .failure(error)
        }
        channel.finish()
    }

    func result<Value>(as: Value.Type) throws -> Value {
        let value = try outcome.get()
        guard let typed = value as? Value else { throw CancellationError() }
        return typed
    }
}

/// A batch's storage shared by the chunk workers of ``ProducerWork``.
///
/// `@unchecked Sendable` is safe here: each worker reads and writes only the indices of its own chunk, and the
/// batch is not touched by anything else until `concurrentPerform` has returned.
private struct SharedBatch: @unchecked Sendable {
    let base: UnsafeMutablePointer<RowOutcome>
}

/// A bounded FIFO of batches between one producer and one consumer.
private final class BatchChannel: @unchecked Sendable {
    // All state is guarded by `condition`.
    private let condition = NSCondition()
    private var batches: [[RowOutcome]] = []
    private var finished = false
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Adds a batch, waiting while the queue is full; `false` once the consumer cancelled.
    func put(_ batch: [RowOutcome]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity, !cancelled { condition.wait() }
        if cancelled { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// The next batch, or `nil` when the producer finished and the queue is empty.
    func take() -> [RowOutcome]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty, !finished { condition.wait() }
        if batches.isEmpty { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }

    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
