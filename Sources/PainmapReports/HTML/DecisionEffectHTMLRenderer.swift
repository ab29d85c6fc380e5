/// Renders «Решения и их эффект»: one row per decided pain with its rates before and after and the rate ratio.
struct DecisionEffectHTMLRenderer {
    let page: DecisionEffectPage

    /// The page as UTF-8 text.
    func render() -> String {
        var html = HTMLText()
        HTMLPage.open(
            title: "Решения и их эффект: \(page.region.name), \(RussianDateFormat.quarter(page.quarter))",
            into: &html
        )
        html.raw("<header class=\"page\">\n<div class=\"crumbs\"><a href=\"index.html\">")
        html.text(page.region.name)
        html.raw("</a></div>\n<h1>Решения и их эффект</h1>\n<p class=\"sub\">")
        html.text(
            "Решения, принятые в \(RussianDateFormat.quarter(page.decisionQuarter)); «до» — "
                + "\(RussianDateFormat.quarter(page.decisionQuarter)), «после» — \(RussianDateFormat.quarter(page.quarter))"
        )
        html.raw("</p>\n<p class=\"lead\">")
        html.text(
            "Метод: \(page.method.note). Версия метода: конфигурация \(page.method.configDigest.prefix(12)), "
                + "анализ \(page.method.analysisVersion)."
        )
        html.raw("</p>\n</header>\n<table class=\"pains\">\n<thead><tr><th>Боль</th><th>Решение</th>")
        html.raw("<th class=\"num\">До: записей (на 10 000)</th><th class=\"num\">После: записей (на 10 000)</th>")
        html.raw("<th class=\"num\">Отношение частот (95 % ДИ)</th><th>Вывод</th></tr></thead>\n<tbody>\n")
        for effect in page.effects {
            html.raw("<tr><td><span class=\"title\">")
            html.text(effect.title)
            html.raw("</span><br><span class=\"flat\">")
            html.text("\(effect.lifeSituation) · \(effect.painID)")
            html.raw("</span></td><td>")
            html.text("\(effect.decision) — \(effect.decidedBy), \(effect.decidedAt)")
            for figures in [effect.before, effect.after] {
                html.raw("</td><td class=\"num\">")
                html.text(
                    "\(RussianNumberFormat.integer(figures.records)) из \(RussianNumberFormat.integer(figures.situationRecords))"
                        + " (\(RussianNumberFormat.decimal(figures.ratePer10k, places: 1)))"
                )
            }
            html.raw("</td><td class=\"num\">")
            html.text(
                "\(RussianNumberFormat.decimal(effect.rateRatio, places: 2)) "
                    + "(\(RussianNumberFormat.decimal(effect.lower, places: 2))–"
                    + "\(RussianNumberFormat.decimal(effect.upper, places: 2)))"
            )
            html.raw("</td><td>")
            html.text(effect.verdict)
            html.raw("</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n")
        HTMLPage.close(generatedAt: page.generatedAt, schemaVersion: page.schemaVersion, into: &html)
        return html.output
    }
}
