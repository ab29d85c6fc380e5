import Foundation
import PainmapCore
import PainmapSamples
import PainmapTestSupport
import Testing

@Suite struct BulkPOSTests {
    /// Counts CSV records (line ends outside quotes), header included.
    private func recordCount(_ data: Data) -> Int {
        var quoted = false
        var count = 0
        for byte in data {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if byte == 0x0A, !quoted { count += 1 }
        }
        return count
    }

    @Test func writesTheRequestedNumberOfRecords() throws {
        let directory = try SampleTreeFixture.makeTemporaryDirectory("bulk")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bulk.csv")
        try SampleGenerator().writeBulkPOS(records: 3_000, regions: ["54", "41"], quarter: "2026Q3", to: file)
        let data = try Data(contentsOf: file)
        #expect(recordCount(data) == 3_001)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.hasPrefix("Номер сообщения;Дата создания;"))
        #expect(text.contains(";50;") && text.contains(";30;"))
        let again = directory.appendingPathComponent("again.csv")
        try SampleGenerator().writeBulkPOS(records: 3_000, regions: ["54", "41"], quarter: "2026Q3", to: again)
        #expect(try Data(contentsOf: again) == data)
    }

    @Test func rejectsUnknownRegionsAndQuarters() {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("never-written.csv")
        for (regions, quarter) in [(["77"], "2026Q2"), (["54"], "весна")] {
            let failure = #expect(throws: LocatedFailure.self) {
                try SampleGenerator().writeBulkPOS(records: 1, regions: regions, quarter: quarter, to: file)
            }
            #expect(failure?.code == .usage && failure?.exitStatus == .usage)
        }
    }
}
