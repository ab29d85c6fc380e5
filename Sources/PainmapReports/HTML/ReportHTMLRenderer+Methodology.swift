/// The methodology note: sources, period, classification, clustering, the priority formula and the signal rule.
extension ReportHTMLRenderer {
    func writeMethodology(into html: inout HTMLText) {
        let note = report.methodology
        html.raw("<section class=\"methodology\">\n<h2>Методика</h2>\n<dl class=\"method\">\n")
        html.raw("<dt>Период</dt><dd>")
        html.text("\(RussianDateFormat.quarter(report.quarter)): \(note.period)")
        html.raw("</dd>\n<dt>Источники</dt><dd>")
        html.text(
            note.sources.map { "\($0.name) — \(RussianNumberFormat.integer($0.count))" }.joined(separator: "; ")
        )
        html.raw("</dd>\n<dt>Классификация</dt><dd>")
        html.text(note.classification)
        html.raw("</dd>\n<dt>Выделение болей</dt><dd>")
        html.text(note.clustering)
        html.raw("</dd>\n<dt>Приоритет</dt><dd><code>")
        html.text(note.priorityFormula)
        html.raw("</code></dd>\n<dt>Классы тяжести</dt><dd>")
        html.text(
            note.severityClasses.map { "\($0.name) — \(RussianNumberFormat.decimal($0.weight, places: 2))" }
                .joined(separator: "; ")
        )
        html.raw("</dd>\n<dt>«Сигнал»</dt><dd>")
        html.text(note.signalRule)
        html.raw("</dd>\n<dt>Конфигурация</dt><dd><code>")
        html.text(note.configDigest)
        html.raw("</code></dd>\n</dl>\n</section>\n")
    }
}
