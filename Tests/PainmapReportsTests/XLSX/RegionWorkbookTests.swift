import Foundation
import PainmapIngest
import PainmapReports
import Testing

@Suite struct RegionWorkbookTests {
    static let reports = [ReportFixture.benefits(), ReportFixture.kindergarten()]
    static let index = ReportFixture.index([ReportFixture.kindergarten(), ReportFixture.benefits()])

    static func rows(_ data: Data, sheet: String) throws -> [XLSXRow] {
        var reader = try XLSXReader(data: data, sheetName: sheet)
        var rows: [XLSXRow] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    @Test func oneSheetPerSituationAfterTheSummary() throws {
        let data = try ReportRenderer().regionWorkbook(Self.reports, index: Self.index)
        let names = try XLSXReader(data: data).sheetNames
        #expect(names.count == 3)
        #expect(names[0] == "Сводка")
        #expect(names[1] == "Запись ребёнка в детский сад")  // index order, not argument order
        #expect(names[2].utf16.count <= 31)
        #expect(names[2].hasPrefix("Пособия и выплаты семьям с дет"))
        for name in names {
            #expect(!name.contains { "[]:*?/\\".contains($0) }, "\(name)")
        }
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
    }

    @Test func situationSheetHoldsThePainTableWithNeutralisedText() throws {
        let data = try ReportRenderer().regionWorkbook(Self.reports, index: Self.index)
        let rows = try Self.rows(data, sheet: "Запись ребёнка в детский сад")
        #expect(rows.count == 1 + ReportFixture.kindergarten().pains.count)
        #expect(rows[0].cells.prefix(3) == [.text("Ранг"), .text("ID боли"), .text("Боль")])
        #expect(rows[1].cells[0] == .number("1"))
        #expect(rows[1].cells[5] == .number("87"))
        let texts = rows.flatMap(\.cells).compactMap { cell -> String? in
            if case .text(let text) = cell { return text }
            return nil
        }
        #expect(texts.contains("исчезла"))
        #expect(!texts.contains { $0.hasPrefix("=") || $0.hasPrefix("@") || $0.hasPrefix("+") })
        #expect(texts.contains { $0.contains("<script>alert(1)</script>") })  // kept as text, not markup
    }

    @Test func summaryListsEverySituation() throws {
        let data = try ReportRenderer().regionWorkbook(Self.reports, index: Self.index)
        let rows = try Self.rows(data, sheet: "Сводка")
        #expect(rows[1].cells.prefix(3) == [.text("Запись ребёнка в детский сад"), .number("363"), .number("290")])
        #expect(rows[2].cells[1] == .number("40"))
    }
}
