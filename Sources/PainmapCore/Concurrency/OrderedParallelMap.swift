/// Maps inputs pulled one at a time on up to `width` child tasks and hands the results to `consume` in input order.
///
/// This is painmap's one ordered parallel map (STYLE §4): ingest redacts row batches with it, analysis and
/// classification analyze texts with it, `painmap cluster` analyzes blocks of a CSV with it. Inputs are numbered as
/// `next` yields them and results merge by that number, so what `consume` sees never depends on the number of tasks
/// or on which finishes first. At most `width` transforms run at once and at most `2 × width` results wait for an
/// earlier one, so memory stays bounded however many inputs `next` yields.
///
/// Each running transform holds one *lane state* (a stem cache, an analyzer): `makeState(lane)` creates lane
/// `0..<width` the first time it is needed, and a lane's state goes to the next transform once its holder finished,
/// so a state is never used by two transforms at once. A state must not change a result, only its cost.
///
/// ```swift
/// var rows = reader  // pulled on the calling task, in order
/// _ = await orderedParallelMap(
///     width: 4,
///     makeState: { _ in () },
///     next: { rows.nextBatch() },
///     transform: { batch, _ in batch.map(redactor.redact) },
///     consume: { redacted in await queue.trySend(redacted) }
/// )
/// ```
///
/// - Parameters:
///   - width: Transforms running at once (at least 1).
///   - makeState: Creates the state of lane `0..<width`, on the calling task.
///   - next: The next input, or `nil` at the end; called on the calling task, in order.
///   - transform: Maps one input with its lane's state, on a child task.
///   - consume: Takes each result in input order, on the calling task; `false` stops the map early.
/// - Returns: `false` when `consume` stopped the map, `true` when every input was consumed.
public func orderedParallelMap<Input: Sendable, State, Output: Sendable>(
    width: Int,
    makeState: (Int) -> State,
    next: () -> Input?,
    transform: @escaping @Sendable (Input, inout State) -> Output,
    consume: (Output) async -> Bool
) async -> Bool {
    let width = max(1, width)
    return await withTaskGroup(of: (Int, Output, LaneState<State>).self) { group in
        var freeLanes: [LaneState<State>] = []
        var laneCount = 0
        var waiting: [Int: Output] = [:]
        var started = 0
        var consumed = 0
        var exhausted = false
        while true {
            while !exhausted, started - consumed < 2 * width, !freeLanes.isEmpty || laneCount < width {
                guard let input = next() else {
                    exhausted = true
                    break
                }
                let lane: LaneState<State>
                if let free = freeLanes.popLast() {
                    lane = free
                } else {
                    lane = LaneState(makeState(laneCount))
                    laneCount += 1
                }
                let index = started
                started += 1
                group.addTask { (index, lane.run { transform(input, &$0) }, lane) }
            }
            guard let (index, output, lane) = await group.next() else { return true }
            freeLanes.append(lane)
            waiting[index] = output  // completion order varies...
            while let ready = waiting.removeValue(forKey: consumed) {  // ...consumption order does not
                consumed += 1
                guard await consume(ready) else {
                    group.cancelAll()
                    return false
                }
            }
        }
    }
}

/// Maps an array in fixed chunks on up to `threadCount` child tasks and returns the results in input order.
///
/// Each chunk gets its own `State` (a stem cache, say) from `makeState`, so tasks share nothing mutable. Chunks are
/// fixed by the input size alone and merged by index (through the streaming
/// ``orderedParallelMap(width:makeState:next:transform:consume:)``), so the output never depends on the thread count.
///
/// - Parameters:
///   - elements: The input.
///   - threadCount: At most this many chunks run at once.
///   - minimumChunk: The smallest chunk worth a task.
///   - makeState: Creates the per-chunk state.
///   - transform: Maps one element with the chunk's state.
/// - Returns: The results, in the order of `elements`.
public func orderedParallelMap<Element: Sendable, State, Result: Sendable>(
    _ elements: [Element],
    threadCount: Int,
    minimumChunk: Int = 256,
    makeState: @escaping @Sendable () -> State,
    transform: @escaping @Sendable (Element, inout State) -> Result
) async -> [Result] {
    let threads = max(1, threadCount)
    let chunkSize = max(minimumChunk, (elements.count + threads * 4 - 1) / (threads * 4))
    if elements.count <= chunkSize {
        var state = makeState()
        return elements.map { transform($0, &state) }
    }
    var start = 0
    var results: [Result] = []
    results.reserveCapacity(elements.count)
    _ = await orderedParallelMap(
        width: threads,
        makeState: { _ in () },
        next: { () -> ArraySlice<Element>? in
            guard start < elements.count else { return nil }
            defer { start += chunkSize }
            return elements[start..<min(start + chunkSize, elements.count)]
        },
        transform: { chunk, _ in
            var state = makeState()
            return chunk.map { transform($0, &state) }
        },
        consume: { part in
            results.append(contentsOf: part)
            return true
        }
    )
    return results
}

/// A lane's state on its way to the transform that holds it and back.
///
/// A box rather than a value, so the transform mutates the only reference to the state (a stem cache captured by value
/// would be shared with the task's closure and copied on its first change). `@unchecked Sendable` is safe here: a lane
/// is held by one transform at a time; the task group hands it back with the transform's result before the calling
/// task gives it to the next transform.
final class LaneState<State>: @unchecked Sendable {
    private var state: State?

    init(_ state: State) { self.state = state }

    /// Runs `body` on the state, moved out of the box meanwhile.
    func run<Output>(_ body: (inout State) -> Output) -> Output {
        guard var current = state else { preconditionFailure("a lane state is held by one transform at a time") }
        state = nil
        defer { state = current }
        return body(&current)
    }
}
