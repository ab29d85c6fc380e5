import Testing

@testable import PainmapClustering

@Suite struct StringInternerTests {
    @Test func numbersStringsInFirstSeenOrder() {
        var interner = StringInterner(minimumCapacity: 1)
        let words = ["очеред", "садик", "очеред", "ё", "", "садик", "очередь"]
        let ids = words.map { interner.intern($0) }
        #expect(ids == [0, 1, 0, 2, 3, 1, 4])
        #expect(interner.strings == ["очеред", "садик", "ё", "", "очередь"])
    }

    @Test func growsPastItsInitialCapacity() {
        var interner = StringInterner(minimumCapacity: 1)
        let words = (0..<5_000).map { "слово\($0)" }
        let ids = words.map { interner.intern($0) }
        #expect(ids == (0..<5_000).map(Int32.init))
        #expect(words.map { interner.intern($0) } == ids)
        #expect(interner.count == 5_000)
    }

    @Test func comparesBytesNotCanonicalEquivalence() {
        // «й» precomposed and decomposed are equal Swift strings but different analyzer output.
        var interner = StringInterner()
        let composed = interner.intern("й")
        let decomposed = interner.intern("и\u{0306}")
        #expect(composed != decomposed)
    }
}
