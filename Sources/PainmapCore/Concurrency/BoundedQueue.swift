import Foundation

/// A bounded first-in, first-out queue from one producing task to one consumer, ending with a value or an error.
///
/// The producer awaits ``send(_:)`` while `capacity` elements wait, so memory stays bounded however fast it reads.
/// The consumer takes elements in the order they were sent, either from a task (``next()``, suspending) or from a
/// thread that is not part of the cooperative pool, such as a database's writer thread (``nextBlocking()``, blocking
/// that thread). After the last element, ``next()`` returns `nil` and ``ending`` holds the producer's final value, or
/// ``next()`` throws the producer's error. A consumer that gives up calls ``close()``: the producer's next
/// ``send(_:)`` throws `CancellationError`.
///
/// `@unchecked Sendable` is safe here: every stored property is read and written under `lock`, and continuations and
/// semaphores are resumed after the lock is released.
public final class BoundedQueue<Element: Sendable, Ending: Sendable>: @unchecked Sendable {
    private enum ConsumerWait {
        case task(CheckedContinuation<Void, Never>)
        case thread(DispatchSemaphore)

        func resume() {
            switch self {
            case .task(let continuation): continuation.resume()
            case .thread(let semaphore): semaphore.signal()
            }
        }
    }

    private let lock = NSLock()
    private let capacity: Int
    private var elements: [Element] = []
    private var head = 0
    private var end: Result<Ending, any Error>?
    private var closed = false
    private var producerWait: CheckedContinuation<Void, Never>?
    private var consumerWait: ConsumerWait?

    /// Creates an empty queue.
    /// - Parameter capacity: Elements that may wait before ``send(_:)`` suspends (at least 1).
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
        elements.reserveCapacity(self.capacity)
    }

    private var waiting: Int { elements.count - head }

    // MARK: Producer

    /// Appends `element`, suspending while the queue is full.
    /// - Throws: `CancellationError` when the consumer has closed the queue or the producing task is cancelled.
    public func send(_ element: Element) async throws {
        try Task.checkCancellation()
        while true {
            let wait: Bool = lock.withLock {
                closed ? false : waiting >= capacity
            }
            if wait {
                await withTaskCancellationHandler {
                    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                        let resumeNow = lock.withLock {
                            if closed || waiting < capacity || Task.isCancelled { return true }
                            producerWait = continuation
                            return false
                        }
                        if resumeNow { continuation.resume() }
                    }
                } onCancel: {
                    lock.withLock { () -> CheckedContinuation<Void, Never>? in
                        defer { producerWait = nil }
                        return producerWait
                    }?.resume()
                }
                try Task.checkCancellation()
                continue
            }
            let consumer: ConsumerWait? = try lock.withLock {
                if closed { throw CancellationError() }
                elements.append(element)
                defer { consumerWait = nil }
                return consumerWait
            }
            consumer?.resume()
            return
        }
    }

    /// Appends elements without waiting, whatever the capacity: for a queue filled before its consumer starts.
    func preload(_ batch: [Element]) {
        lock.withLock { elements.append(contentsOf: batch) }
    }

    /// Ends the queue with `value`: the consumer gets `nil` after the elements already sent.
    public func finish(_ value: Ending) { complete(.success(value)) }

    /// Ends the queue with `error`: the consumer's next call after the elements already sent throws it.
    public func fail(_ error: any Error) { complete(.failure(error)) }

    private func complete(_ result: Result<Ending, any Error>) {
        let consumer: ConsumerWait? = lock.withLock {
            if end == nil { end = result }
            defer { consumerWait = nil }
            return consumerWait
        }
        consumer?.resume()
    }

    // MARK: Consumer

    /// The next element, suspending while the queue is empty; `nil` once the producer has finished.
    /// - Throws: The producer's error (see ``fail(_:)``), or `CancellationError` when the consuming task is cancelled.
    public func next() async throws -> Element? {
        while true {
            switch try take() {
            case .element(let element): return element
            case .end: return nil
            case .empty: break
            }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let resumeNow = lock.withLock {
                        if waiting > 0 || end != nil || Task.isCancelled { return true }
                        consumerWait = .task(continuation)
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            } onCancel: {
                lock.withLock { () -> ConsumerWait? in
                    defer { consumerWait = nil }
                    return consumerWait
                }?.resume()
            }
            try Task.checkCancellation()
        }
    }

    /// The next element, blocking the calling thread while the queue is empty; `nil` once the producer has finished.
    ///
    /// Call it only from a thread outside the cooperative pool (a database writer's own thread): the producer runs
    /// on the pool and must be able to make progress meanwhile.
    /// - Throws: The producer's error (see ``fail(_:)``).
    public func nextBlocking() throws -> Element? {
        let semaphore = DispatchSemaphore(value: 0)
        while true {
            switch try take() {
            case .element(let element): return element
            case .end: return nil
            case .empty: break
            }
            let wait = lock.withLock {
                if waiting > 0 || end != nil { return false }
                consumerWait = .thread(semaphore)
                return true
            }
            if wait { semaphore.wait() }
        }
    }

    private enum Taken {
        case element(Element)
        case end
        case empty
    }

    /// Takes an element if one waits, waking a producer that waits for room.
    private func take() throws -> Taken {
        let (taken, producer): (Taken, CheckedContinuation<Void, Never>?) = try lock.withLock {
            if waiting > 0 {
                let element = elements[head]
                head += 1
                if head == elements.count {
                    elements.removeAll(keepingCapacity: true)
                    head = 0
                } else if head >= capacity {
                    elements.removeFirst(head)
                    head = 0
                }
                defer { producerWait = nil }
                return (.element(element), producerWait)
            }
            switch end {
            case .success?: return (.end, nil)
            case .failure(let error)?: throw error
            case nil: return (.empty, nil)
            }
        }
        producer?.resume()
        return taken
    }

    /// The producer's final value, once the consumer has been handed `nil`; `nil` before.
    public var ending: Ending? {
        lock.withLock {
            guard waiting == 0, case .success(let value)? = end else { return nil }
            return value
        }
    }

    /// Gives up consuming: waiting elements are dropped and the producer's next ``send(_:)`` throws
    /// `CancellationError`.
    public func close() {
        let producer: CheckedContinuation<Void, Never>? = lock.withLock {
            closed = true
            elements.removeAll()
            head = 0
            defer { producerWait = nil }
            return producerWait
        }
        producer?.resume()
    }
}
