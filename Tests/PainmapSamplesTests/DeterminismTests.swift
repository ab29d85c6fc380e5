import Foundation
import PainmapCore
import PainmapSamples
import PainmapTestSupport
import Testing

@Suite struct DeterminismTests {
    @Test func sameSeedGivesIdenticalBytes() throws {
        let first = try SampleTreeFixture.makeTemporaryDirectory("det-a")
        let second = try SampleTreeFixture.makeTemporaryDirectory("det-b")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        let generator = SampleGenerator(options: SampleGenerator.Options(seed: 7, scale: 0.5))
        let manifestA = try generator.writeSampleFeeds(to: first)
        let manifestB = try generator.writeSampleFeeds(to: second)
        #expect(manifestA == manifestB)
        let pathsA = SampleTreeFixture.files(under: first)
        let pathsB = SampleTreeFixture.files(under: second)
        #expect(pathsA == pathsB)
        #expect(pathsA.count == 87)  // 19 feeds, MANIFEST.md, manifest.json, hostile/README.md and 65 hostile files
        for path in pathsA {
            let a = try Data(contentsOf: first.appendingPathComponent(path))
            let b = try Data(contentsOf: second.appendingPathComponent(path))
            #expect(a == b, "\(path) differs between two runs with the same seed")
        }
    }

    @Test func differentSeedsGiveDifferentTexts() throws {
        let first = try SampleTreeFixture.makeTemporaryDirectory("seed-a")
        let second = try SampleTreeFixture.makeTemporaryDirectory("seed-b")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        try SampleGenerator(options: SampleGenerator.Options(seed: 1, scale: 0.3)).writeSampleFeeds(to: first)
        try SampleGenerator(options: SampleGenerator.Options(seed: 2, scale: 0.3)).writeSampleFeeds(to: second)
        let a = try Data(contentsOf: first.appendingPathComponent("pos/pos_54_2026q2.csv"))
        let b = try Data(contentsOf: second.appendingPathComponent("pos/pos_54_2026q2.csv"))
        #expect(a != b)
    }

    @Test func splitMixIsStable() {
        var rng = SplitMix64(seed: 0)
        // Reference values of SplitMix64 with seed 0.
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
