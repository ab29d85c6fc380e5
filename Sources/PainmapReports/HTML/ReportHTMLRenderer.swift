/// Renders one «Карта болей» as a self-contained HTML page.
///
/// Reading order follows what an analyst needs first: what the report covers and how many records (header and
/// key figures), the three highest-priority pains as cards, then the full ranked table with evidence, the stage
/// breakdown, the trend of the top pains, and how it was all computed. The page has no scripts and makes no
/// requests; every value from the model is escaped by ``HTMLText``.
struct ReportHTMLRenderer {
    let report: PainMapReport

    /// Pains of this quarter in rank order (the model's order).
    var activePains: [ReportPain] { report.pains.filter { $0.status != .vanished } }
    /// Pains of the previous quarter that nothing matched.
    var vanishedPains: [ReportPain] { report.pains.filter { $0.status == .vanished } }

    /// The page as UTF-8 text.
    func render() -> String {
        var html = HTMLText()
        let title =
            "Карта болей: \(report.lifeSituation.name) — \(report.region.name), "
            + RussianDateFormat.quarter(report.quarter)
        HTMLPage.open(title: title, into: &html)
        writeHeader(into: &html)
        writeKeyFigures(into: &html)
        writeTopPains(into: &html)
        writePainTable(into: &html)
        writeStagesAndTrend(into: &html)
        writeMethodology(into: &html)
        HTMLPage.close(generatedAt: report.generatedAt, schemaVersion: report.schemaVersion, into: &html)
        return html.output
    }

    private func writeHeader(into html: inout HTMLText) {
        html.raw("<header class=\"page\">\n<div class=\"crumbs\"><a href=\"../index.html\">Все регионы</a> · ")
        html.raw("<a href=\"index.html\">")
        html.text("\(report.region.name) (\(report.region.code))")
        html.raw("</a> · ")
        html.text(RussianDateFormat.quarter(report.quarter))
        html.raw("</div>\n<h1>Карта болей: ")
        html.text(report.lifeSituation.name)
        html.raw("</h1>\n<p class=\"sub\">")
        html.text(
            "\(report.region.name) · \(RussianDateFormat.quarter(report.quarter)) (\(report.methodology.period))"
                + " · сравнение с \(RussianDateFormat.quarter(report.previousQuarter))"
        )
        html.raw("</p>\n</header>\n")
    }

    private func writeKeyFigures(into html: inout HTMLText) {
        let totals = report.totals
        let pains = activePains
        html.raw("<section class=\"kpis\">\n")
        html.raw("<div class=\"kpi\"><div class=\"label\">Обращений</div><div class=\"value\">")
        html.text(RussianNumberFormat.integer(totals.count))
        html.raw("</div><div class=\"note\">")
        HTMLFragments.delta(totals.delta, into: &html)
        html.text(
            " к \(RussianDateFormat.shortQuarter(report.previousQuarter))"
                + " (\(RussianNumberFormat.integer(totals.previousCount)))"
        )
        html.raw("</div></div>\n")

        html.raw("<div class=\"kpi\"><div class=\"label\">Болей</div><div class=\"value\">\(pains.count)</div>")
        html.raw("<div class=\"note\">")
        let newCount = pains.filter { $0.status == .new }.count
        let signals = pains.filter(\.isSignal).count
        html.text(
            "новых \(newCount) · повторяются \(pains.count - newCount) · исчезли \(vanishedPains.count)"
                + " · сигналов \(signals)"
        )
        html.raw("</div></div>\n")

        html.raw("<div class=\"kpi\"><div class=\"label\">«Прочее»</div><div class=\"value\">")
        html.text(RussianNumberFormat.percent(report.other?.share ?? 0))
        html.raw("</div><div class=\"note\">")
        html.text("\(RussianNumberFormat.integer(report.other?.count ?? 0)) обращений не вошли ни в одну боль")
        html.raw("</div></div>\n")

        html.raw("<div class=\"kpi\"><div class=\"label\">Не отнесено к ЖС</div><div class=\"value\">")
        html.text(RussianNumberFormat.percent(totals.unassignedShare))
        html.raw("</div><div class=\"note\">")
        html.text(
            "\(RussianNumberFormat.integer(totals.unassignedCount)) из "
                + "\(RussianNumberFormat.integer(totals.regionCount)) обращений региона"
        )
        html.raw("</div></div>\n")
        if totals.collapsedCount > 0 {
            html.raw(
                "<div class=\"kpi\"><div class=\"label\">Одна жалоба — несколько каналов</div><div class=\"value\">"
            )
            html.text(RussianNumberFormat.integer(totals.collapsedCount))
            html.raw("</div><div class=\"note\">")
            html.text("записей других каналов учтены один раз вместе с первой записью той же жалобы")
            html.raw("</div></div>\n")
        }
        html.raw("</section>\n")
        SVGChannelBar.write(totals.byChannel, into: &html)
    }

    private func writeTopPains(into html: inout HTMLText) {
        html.raw("<h2>Главные боли квартала</h2>\n<p class=\"lead\">Три боли с наибольшим приоритетом ")
        html.raw("(объём × рост × тяжесть × неудовлетворённость).</p>\n")
        let top = activePains.prefix(3)
        guard !top.isEmpty else {
            html.raw("<p class=\"empty\">Болей в этом квартале не выявлено.</p>\n")
            return
        }
        html.raw("<section class=\"top3\">\n")
        for pain in top {
            html.raw("<article class=\"card\"><div class=\"rank\">№\u{00A0}\(pain.rank ?? 0) ")
            HTMLFragments.statusBadge(pain.status, into: &html)
            if pain.isSignal { HTMLFragments.signalBadge(into: &html) }
            html.raw("</div><h3>")
            html.text(pain.title)
            html.raw("</h3><div class=\"figures\"><div>обращений<b>")
            html.text(RussianNumberFormat.integer(pain.count))
            html.raw("</b></div><div>к прошлому кварталу<b>")
            HTMLFragments.delta(pain.delta, into: &html)
            html.raw("</b></div><div>приоритет<b>")
            html.text(RussianNumberFormat.decimal(pain.priority.score, places: 2))
            html.raw("</b></div></div><div class=\"meta\">Этап: ")
            html.text(pain.stage.name)
            if let organization = pain.organizations.first {
                html.raw(" · ")
                html.text(organization.name)
            }
            html.raw("</div></article>\n")
        }
        html.raw("</section>\n")
    }

    private func writeStagesAndTrend(into html: inout HTMLText) {
        html.raw("<div class=\"grid2\">\n<section>\n<h2>Этапы пути</h2>\n")
        html.raw("<p class=\"lead\">Где в пути гражданина возникают обращения.</p>\n")
        SVGStageChart.write(report.stages, into: &html)
        html.raw("<table class=\"compact stage-table\"><thead><tr><th>Этап</th><th class=\"num\">Обращений</th>")
        html.raw("<th class=\"num\">Доля</th><th class=\"num\">Болей</th></tr></thead><tbody>\n")
        for stage in report.stages {
            html.raw("<tr><td>")
            html.text("\(stage.stage.order). \(stage.stage.name)")
            html.raw("</td><td class=\"num\">")
            html.text(RussianNumberFormat.integer(stage.records))
            html.raw("</td><td class=\"num\">")
            let share = report.totals.count > 0 ? Double(stage.records) / Double(report.totals.count) : nil
            html.text(RussianNumberFormat.percent(share))
            html.raw("</td><td class=\"num\">\(stage.pains)</td></tr>\n")
        }
        html.raw("</tbody></table>\n</section>\n<section>\n<h2>Динамика главных болей</h2>\n")
        html.raw("<p class=\"lead\">Обращений по кварталам.</p>\n")
        SVGTrendChart.write(report.trend, into: &html)
        html.raw("</section>\n</div>\n")
    }
}
