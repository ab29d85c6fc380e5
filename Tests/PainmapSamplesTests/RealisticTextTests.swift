import Foundation
import PainmapSamples
import PainmapTestSupport
import Testing

/// The evaluation sets whose text looks like real messages reproduce the real sets' statistics (issue 16).
@Suite struct RealisticTextTests {
    private func generate(_ style: RealisticTextStyle, records: Int) throws -> (Data, [[String]]) {
        let directory = try SampleTreeFixture.makeTemporaryDirectory("realistic")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("\(style).csv")
        try SampleGenerator().writeRealistic(records: records, style: style, to: file)
        let data = try Data(contentsOf: file)
        return (data, csvTestRows(try #require(String(data: data, encoding: .utf8))))
    }

    private func median(_ values: [Int]) -> Int { values.sorted()[values.count / 2] }

    @Test func portalReportsAreShortRepeatedAndLooselySpelt() throws {
        let (data, rows) = try generate(.portal, records: 6_000)
        #expect(rows.count == 6_000)
        let texts = rows.map { $0[4] }
        let lengths = texts.map(\.count)
        // The real city-portal set: median 48 characters, 18 % under 20, 72 % distinct.
        #expect((40...56).contains(median(lengths)), "median \(median(lengths))")
        let short = Double(lengths.filter { $0 < 20 }.count) / Double(lengths.count)
        #expect((0.12...0.24).contains(short), "\(short)")
        let distinct = Double(Set(texts).count) / Double(texts.count)
        // (≈ 70 % at 30,000 rows; a smaller set has fewer frequent reporters, hence more distinct texts.)
        #expect((0.6...0.85).contains(distinct), "\(distinct)")
        #expect(Set(rows.map { $0[5] }).count >= 30)
        #expect(texts.contains { $0.contains("управляйк") } && texts.contains { $0.contains("УК") })
        #expect(texts.contains { $0.contains("д. ") } && texts.contains { $0.contains("кв. ") })
        let (again, _) = try generate(.portal, records: 6_000)
        #expect(again == data)
    }

    @Test func lettersAreLongMultiTopicAndCarryMarkup() throws {
        let (_, rows) = try generate(.letters, records: 1_500)
        let texts = rows.map { $0[4] }
        let lengths = texts.map(\.count)
        // The real regional set: median 235 characters, up to 12,000, salutations, signatures, leftover markup.
        #expect((200...300).contains(median(lengths)), "median \(median(lengths))")
        #expect(lengths.max().map { $0 >= 3_000 && $0 <= 12_000 } == true, "max \(lengths.max() ?? 0)")
        #expect(texts.contains { $0.contains("<br>") || $0.contains("&nbsp;") || $0.contains("</p>") })
        #expect(texts.contains { $0.contains("С уважением") })
        #expect(texts.contains { $0.contains("Кроме того,") || $0.contains("Также хочу сообщить:") })
    }
}
