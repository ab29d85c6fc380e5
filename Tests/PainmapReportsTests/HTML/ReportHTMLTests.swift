import Foundation
import PainmapReports
import Testing

/// The HTML page: self-contained, scriptless, and every citizen-supplied value shown as text.
@Suite struct ReportHTMLTests {
    static func html(_ report: PainMapReport = ReportFixture.kindergarten()) throws -> String {
        try #require(String(data: ReportRenderer().render(report, as: .html), encoding: .utf8))
    }

    @Test func hostileTextIsEscapedEverywhere() throws {
        let html = try Self.html()
        #expect(!html.contains(ReportFixture.hostileScript))
        #expect(!html.contains(ReportFixture.hostileImage))
        #expect(!html.contains("<b>партнёры</b>"))
        #expect(!html.contains("<b>выплата</b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("Соцзащита &quot;Центр&quot; &amp; &lt;b&gt;партнёры&lt;/b&gt;"))
        #expect(html.contains("=HYPERLINK(&quot;http://evil.example/&quot;,&quot;жми&quot;)"))
    }

    @Test func pageHasNoScriptsAndNoExternalReferences() throws {
        let html = try Self.html()
        let lowered = html.lowercased()
        #expect(!lowered.contains("<script"))
        #expect(!lowered.contains(" onload="))
        #expect(!lowered.contains("<img"))
        #expect(!lowered.contains("<iframe"))
        #expect(!lowered.contains("<link"))
        #expect(!lowered.contains("src=\"http"))
        #expect(!lowered.contains("href=\"http"))
        #expect(!lowered.contains("@import"))
        #expect(!lowered.contains("url("))
        #expect(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                    + "img-src data:; base-uri 'none'; form-action 'none'\">"
            )
        )
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ru\">"))
    }

    @Test func printRulesRepeatHeadersOnA4Landscape() throws {
        let html = try Self.html()
        #expect(html.contains("@media print"))
        #expect(html.contains("@page{size:A4 landscape"))
        #expect(html.contains("thead{display:table-header-group}"))
    }

    @Test func contentPerIssueFive() throws {
        let html = try Self.html()
        for expected in [
            "Карта болей: Запись ребёнка в детский сад", "Новосибирская область (54)", "III квартал 2026",
            "+73 (+25,2\u{00A0}%)", "Горячая линия 122 / ЦУР", "33,1\u{00A0}%", "7,0\u{00A0}%", "«Прочее»",
            "новая", "повторяется", "исчезла", "сигнал", "нет данных", "Разбор и предлагаемое решение",
            "Не принимают справку о регистрации по месту пребывания", "№ ПОС-1184023 · ПОС · 14.07.2026",
            "объём ln(1+n)", "× рост", "× тяжесть", "× неудовл.", "Динамика главных болей", "Этапы пути",
            "Методика", "Боль встречается только в этом квартале", "sha256:3f2a9c41d07be855",
        ] {
            #expect(html.contains(expected), "missing «\(expected)»")
        }
        #expect(html.components(separatedBy: "<tr class=\"top\"").count - 1 == 3)
        #expect(html.components(separatedBy: "<tr class=\"vanished\"").count - 1 == 1)
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)  // channels, stages, trend
    }

    @Test func indexLinksEverySituationAndTheWorkbook() throws {
        let reports = [ReportFixture.kindergarten(), ReportFixture.benefits()]
        let html = try #require(
            String(data: ReportRenderer().renderIndex(ReportFixture.index(reports)), encoding: .utf8)
        )
        #expect(html.contains("href=\"kindergarten.html\""))
        #expect(html.contains("href=\"child-benefits.html\""))
        #expect(html.contains("href=\"../index.html\""))
        #expect(html.contains("href=\"54.xlsx\""))
        #expect(html.contains("href=\"kindergarten.csv\""))
        #expect(!html.contains(ReportFixture.hostileScript))
    }

    @Test func linkTargetsCannotLeaveTheDirectoryOrBecomeSchemes() throws {
        var report = ReportFixture.kindergarten()
        report.lifeSituation = ReportLifeSituation(id: "javascript:alert(1)//../x", name: "x")
        let index = ReportFixture.index([report])
        let html = try #require(String(data: ReportRenderer().renderIndex(index), encoding: .utf8))
        #expect(html.contains("href=\"javascript%3Aalert%281%29%2F%2F..%2Fx.html\""))
        #expect(!html.contains("href=\"javascript:"))
    }

    @Test func overviewLinksRegionsAndShowsPer10k() throws {
        let html = try #require(
            String(data: ReportRenderer().renderOverview(ReportFixture.overview()), encoding: .utf8)
        )
        #expect(html.contains("href=\"54/index.html\""))
        #expect(html.contains("href=\"42/index.html\""))
        #expect(html.contains("33,9"))
        #expect(html.contains("Запись ребёнка в детский сад"))
    }

    @Test func overviewDoesNotLinkARegionWhoseDirectoryWasNotWritten() throws {
        var overview = ReportFixture.overview()
        let index = try #require(overview.regions.firstIndex { $0.region.code == "42" })
        overview.regions[index].hasReport = false
        let html = try #require(String(data: ReportRenderer().renderOverview(overview), encoding: .utf8))
        #expect(html.contains("href=\"54/index.html\""))
        #expect(!html.contains("href=\"42/index.html\""))
        #expect(html.contains("отчёт не записан в эту папку"))
        let data = try ReportRenderer().renderOverviewJSON(overview)
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(json.contains("\"has_report\" : false"))
    }
}
