/// Renders one «Карта болей» as GitHub-flavoured Markdown with the same content as the HTML page.
struct ReportMarkdownRenderer {
    let report: PainMapReport

    private var active: [ReportPain] { report.pains.filter { $0.status != .vanished } }
    private var vanished: [ReportPain] { report.pains.filter { $0.status == .vanished } }

    /// The document.
    func render() -> String {
        var text = ""
        writeHeader(into: &text)
        writeTopPains(into: &text)
        writePainTable(into: &text)
        writeQuotes(into: &text)
        writeStages(into: &text)
        writeTrend(into: &text)
        writeMethodology(into: &text)
        text += "\n_Сформировано \(MarkdownText.inline(RussianDateFormat.timestamp(report.generatedAt)))"
        text += " · painmap · схема данных v\(report.schemaVersion)_\n"
        return text
    }

    private func writeHeader(into text: inout String) {
        let totals = report.totals
        text += "# Карта болей: \(MarkdownText.inline(report.lifeSituation.name))\n\n"
        text += "**\(MarkdownText.inline("\(report.region.name) (\(report.region.code))"))** · "
        text += MarkdownText.inline(
            "\(RussianDateFormat.quarter(report.quarter)) (\(report.methodology.period)) · сравнение с "
                + RussianDateFormat.quarter(report.previousQuarter)
        )
        text += "\n\n"
        text += MarkdownText.row(["Показатель", "Значение"]) + MarkdownText.delimiter([false, false])
        text += MarkdownText.row([
            "Обращений",
            MarkdownText.cell(
                "\(RussianNumberFormat.integer(totals.count)) (\(HTMLFragments.text(totals.delta)) к "
                    + "\(RussianDateFormat.shortQuarter(report.previousQuarter)): "
                    + "\(RussianNumberFormat.integer(totals.previousCount)))"
            ),
        ])
        let newCount = active.filter { $0.status == .new }.count
        text += MarkdownText.row([
            "Болей",
            MarkdownText.cell(
                "\(active.count): новых \(newCount), повторяются \(active.count - newCount), "
                    + "исчезли \(vanished.count), сигналов \(active.filter(\.isSignal).count)"
            ),
        ])
        text += MarkdownText.row([
            "«Прочее»",
            MarkdownText.cell(
                "\(RussianNumberFormat.integer(report.other?.count ?? 0)) "
                    + "(\(RussianNumberFormat.percent(report.other?.share ?? 0)))"
            ),
        ])
        text += MarkdownText.row([
            "Не отнесено к ЖС в регионе",
            MarkdownText.cell(
                "\(RussianNumberFormat.integer(totals.unassignedCount)) из "
                    + "\(RussianNumberFormat.integer(totals.regionCount)) "
                    + "(\(RussianNumberFormat.percent(totals.unassignedShare)))"
            ),
        ])
        if totals.collapsedCount > 0 {
            text += MarkdownText.row([
                "Одна жалоба в нескольких каналах",
                MarkdownText.cell(
                    "\(RussianNumberFormat.integer(totals.collapsedCount)) записей других каналов учтены один раз "
                        + "вместе с первой записью той же жалобы"
                ),
            ])
        }
        text += "\n**Каналы:** "
        text += totals.byChannel.map {
            MarkdownText.inline(
                "\($0.name) — \(RussianNumberFormat.integer($0.count)) (\(RussianNumberFormat.percent($0.share)))"
            )
        }.joined(separator: "; ")
        text += "\n"
    }

    private func writeTopPains(into text: inout String) {
        text += "\n## Главные боли квартала\n\n"
        guard !active.isEmpty else {
            text += "Болей в этом квартале не выявлено.\n"
            return
        }
        for pain in active.prefix(3) {
            text += "\(pain.rank ?? 0). **\(MarkdownText.inline(pain.title))** — "
            text += MarkdownText.inline(
                "\(RussianNumberFormat.integer(pain.count)) обращений, \(HTMLFragments.text(pain.delta)), "
                    + "приоритет \(RussianNumberFormat.decimal(pain.priority.score, places: 2)), "
                    + "\(pain.status.russianName)\(pain.isSignal ? ", сигнал" : ""), этап «\(pain.stage.name)»"
            )
            text += "\n"
        }
    }

    /// «Исключено при разборе» / «Требует пересмотра»: id, title, records, reason, who and when.
    private func writeExcluded(_ pains: [ExcludedPain], heading: String, into text: inout String) {
        guard !pains.isEmpty else { return }
        text += "\n### \(heading)\n\n"
        text += MarkdownText.row(["Боль", "Записей", "Причина", "Кто", "Когда"])
        text += MarkdownText.delimiter([false, true, false, false, false])
        for pain in pains {
            text += MarkdownText.row([
                "**\(MarkdownText.cell(pain.title))**<br>\(MarkdownText.cell(pain.id))",
                MarkdownText.cell(RussianNumberFormat.integer(pain.count)), MarkdownText.cell(pain.reason),
                MarkdownText.cell(pain.decidedBy), MarkdownText.cell(pain.decidedAt),
            ])
        }
    }

    private func writePainTable(into text: inout String) {
        text += "\n## Все боли\n\nПо убыванию приоритета; боли прошлого квартала, которые в этом не встретились, — "
        text += "в конце (ранг «—»).\n\n"
        let channels = report.totals.byChannel
        var headers = ["№", "Боль", "Этап", "Всего"] + channels.map { MarkdownText.cell($0.name) }
        headers += [
            "Прошлый кв.", "Δ", "Δ, %", "Статус", "Неудовлетворённость", "Просрочка", "Ведомства",
            "Приоритет = объём × рост × тяжесть × неудовл.", "Разбор: статус, ответственный, срок",
            "Предлагаемое решение",
        ]
        text += MarkdownText.row(headers)
        text += MarkdownText.delimiter(
            [true, false, false, true] + channels.map { _ in true }
                + [true, true, true, false, true, true, false, false, false, false]
        )
        for pain in report.pains {
            let components = pain.priority.components
            var cells = [
                pain.rank.map(String.init) ?? "—",
                "**\(MarkdownText.cell(pain.title))**"
                    + (pain.keywords.isEmpty ? "" : "<br>" + MarkdownText.cell(pain.keywords.joined(separator: ", ")))
                    + "<br>" + MarkdownText.cell(pain.id),
                MarkdownText.cell(pain.stage.name),
                MarkdownText.cell(RussianNumberFormat.integer(pain.count)),
            ]
            for channel in channels {
                let count = pain.byChannel.first { $0.channel == channel.channel }?.count ?? 0
                cells.append(MarkdownText.cell(RussianNumberFormat.integer(count)))
            }
            cells += [
                MarkdownText.cell(RussianNumberFormat.integer(pain.previousCount)),
                MarkdownText.cell(RussianNumberFormat.signedInteger(pain.delta.absolute)),
                MarkdownText.cell(RussianNumberFormat.signedPercent(pain.delta.relative)),
                MarkdownText.cell(pain.status.russianName + (pain.isSignal ? ", сигнал" : "")),
                MarkdownText.cell(RussianNumberFormat.shareWithBase(pain.dissatisfaction)),
                MarkdownText.cell(RussianNumberFormat.shareWithBase(pain.overdue)),
                pain.organizations.isEmpty
                    ? "—"
                    : pain.organizations.map { MarkdownText.cell("\($0.name) (\($0.count))") }
                        .joined(separator: "<br>"),
                MarkdownText.cell(
                    "\(RussianNumberFormat.decimal(pain.priority.score, places: 2)) = "
                        + "\(RussianNumberFormat.decimal(components.volume, places: 2)) × "
                        + "\(RussianNumberFormat.decimal(components.growth, places: 2)) × "
                        + "\(RussianNumberFormat.decimal(components.severity, places: 2)) "
                        + "(\(components.severityName)) × "
                        + RussianNumberFormat.decimal(components.dissatisfaction, places: 2)
                ),
                pain.review.map { review in
                    [PainTable.reviewStatus(review), review.responsibleBody, review.dueDate.map { "срок " + $0 }]
                        .compactMap { $0 }.map(MarkdownText.cell).joined(separator: "<br>")
                } ?? "",
                MarkdownText.cell(pain.proposedSolution),
            ]
            text += MarkdownText.row(cells)
        }
        writeExcluded(report.excluded ?? [], heading: "Исключено при разборе", into: &text)
        writeExcluded(report.needsReview ?? [], heading: "Требует пересмотра", into: &text)
        if let other = report.other {
            text += "\n«Прочее»: \(RussianNumberFormat.integer(other.count)) обращений "
            text += "(\(RussianNumberFormat.percent(other.share))) не вошли ни в одну боль.\n"
        }
    }

    private func writeQuotes(into text: inout String) {
        text += "\n## Цитаты\n"
        for pain in report.pains where !pain.quotes.isEmpty {
            text += "\n**\(pain.rank.map { "\($0). " } ?? "— ")\(MarkdownText.inline(pain.title))**\n\n"
            for quote in pain.quotes {
                text += "> «\(MarkdownText.inline(quote.text))»  \n"
                text += "> — № \(MarkdownText.inline(quote.recordID)), \(MarkdownText.inline(quote.channelName)), "
                text += "\(MarkdownText.inline(RussianDateFormat.date(quote.date)))\n\n"
            }
        }
    }

    private func writeStages(into text: inout String) {
        text += "\n## Этапы пути\n\n"
        text += MarkdownText.row(["Этап", "Обращений", "Доля", "Болей"])
        text += MarkdownText.delimiter([false, true, true, true])
        for stage in report.stages {
            let share = report.totals.count > 0 ? Double(stage.records) / Double(report.totals.count) : nil
            text += MarkdownText.row([
                MarkdownText.cell("\(stage.stage.order). \(stage.stage.name)"),
                MarkdownText.cell(RussianNumberFormat.integer(stage.records)),
                MarkdownText.cell(RussianNumberFormat.percent(share)), "\(stage.pains)",
            ])
        }
    }

    private func writeTrend(into text: inout String) {
        text += "\n## Динамика главных болей\n\n"
        guard !report.trend.quarters.isEmpty, !report.trend.series.isEmpty else {
            text += "Нет данных о динамике.\n"
            return
        }
        text += MarkdownText.row(["Боль"] + report.trend.quarters.map { MarkdownText.cell($0) })
        text += MarkdownText.delimiter([false] + report.trend.quarters.map { _ in true })
        for series in report.trend.series {
            var cells = [MarkdownText.cell(series.title)]
            for position in report.trend.quarters.indices {
                let count = position < series.counts.count ? series.counts[position] : nil
                cells.append(count.map(RussianNumberFormat.integer) ?? "—")
            }
            text += MarkdownText.row(cells)
        }
    }

    private func writeMethodology(into text: inout String) {
        let note = report.methodology
        text += "\n## Методика\n\n"
        text += "- **Период:** \(MarkdownText.inline(note.period))\n"
        text += "- **Источники:** "
        text += MarkdownText.inline(
            note.sources.map { "\($0.name) — \(RussianNumberFormat.integer($0.count))" }.joined(separator: "; ")
        )
        text += "\n- **Классификация:** \(MarkdownText.inline(note.classification))\n"
        text += "- **Выделение болей:** \(MarkdownText.inline(note.clustering))\n"
        text += "- **Приоритет:** \(MarkdownText.inline(note.priorityFormula))\n"
        text += "- **Классы тяжести:** "
        text += MarkdownText.inline(
            note.severityClasses.map { "\($0.name) — \(RussianNumberFormat.decimal($0.weight, places: 2))" }
                .joined(separator: "; ")
        )
        text += "\n- **«Сигнал»:** \(MarkdownText.inline(note.signalRule))\n"
        text += "- **Конфигурация:** \(MarkdownText.inline(note.configDigest))\n"
    }
}
