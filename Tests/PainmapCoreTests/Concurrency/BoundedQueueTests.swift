import Foundation
import PainmapCore
import Testing

@Suite struct BoundedQueueTests {
    private struct Boom: Error {}

    /// Sends 0, 1, 2, … until the queue refuses; returns how many were accepted.
    private static func sendUntilRefused(_ queue: BoundedQueue<Int, String>) async -> Int {
        var sent = 0
        while true {
            do {
                try await queue.send(sent)
                sent += 1
            } catch {
                return sent
            }
        }
    }

    @Test func aThreadOutsideThePoolPullsWhatATaskSendsInOrder() async throws {
        let queue = BoundedQueue<Int, String>(capacity: 2)
        // The consumer is a plain thread blocking in `nextBlocking()`, as SQLite's writer thread does.
        async let consumed: (items: [Int], ending: String?, error: Bool) = withCheckedContinuation { continuation in
            Thread {
                var items: [Int] = []
                do {
                    while let item = try queue.nextBlocking() { items.append(item) }
                    continuation.resume(returning: (items, queue.ending, false))
                } catch {
                    continuation.resume(returning: (items, nil, true))
                }
            }.start()
        }
        for item in 0..<500 { try await queue.send(item) }
        queue.finish("конец")
        let result = await consumed
        #expect(result.items == Array(0..<500))
        #expect(result.ending == "конец" && !result.error)
    }

    @Test func aTaskPullsWithForAwaitStyleNextAndGetsTheProducersError() async throws {
        let queue = BoundedQueue<Int, String>(capacity: 1)
        async let produced: Void = {
            for item in 0..<3 { try await queue.send(item) }
            queue.fail(Boom())
        }()
        var items: [Int] = []
        await #expect(throws: Boom.self) {
            while let item = try await queue.next() { items.append(item) }
        }
        try await produced
        #expect(items == [0, 1, 2])
        #expect(queue.ending == nil)
    }

    @Test func closingStopsTheProducerAtItsNextSend() async throws {
        let queue = BoundedQueue<Int, String>(capacity: 2)
        async let accepted = Self.sendUntilRefused(queue)
        var items: [Int] = []
        for _ in 0..<3 { items.append(try #require(try await queue.next())) }
        queue.close()
        let count = await accepted
        #expect(items == [0, 1, 2])
        // Three taken, at most two waiting (and one handed over as the consumer closed): the producer never ran ahead.
        #expect((3...6).contains(count), "accepted \(count)")
    }

    @Test func theEndingIsKnownOnlyOnceEveryElementIsTaken() async throws {
        let queue = BoundedQueue<Int, String>(capacity: 4)
        try await queue.send(1)
        queue.finish("итог")
        #expect(queue.ending == nil)
        #expect(try await queue.next() == 1)
        #expect(try await queue.next() == nil)
        #expect(queue.ending == "итог")
    }
}
