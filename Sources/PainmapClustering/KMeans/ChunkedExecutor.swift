internal import Dispatch
internal import Foundation

/// Runs independent work items on up to `threadCount` threads with `DispatchQueue.concurrentPerform`.
///
/// Items are fixed in advance (row chunks of a fixed size, restarts), and every item writes only its
/// own output slot; callers reduce per-item partial results in item order afterwards. That is what
/// makes results bit-identical at any thread count.
struct ChunkedExecutor: Sendable {
    /// Maximum number of threads working at once (at least 1).
    let threadCount: Int

    init(threadCount: Int) {
        self.threadCount = max(1, threadCount)
    }

    /// Calls `body` once for every item in `0 ..< itemCount`, possibly in parallel.
    func forEach(_ itemCount: Int, _ body: @Sendable (Int) -> Void) {
        let workers = min(threadCount, itemCount)
        if workers <= 1 {
            for item in 0..<itemCount { body(item) }
        } else if workers >= ProcessInfo.processInfo.activeProcessorCount {
            // Dispatch balances items over its own pool, which is no wider than the machine.
            DispatchQueue.concurrentPerform(iterations: itemCount) { item in body(item) }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var item = worker
                while item < itemCount {
                    body(item)
                    item += workers
                }
            }
        }
    }

    /// Computes `body` for every item in `0 ..< itemCount`, possibly in parallel, in item order.
    func map<Result: Sendable>(_ itemCount: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        let slots = SharedBuffer<Result?>(repeating: nil, count: itemCount)
        defer { slots.deallocate() }
        forEach(itemCount) { item in slots[item] = body(item) }
        return slots.toArray().compactMap { $0 }
    }
}
