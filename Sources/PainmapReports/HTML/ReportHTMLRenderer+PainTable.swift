/// The ranked pain table: one row per pain with its evidence, then the pains that vanished.
extension ReportHTMLRenderer {
    /// Column titles, whether they hold numbers, and their share of the table width (the layout is fixed, so the
    /// table never runs off the page however long a quote is).
    private static let columns: [(title: String, numeric: Bool, width: Double)] = [
        ("№", false, 2.5), ("Боль и ключевые слова", false, 14), ("Этап пути", false, 7.5),
        ("Обращений, по каналам", true, 10), ("Динамика и статус", true, 9), ("Неудовл. (оценки 1–2)", true, 6.5),
        ("Просрочка ответа", true, 6.5), ("Ведомства", false, 10), ("Приоритет = произведение множителей", false, 10),
        ("Цитаты", false, 17), ("Разбор и предлагаемое решение", false, 7),
    ]

    func writePainTable(into html: inout HTMLText) {
        html.raw(
            "<section class=\"pain-section\">\n<h2>Все боли</h2>\n<p class=\"lead\">По убыванию приоритета; первые три выделены. "
        )
        html.raw("Внизу — боли прошлого квартала, которые в этом не встретились.</p>\n")
        html.raw("<table class=\"pains\">\n<colgroup>")
        for column in Self.columns {
            html.raw("<col style=\"width:\(SVGNumber.text(column.width))%\">")
        }
        html.raw("</colgroup>\n<thead><tr>")
        for column in Self.columns {
            html.raw(column.numeric ? "<th class=\"num\">" : "<th>")
            html.text(column.title)
            html.raw("</th>")
        }
        html.raw("</tr></thead>\n<tbody>\n")
        let active = activePains
        if active.isEmpty {
            html.raw("<tr><td colspan=\"\(Self.columns.count)\" class=\"empty\">Болей в этом квартале нет.</td></tr>\n")
        }
        for (index, pain) in active.enumerated() {
            writeRow(pain, classes: index < 3 ? "top" : nil, into: &html)
        }
        let vanished = vanishedPains
        if !vanished.isEmpty {
            html.raw("<tr class=\"section\"><td colspan=\"\(Self.columns.count)\">Исчезли с прошлого квартала (")
            html.text("\(vanished.count)")
            html.raw(")</td></tr>\n")
            for pain in vanished { writeRow(pain, classes: "vanished", into: &html) }
        }
        if let other = report.other {
            html.raw("<tr class=\"section\"><td colspan=\"\(Self.columns.count)\">«Прочее»: ")
            html.text(
                "\(RussianNumberFormat.integer(other.count)) обращений (\(RussianNumberFormat.percent(other.share)))"
                    + " не вошли ни в одну боль"
            )
            html.raw("</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n</section>\n")
        writeExcluded(report.excluded ?? [], heading: "Исключено при разборе", into: &html)
        writeExcluded(report.needsReview ?? [], heading: "Требует пересмотра", into: &html)
    }

    /// «Исключено при разборе» / «Требует пересмотра»: a small table of what analysts left out, with who and why.
    private func writeExcluded(_ pains: [ExcludedPain], heading: String, into html: inout HTMLText) {
        guard !pains.isEmpty else { return }
        html.raw("<section class=\"excluded\">\n<h2>")
        html.text(heading)
        html.raw("</h2>\n<table class=\"pains\">\n<thead><tr><th>Боль</th><th class=\"num\">Записей</th>")
        html.raw("<th>Причина</th><th>Кто</th><th>Когда</th></tr></thead>\n<tbody>\n")
        for pain in pains {
            html.raw("<tr><td><span class=\"title\">")
            html.text(pain.title)
            html.raw("</span><br><span class=\"flat\">")
            html.text(pain.id)
            html.raw("</span></td><td class=\"num\">")
            html.text(RussianNumberFormat.integer(pain.count))
            html.raw("</td><td>")
            html.text(pain.reason)
            html.raw("</td><td>")
            html.text(pain.decidedBy)
            html.raw("</td><td>")
            html.text(pain.decidedAt)
            html.raw("</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n</section>\n")
    }

    private func writeRow(_ pain: ReportPain, classes: String?, into html: inout HTMLText) {
        html.raw("<tr")
        if let classes { html.attribute("class", classes) }
        html.attribute("id", "pain-\(pain.id)")
        html.raw(">\n<td class=\"rank\">")
        html.text(pain.rank.map(String.init) ?? "—")
        html.raw("</td>\n<td><span class=\"title\">")
        html.text(pain.title)
        html.raw("</span>")
        if !pain.keywords.isEmpty {
            html.raw("<span class=\"kw\">")
            html.text(pain.keywords.joined(separator: ", "))
            html.raw("</span>")
        }
        html.raw("<span class=\"small\">")
        html.text(pain.id)
        html.raw("</span></td>\n<td>")
        html.text(pain.stage.name)
        html.raw("</td>\n<td class=\"num\"><span class=\"count\">")
        html.text(RussianNumberFormat.integer(pain.count))
        html.raw("</span><span class=\"small\">")
        html.text("\(RussianNumberFormat.percent(pain.share)) ЖС")
        html.raw("</span>")
        for channel in pain.byChannel where channel.count > 0 {
            html.raw("<span class=\"small\">")
            html.text("\(channel.name): \(RussianNumberFormat.integer(channel.count))")
            html.raw("</span>")
        }
        html.raw("</td>\n<td class=\"num\">")
        html.raw("<span class=\"count \(HTMLFragments.directionClass(pain.delta.absolute))\">")
        html.text(RussianNumberFormat.signedInteger(pain.delta.absolute))
        html.raw("</span><span class=\"small\">")
        html.text(pain.delta.relative.map { RussianNumberFormat.signedPercent($0) } ?? "—")
        html.raw("</span><span class=\"small\">")
        html.text("прошлый кв.: \(RussianNumberFormat.integer(pain.previousCount))")
        html.raw("</span>")
        HTMLFragments.statusBadge(pain.status, into: &html)
        if pain.isSignal { HTMLFragments.signalBadge(into: &html) }
        html.raw("</td>\n")
        writeShare(pain.dissatisfaction, base: "оценок", into: &html)
        writeShare(pain.overdue, base: "со сроком", into: &html)
        html.raw("<td>")
        if pain.organizations.isEmpty { html.raw("<span class=\"flat\">—</span>") }
        for organization in pain.organizations {
            html.raw("<span class=\"org\">")
            html.text(organization.name)
            html.raw("</span> <span class=\"flat\">")
            html.text("(\(RussianNumberFormat.integer(organization.count)))")
            html.raw("</span><br>")
        }
        html.raw("</td>\n")
        if pain.status == .vanished {
            html.raw("<td><span class=\"flat\">не считается</span></td>\n")
        } else {
            writePriority(pain.priority, into: &html)
        }
        html.raw("<td class=\"quotes\">")
        if pain.quotes.isEmpty { html.raw("<span class=\"flat\">—</span>") }
        for quote in pain.quotes {
            html.raw("<blockquote>«")
            html.text(quote.text)
            html.raw("»<span class=\"src\">")
            html.text("№ \(quote.recordID) · \(quote.channelName) · \(RussianDateFormat.date(quote.date))")
            html.raw("</span></blockquote>")
        }
        html.raw("</td>\n<td class=\"solution\">")
        if let review = pain.review {
            html.raw("<span class=\"review\">")
            html.text(PainTable.reviewStatus(review))
            html.raw("</span>")
            if let body = review.responsibleBody {
                html.raw("<br>")
                html.text(body)
            }
            if let due = review.dueDate {
                html.raw("<br>")
                html.text("срок " + due)
            }
            if !pain.proposedSolution.isEmpty { html.raw("<br>") }
        }
        html.text(pain.proposedSolution)
        html.raw("</td>\n</tr>\n")
    }

    private func writeShare(_ share: RateShare, base: String, into html: inout HTMLText) {
        html.raw("<td class=\"num\">")
        if share.share == nil {
            html.raw("<span class=\"flat\">")
            html.text(RussianNumberFormat.noData)
            html.raw("</span>")
        } else {
            html.text(RussianNumberFormat.percent(share.share))
            html.raw("<span class=\"small\">")
            html.text(
                "\(RussianNumberFormat.integer(share.count)) из \(RussianNumberFormat.integer(share.base)) \(base)"
            )
            html.raw("</span>")
        }
        html.raw("</td>\n")
    }

    private func writePriority(_ priority: PainPriority, into html: inout HTMLText) {
        let components = priority.components
        html.raw("<td><span class=\"score\">")
        html.text(RussianNumberFormat.decimal(priority.score, places: 2))
        html.raw("</span><ul class=\"components\">")
        let parts: [(String, Double, String?)] = [
            ("объём ln(1+n)", components.volume, nil),
            ("× рост", components.growth, nil),
            ("× тяжесть", components.severity, components.severityName),
            ("× неудовл.", components.dissatisfaction, nil),
        ]
        for (label, value, note) in parts {
            html.raw("<li>")
            html.text(label)
            html.raw(" <b>")
            html.text(RussianNumberFormat.decimal(value, places: 2))
            html.raw("</b>")
            if let note {
                html.raw(" <span>")
                html.text("(\(note))")
                html.raw("</span>")
            }
            html.raw("</li>")
        }
        html.raw("</ul></td>\n")
    }
}
