import Foundation
import PainmapCore
import Testing

@testable import PainmapReports

/// The zero-leak gate reads report files as a reader sees them.
@Suite struct ReportGateTests {
    @Test func markupIsReadByBytesAsByScalars() throws {
        var pages = [
            "<td>8&#160;(913)</td><B>Жирный</B><SPAN class=x>в строке</SPAN><//span>два<a href='/ж'>ссылка</a>",
            "<bб>не имя</bб><b\u{0301}>знак</b\u{0301}><İ>точка</İ><Td>ячейка</tD>",
            "текст > не тег <i>курсив</i> <незакрытый",
            "<p>абзац</p><br/><wbr>перенос<time datetime=\"2026\">время</time><h1>заголовок</h1>",
            "",
        ]
        pages += try GoldenFile.htmlPages()
        for page in pages {
            #expect(ReportGate.markupText(page) == ReportGate.markupTextByScalars(page), "\(page.prefix(40))")
        }
        #expect(ReportGate.markupText("<B>а</B><TD>б</TD>") == " а \nб\n")
    }

    @Test func filesAreScannedAsTheyRead() throws {
        #expect(
            ReportGate.visibleText(
                Data("<td>8&#160;(913)&nbsp;555-12-34</td><p>Семёнов&amp;Ко</p>".utf8),
                fileExtension: "html"
            )
            .contains("8\u{00A0}(913)\u{00A0}555-12-34")
        )
        #expect(
            ReportGate.visibleText(
                Data(#"{"title":"\u0421\u0435\u043c\u0451\u043d\u043e\u0432 \"\u0418\u0432\u0430\u043d\""}"#.utf8),
                fileExtension: "json"
            )
            .contains("Семёнов \"Иван\"")
        )
        let workbook = try ReportRenderer().regionWorkbook(
            [],
            index: RegionIndex(
                generatedAt: "2026-10-05T00:00:00Z",
                region: ReportRegion(code: "54", name: "Новосибирская область"),
                quarter: "2026Q3",
                previousQuarter: "2026Q2",
                count: 0,
                previousCount: 0,
                unassignedCount: 0,
                byChannel: [],
                situations: []
            )
        )
        #expect(ReportGate.visibleText(workbook, fileExtension: "xlsx").contains("Новосибирская область"))
    }
}
