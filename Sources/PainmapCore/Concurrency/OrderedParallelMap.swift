/// Maps a collection on up to `threadCount` tasks in fixed chunks and returns the results in input order.
///
/// Each chunk gets its own `State` (a stem cache, say) from `makeState`, so tasks share nothing mutable. Because
/// chunks are fixed by the input size alone and merged by index, the output never depends on the thread count.
///
/// - Parameters:
///   - elements: The input.
///   - threadCount: At most this many chunks run at once.
///   - minimumChunk: The smallest chunk worth a task.
///   - makeState: Creates the per-chunk state.
///   - transform: Maps one element with the chunk's state.
/// - Returns: The transformed elements, in input order.
public func orderedParallelMap<Element: Sendable, State, Result: Sendable>(
    _ elements: [Element],
    threadCount: Int,
    minimumChunk: Int = 256,
    makeState: @escaping @Sendable () -> State,
    transform: @escaping @Sendable (Element, inout State) -> Result
) async -> [Result] {
    let threads = max(1, threadCount)
    let chunkSize = max(minimumChunk, (elements.count + threads * 4 - 1) / (threads * 4))
    let starts = Array(stride(from: 0, to: elements.count, by: chunkSize))
    if starts.count <= 1 {
        var state = makeState()
        return elements.map { transform($0, &state) }
    }
    return await withTaskGroup(of: (Int, [Result]).self) { group in
        var parts = [[Result]](repeating: [], count: starts.count)
        var next = 0
        func add() {
            let index = next
            let chunk = Array(elements[starts[index]..<min(starts[index] + chunkSize, elements.count)])
            group.addTask {
                var state = makeState()
                return (index, chunk.map { transform($0, &state) })
            }
            next += 1
        }
        while next < min(threads, starts.count) { add() }
        for await (index, part) in group {
            parts[index] = part  // completion order varies, output order does not
            if next < starts.count { add() }
        }
        return parts.flatMap { $0 }
    }
}
