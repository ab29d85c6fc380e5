import PainmapCore
import Testing

@Suite struct QuarterTests {
    @Test(arguments: [("2026Q3", 2026, 3), ("2026q1", 2026, 1), ("2025-Q4", 2025, 4)])
    func parsesSpellings(text: String, year: Int, number: Int) throws {
        let quarter = try #require(Quarter(text))
        #expect(quarter.year == year && quarter.number == number)
    }

    @Test(arguments: ["2026Q5", "2026Q0", "26Q1", "Q3", "2026", ""])
    func rejectsMalformed(text: String) {
        #expect(Quarter(text) == nil)
    }

    @Test func stepsAcrossYears() throws {
        let first = try #require(Quarter("2026Q1"))
        #expect(first.previous.description == "2025Q4")
        #expect(first.previous.next == first)
        let third = try #require(Quarter("2026Q3"))
        #expect(third.russianName == "III квартал 2026 г.")
    }
}
