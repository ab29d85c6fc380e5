/// Holds results that finish out of order and hands them back in index order.
///
/// Parallel analysis tasks finish in any order; merging their results through this buffer makes the merged
/// output independent of thread timing (STYLE §4: results carry their input index and merge in input order).
///
/// ```swift
/// var buffer = InOrderBuffer<String>()
/// buffer.add("b", at: 1)  // []: item 0 is still running
/// buffer.add("a", at: 0)  // ["a", "b"]
/// ```
struct InOrderBuffer<Element> {
    private var waiting: [Int: Element] = [:]
    /// The index of the next result to hand back.
    private(set) var nextIndex = 0

    /// Number of results held back because an earlier one is missing.
    var waitingCount: Int { waiting.count }

    /// Adds the result of item `index` (each index once, counting from 0).
    ///
    /// - Returns: The results now ready, in index order: nothing while an earlier item is missing.
    mutating func add(_ element: Element, at index: Int) -> [Element] {
        waiting[index] = element
        var ready: [Element] = []
        while let next = waiting.removeValue(forKey: nextIndex) {
            ready.append(next)
            nextIndex += 1
        }
        return ready
    }
}
