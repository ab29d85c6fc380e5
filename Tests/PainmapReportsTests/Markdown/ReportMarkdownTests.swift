import Foundation
import PainmapReports
import Testing

@Suite struct ReportMarkdownTests {
    static func markdown() throws -> String {
        try #require(String(data: ReportRenderer().render(ReportFixture.kindergarten(), as: .md), encoding: .utf8))
    }

    @Test func hostileTextCannotBreakTablesOrInjectHTML() throws {
        let markdown = try Self.markdown()
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("<b>"))
        #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(markdown.contains("\\`код\\`\\|труба"))
        // Every row of the pain table has as many cells as its header.
        let lines = markdown.components(separatedBy: "\n")
        let header = try #require(lines.firstIndex { $0.hasPrefix("| № | Боль") })
        let columns = Self.cellCount(lines[header])
        var row = header + 1
        while row < lines.count, lines[row].hasPrefix("|") {
            #expect(Self.cellCount(lines[row]) == columns, "row \(row + 1): \(lines[row].prefix(80))")
            row += 1
        }
        #expect(row - header - 2 == ReportFixture.kindergarten().pains.count)
    }

    @Test func quotesKeepTheirSource() throws {
        let markdown = try Self.markdown()
        #expect(markdown.contains("> — № ПОС-1184023, ПОС, 14.07.2026\n"))
        #expect(markdown.contains("строка 1 строка 2"))
    }

    /// Cells of a GFM table row: `|` not preceded by a backslash.
    static func cellCount(_ line: String) -> Int {
        var count = 0
        var previous: Character = " "
        for character in line {
            if character == "|", previous != "\\" { count += 1 }
            previous = character
        }
        return count - 1
    }
}
