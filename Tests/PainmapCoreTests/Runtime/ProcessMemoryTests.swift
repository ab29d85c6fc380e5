import PainmapCore
import Testing

/// Freed memory goes back to the system when the run asks.
@Suite struct ProcessMemoryTests {
    @Test func freedSmallAllocationsAreHandedBack() {
        // 64 MiB in 1 KiB arrays, below glibc's mmap threshold, so they live in an arena and stay there when freed.
        var blocks: [[UInt8]] = []
        for index in 0..<65_536 { blocks.append([UInt8](repeating: UInt8(truncatingIfNeeded: index), count: 1_024)) }
        #expect(blocks.count == 65_536)
        blocks = []
        #if os(Linux)
            #expect(ProcessMemory.releaseFreeMemory())
        #else
            #expect(!ProcessMemory.releaseFreeMemory())
        #endif
    }
}
