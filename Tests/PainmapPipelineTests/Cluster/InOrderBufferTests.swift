import Testing

@testable import PainmapPipeline

@Suite struct InOrderBufferTests {
    @Test func resultsComeBackInIndexOrderWhateverOrderTheyFinishIn() {
        // A fixed permutation of 0..<40 with long runs out of order.
        let order = (0..<40).map { ($0 * 17 + 5) % 40 }
        #expect(Set(order).count == 40)
        var buffer = InOrderBuffer<Int>()
        var released: [Int] = []
        for index in order {
            let ready = buffer.add(index * 10, at: index)
            released += ready
        }
        #expect(released == (0..<40).map { $0 * 10 })
        #expect(buffer.waitingCount == 0)
        #expect(buffer.nextIndex == 40)
    }

    @Test func nothingIsReleasedWhileTheFirstResultIsMissing() {
        var buffer = InOrderBuffer<String>()
        #expect(buffer.add("c", at: 2).isEmpty)
        #expect(buffer.add("b", at: 1).isEmpty)
        #expect(buffer.waitingCount == 2)
        #expect(buffer.add("a", at: 0) == ["a", "b", "c"])
        #expect(buffer.add("d", at: 3) == ["d"])
    }
}
