import PainmapCore
import Testing

@Suite struct OrderedParallelMapTests {
    /// Work whose cost varies with the input, so tasks finish out of order.
    private static func uneven(_ value: Int) -> Int {
        var accumulator = value
        for step in 0..<((value * 7919) % 50_000) { accumulator = (accumulator &* 31 &+ step) % 1_000_003 }
        return value * value + (accumulator < 0 ? 1 : 0)
    }

    @Test(arguments: [1, 2, 3, 8])
    func resultsArriveInInputOrderAtAnyWidth(_ width: Int) async {
        var inputs = (0..<300).makeIterator()
        var results: [Int] = []
        var lanesSeen = Set<Int>()
        let complete = await orderedParallelMap(
            width: width,
            makeState: { lane in lane },
            next: { inputs.next() },
            transform: { value, lane in (Self.uneven(value), lane) },
            consume: { result in
                results.append(result.0)
                lanesSeen.insert(result.1)
                return true
            }
        )
        #expect(complete)
        #expect(results == (0..<300).map { $0 * $0 })
        #expect(lanesSeen.allSatisfy { (0..<width).contains($0) })
    }

    @Test func consumeStopsTheMapEarly() async {
        var inputs = (0..<1_000).makeIterator()
        var results: [Int] = []
        let complete = await orderedParallelMap(
            width: 4,
            makeState: { _ in () },
            next: { inputs.next() },
            transform: { value, _ in value },
            consume: { value in
                results.append(value)
                return results.count < 10
            }
        )
        #expect(!complete)
        #expect(results == Array(0..<10))
        // Pulling stopped too: at most a window (2 × width) of inputs beyond those consumed was taken.
        #expect(inputs.next().map { $0 <= 10 + 8 } == true)
    }

    @Test func aLaneStateIsNeverSharedByTwoRunningTransforms() async {
        final class Counter: @unchecked Sendable {
            var inUse = false
            var overlaps = 0
        }
        var inputs = (0..<200).makeIterator()
        var overlaps = 0
        _ = await orderedParallelMap(
            width: 3,
            makeState: { _ in Counter() },
            next: { inputs.next() },
            transform: { value, counter in
                if counter.inUse { counter.overlaps += 1 }
                counter.inUse = true
                _ = Self.uneven(value)
                counter.inUse = false
                return counter.overlaps
            },
            consume: { value in
                overlaps = max(overlaps, value)
                return true
            }
        )
        #expect(overlaps == 0)
    }

    @Test func theArrayFormMatchesASequentialMapAtAnyThreadCount() async {
        let input = Array(0..<5_000)
        for threads in [1, 2, 7] {
            let output = await orderedParallelMap(
                input,
                threadCount: threads,
                minimumChunk: 64,
                makeState: { 0 },
                transform: { value, seen in
                    seen += 1
                    return value * 3
                }
            )
            #expect(output == input.map { $0 * 3 }, "threads \(threads)")
        }
    }
}
