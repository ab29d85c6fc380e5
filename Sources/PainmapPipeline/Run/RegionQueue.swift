/// The regions of an in-process run, handed out one at a time to the run's concurrent tasks.
actor RegionQueue {
    private var remaining: ArraySlice<String>

    init(_ regions: [String]) { remaining = regions[...] }

    /// The next region, or `nil` when all are taken.
    func next() -> String? { remaining.popFirst() }
}
