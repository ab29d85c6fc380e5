/// Renders the all-regions overview of a quarter: regions side by side, linking each region's index page.
struct QuarterOverviewHTMLRenderer {
    let overview: QuarterOverview

    /// The page as UTF-8 text.
    func render() -> String {
        var html = HTMLText()
        HTMLPage.open(title: "Карта болей: все регионы, \(RussianDateFormat.quarter(overview.quarter))", into: &html)
        html.raw("<header class=\"page\">\n<div class=\"crumbs\">Карта болей</div>\n<h1>Все регионы — ")
        html.text(RussianDateFormat.quarter(overview.quarter))
        html.raw("</h1>\n<p class=\"sub\">")
        html.text(
            "Обращения по регионам и жизненным ситуациям · сравнение с "
                + RussianDateFormat.quarter(overview.previousQuarter)
        )
        html.raw("</p>\n</header>\n")
        writeTable(into: &html)
        HTMLPage.close(generatedAt: overview.generatedAt, schemaVersion: overview.schemaVersion, into: &html)
        return html.output
    }

    private func writeTable(into html: inout HTMLText) {
        html.raw("<h2>Регионы</h2>\n<p class=\"lead\">Название региона ведёт к его отчётам. ")
        html.raw("«На 10 тыс.» — обращений на 10 000 жителей, где известна численность населения.</p>\n")
        html.raw("<table class=\"overview\">\n<thead><tr><th>Регион</th><th class=\"num\">Обращений</th>")
        html.raw("<th class=\"num\">Δ к прошлому кварталу</th><th class=\"num\">На 10 тыс.</th>")
        html.raw("<th class=\"num\">Не отнесено к ЖС</th>")
        for situation in overview.lifeSituations {
            html.raw("<th class=\"num\">")
            html.text(situation.name)
            html.raw("</th>")
        }
        html.raw("<th>Главная боль</th></tr></thead>\n<tbody>\n")
        if overview.regions.isEmpty {
            html.raw("<tr><td colspan=\"\(overview.lifeSituations.count + 6)\" class=\"empty\">")
            html.raw("В этом квартале обращений нет.</td></tr>\n")
        }
        let names = Dictionary(
            overview.lifeSituations.map { ($0.id, $0.name) },
            uniquingKeysWith: { first, _ in first }
        )
        for row in overview.regions {
            if row.hasReport {
                html.raw("<tr><td><a")
                html.attribute("href", "\(URLPathComponent.encoded(row.region.code))/index.html")
                html.raw(">")
                html.text(row.region.name)
                html.raw("</a>")
            } else {
                // No report directory was written for this region (a one-region run into a new folder): no link.
                html.raw("<tr><td>")
                html.text(row.region.name)
                html.raw("<span class=\"small\">отчёт не записан в эту папку</span>")
            }
            html.raw("<span class=\"small\">")
            html.text(
                "код \(row.region.code)"
                    + (row.region.population.map { " · население \(RussianNumberFormat.integer($0))" } ?? "")
            )
            html.raw("</span></td><td class=\"num\"><span class=\"count\">")
            html.text(RussianNumberFormat.integer(row.count))
            html.raw("</span></td><td class=\"num\">")
            HTMLFragments.delta(row.delta, into: &html)
            html.raw("</td><td class=\"num\">")
            html.text(row.per10k.map { RussianNumberFormat.decimal($0, places: 1) } ?? "—")
            html.raw("</td><td class=\"num\">")
            html.text(RussianNumberFormat.integer(row.unassignedCount))
            html.raw("<span class=\"small\">")
            let unassignedShare = row.count > 0 ? Double(row.unassignedCount) / Double(row.count) : nil
            html.text(RussianNumberFormat.percent(unassignedShare))
            html.raw("</span></td>")
            for position in overview.lifeSituations.indices {
                html.raw("<td class=\"num\">")
                let count = position < row.bySituation.count ? row.bySituation[position] : nil
                html.text(count.map(RussianNumberFormat.integer) ?? "—")
                html.raw("</td>")
            }
            html.raw("<td>")
            if let pain = row.topPain {
                html.raw("<span class=\"title\">")
                html.text(pain.title)
                html.raw("</span> ")
                HTMLFragments.statusBadge(pain.status, into: &html)
                if pain.isSignal { HTMLFragments.signalBadge(into: &html) }
                html.raw("<span class=\"small\">")
                let situation = row.topPainSituation.flatMap { names[$0] } ?? row.topPainSituation ?? ""
                html.text(
                    "\(situation) · \(RussianNumberFormat.integer(pain.count)) обр. · приоритет "
                        + RussianNumberFormat.decimal(pain.priority, places: 2)
                )
                html.raw("</span>")
            } else {
                html.raw("<span class=\"flat\">—</span>")
            }
            html.raw("</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n")
    }
}
