/// Renders a region's index page: every life situation with its totals and top three pains, linking the reports.
struct RegionIndexHTMLRenderer {
    let index: RegionIndex

    /// The page as UTF-8 text.
    func render() -> String {
        var html = HTMLText()
        HTMLPage.open(
            title: "Карта болей: \(index.region.name), \(RussianDateFormat.quarter(index.quarter))",
            into: &html
        )
        html.raw("<header class=\"page\">\n<div class=\"crumbs\"><a href=\"../index.html\">Все регионы</a> · ")
        html.text(RussianDateFormat.quarter(index.quarter))
        html.raw("</div>\n<h1>")
        html.text("\(index.region.name) (\(index.region.code))")
        html.raw("</h1>\n<p class=\"sub\">")
        html.text(
            "Карта болей по жизненным ситуациям · \(RussianDateFormat.quarter(index.quarter))"
                + " · сравнение с \(RussianDateFormat.quarter(index.previousQuarter))"
        )
        html.raw("</p>\n<div class=\"links\"><a href=\"../index.html\">← Все регионы</a><a")
        html.attribute("href", "\(URLPathComponent.encoded(index.region.code)).xlsx")
        html.raw(">Все ситуации в одной таблице (XLSX)</a></div>\n</header>\n")
        writeKeyFigures(into: &html)
        writeSituations(into: &html)
        HTMLPage.close(generatedAt: index.generatedAt, schemaVersion: index.schemaVersion, into: &html)
        return html.output
    }

    private func writeKeyFigures(into html: inout HTMLText) {
        html.raw("<section class=\"kpis\">\n<div class=\"kpi\"><div class=\"label\">Обращений</div>")
        html.raw("<div class=\"value\">")
        html.text(RussianNumberFormat.integer(index.count))
        html.raw("</div><div class=\"note\">")
        HTMLFragments.delta(ReportDelta(current: index.count, previous: index.previousCount), into: &html)
        html.text(
            " к \(RussianDateFormat.shortQuarter(index.previousQuarter))"
                + " (\(RussianNumberFormat.integer(index.previousCount)))"
        )
        html.raw("</div></div>\n<div class=\"kpi\"><div class=\"label\">Жизненных ситуаций</div>")
        html.raw("<div class=\"value\">\(index.situations.count)</div><div class=\"note\">")
        let pains = index.situations.reduce(0) { $0 + $1.painCount }
        html.text("болей всего: \(RussianNumberFormat.integer(pains))")
        html.raw("</div></div>\n<div class=\"kpi\"><div class=\"label\">Не отнесено к ЖС</div><div class=\"value\">")
        let share = index.count > 0 ? Double(index.unassignedCount) / Double(index.count) : nil
        html.text(RussianNumberFormat.percent(share))
        html.raw("</div><div class=\"note\">")
        html.text("\(RussianNumberFormat.integer(index.unassignedCount)) обращений")
        html.raw("</div></div>\n<div class=\"kpi\"><div class=\"label\">На 10 тыс. жителей</div><div class=\"value\">")
        if let population = index.region.population, population > 0 {
            html.text(RussianNumberFormat.decimal(Double(index.count) * 10_000 / Double(population), places: 1))
            html.raw("</div><div class=\"note\">")
            html.text("население \(RussianNumberFormat.integer(population))")
        } else {
            html.text("—")
            html.raw("</div><div class=\"note\">")
            html.text("население неизвестно")
        }
        html.raw("</div></div>\n</section>\n")
        SVGChannelBar.write(index.byChannel, into: &html)
    }

    private func writeSituations(into html: inout HTMLText) {
        html.raw("<h2>Жизненные ситуации</h2>\n<p class=\"lead\">Три боли с наибольшим приоритетом в каждой; ")
        html.raw("название ситуации ведёт к полному отчёту.</p>\n")
        guard !index.situations.isEmpty else {
            html.raw("<p class=\"empty\">Нет обращений, отнесённых к жизненным ситуациям.</p>\n")
            return
        }
        html.raw("<section class=\"situations\">\n")
        for entry in index.situations {
            let file = URLPathComponent.encoded(entry.lifeSituation.id)
            html.raw("<article class=\"situation\"><h3><a")
            html.attribute("href", "\(file).html")
            html.raw(">")
            html.text(entry.lifeSituation.name)
            html.raw("</a></h3><div class=\"note\"><b>")
            html.text(RussianNumberFormat.integer(entry.count))
            html.raw("</b> обращений, ")
            HTMLFragments.delta(entry.delta, into: &html)
            html.text(" · болей: \(entry.painCount)")
            html.raw("</div>")
            if entry.topPains.isEmpty {
                html.raw("<p class=\"empty\">Болей не выявлено.</p>")
            } else {
                html.raw("<ol>")
                for pain in entry.topPains.prefix(3) {
                    html.raw("<li><a")
                    html.attribute("href", "\(file).html#pain-\(pain.id)")
                    html.raw(">")
                    html.text(pain.title)
                    html.raw("</a> <span class=\"flat\">")
                    html.text(
                        "— \(RussianNumberFormat.integer(pain.count)) обр., приоритет "
                            + RussianNumberFormat.decimal(pain.priority, places: 2)
                    )
                    html.raw("</span> ")
                    HTMLFragments.statusBadge(pain.status, into: &html)
                    if pain.isSignal { HTMLFragments.signalBadge(into: &html) }
                    html.raw("</li>")
                }
                html.raw("</ol>")
            }
            html.raw("<div class=\"formats\">Другие форматы: ")
            for (position, format) in [ReportFormat.md, .json, .csv].enumerated() {
                if position > 0 { html.raw(" · ") }
                html.raw("<a")
                html.attribute("href", "\(file).\(format.fileExtension)")
                html.raw(">\(format.fileExtension.uppercased())</a>")
            }
            html.raw("</div></article>\n")
        }
        html.raw("</section>\n")
    }
}
