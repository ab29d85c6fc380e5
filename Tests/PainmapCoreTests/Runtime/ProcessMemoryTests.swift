import PainmapCore
import Testing

/// The allocator's arena limit: one per core, at least two, and never over the operator's `MALLOC_ARENA_MAX`.
@Suite struct ProcessMemoryTests {
    @Test func anArenaLimitInTheEnvironmentStands() {
        #expect(ProcessMemory.limitArenas(environment: ["MALLOC_ARENA_MAX": "8"], cores: 2) == nil)
    }

    @Test func theLimitIsOnePerCoreAndAtLeastTwo() {
        #if os(Linux)
            #expect(ProcessMemory.limitArenas(environment: [:], cores: 1) == 2)
            #expect(ProcessMemory.limitArenas(environment: [:], cores: 6) == 6)
        #else
            #expect(ProcessMemory.limitArenas(environment: [:], cores: 6) == nil)
        #endif
    }
}
