import CMalloc

/// Handing the allocator's free memory back to the system between the units of a long run.
///
/// glibc's allocator keeps what it once held in each of its arenas (one per thread that allocates under contention,
/// up to eight per core) and returns it only from the top of the main heap. A federal quarter analyses 86 regions one
/// after another on two workers: without a trim the resident set grew in steps from region to region and peaked at
/// 872–1,072 MB in `scripts/bench-federal 2000000`; with one after each region it peaks at 396–439 MB (BENCHMARKS.md,
/// issue 17). Elsewhere than glibc it does nothing.
public enum ProcessMemory {
    /// Hands the free memory of every arena back to the system: `malloc_trim(0)`, called between regions.
    ///
    /// - Returns: Whether any memory was released.
    @discardableResult
    public static func releaseFreeMemory() -> Bool {
        #if os(Linux) && canImport(Glibc)
            return malloc_trim(0) == 1
        #else
            return false
        #endif
    }
}
