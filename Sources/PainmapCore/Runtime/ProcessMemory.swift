import CMalloc
public import Foundation

/// The process's allocator settings: how many malloc arenas glibc may create, and handing freed memory back.
///
/// glibc gives each thread that allocates under contention its own arena, up to eight per core. painmap's stages run
/// on Swift's cooperative pool and on the parallel lanes of ingest and clustering, so a federal quarter's two
/// workers spread their short-lived allocations over a dozen arenas, each keeping the high-water mark of what it once
/// held: the resident set grew in steps from region to region and peaked at 872–1,007 MB in `scripts/bench-federal
/// 2000000`, and at 594 MB with one arena per core (BENCHMARKS.md, issue 17). Elsewhere these calls do nothing.
public enum ProcessMemory {
    /// The environment variable glibc reads at start-up; when it is set, the operator's choice stands.
    public static let arenaVariable = "MALLOC_ARENA_MAX"

    /// Limits glibc to one malloc arena per core (at least two) unless `MALLOC_ARENA_MAX` is set.
    ///
    /// Call it first thing in `main`, before the stages start their threads: arenas already created stay.
    ///
    /// - Parameters:
    ///   - environment: The process environment (a parameter for tests).
    ///   - cores: The cores the process may use.
    /// - Returns: The limit set, or `nil` when the environment already sets one or the platform has no such control.
    @discardableResult
    public static func limitArenas(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        cores: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> Int? {
        guard environment[arenaVariable] == nil else { return nil }
        #if os(Linux) && canImport(Glibc)
            let limit = max(2, cores)
            return mallopt(M_ARENA_MAX, Int32(limit)) == 1 ? limit : nil
        #else
            return nil
        #endif
    }

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
