#if Workspace
    import Foundation
    import HTTPTypes
    import Hummingbird
    import Logging
    import NIOCore
    import PainmapCore
    import PainmapReports

    extension WorkspaceResponder {
        /// One pain: figures, trend, channels, quotes, its records (redacted text, paged) and the decision forms.
        func painPage(
            _ visitor: Visitor,
            quarter: Quarter,
            region: String,
            situation: String,
            painID: String,
            page number: Int,
            flash: PageFlash = PageFlash(),
            status: HTTPResponse.Status = .ok
        ) async throws -> Response {
            guard
                let report = try await catalog.report(
                    quarter: quarter.description,
                    region: region,
                    situation: situation
                ),
                let pain = report.pains.first(where: { $0.id == painID })
            else { throw WorkspaceHTTPError.notFound }
            let leakGuard = try await catalog.leakGuard(quarter: quarter, region: region)
            let panel = try await decisionPanel(
                visitor: visitor,
                quarter: quarter,
                region: region,
                report: report,
                pain: pain
            )
            let title = leakGuard.clean(panel.title ?? pain.title, record: nil, logger: logger)
            var page = frame(title, visitor)
            page.crumbs = [
                ("Кварталы", "/"), (quarter.description, "/q/\(quarter)"),
                ("\(report.region.code) · \(report.region.name)", Self.regionPath(quarter, region)),
                (report.lifeSituation.name, Self.situationPath(quarter, region, situation)), ("боль \(pain.id)", nil),
            ]
            page.runNote = Self.runNote(report)
            flash.render(into: &page.body, leakGuard: leakGuard, logger: logger)
            // Figures.
            page.body.raw("<section class=\"kpis\">")
            kpi(&page.body, "Обращений", "\(pain.count)", "в прошлом квартале \(pain.previousCount)")
            kpi(
                &page.body,
                "Изменение",
                Self.delta(pain.delta),
                pain.status.russianName + (pain.isSignal ? " · сигнал" : "")
            )
            kpi(&page.body, "Этап", pain.stage.name, "доля \(Self.percent(pain.share))")
            kpi(
                &page.body,
                "Недовольство",
                pain.dissatisfaction.share.map(Self.percent) ?? "—",
                "оценок \(pain.dissatisfaction.base)"
            )
            page.body.raw("</section>")
            page.body.raw("<p class=\"lead\">Ключевые слова: ")
            page.body.text(pain.keywords.joined(separator: ", "))
            page.body.raw("</p>")
            page.body.raw("<div class=\"grid2\"><section>")
            trend(&page.body, report: report, painID: pain.id)
            channels(&page.body, pain: pain)
            page.body.raw("</section><section><h2>Цитаты</h2>")
            if pain.quotes.isEmpty { page.body.raw("<p class=\"empty\">Цитат нет.</p>") }
            for quote in pain.quotes {
                page.body.raw("<blockquote>")
                page.body.text(leakGuard.clean(quote.text, record: quote.recordID, logger: logger))
                page.body.raw("<span class=\"src\">")
                page.body.text("\(quote.channelName) · \(quote.date) · запись \(quote.recordID)")
                page.body.raw("</span></blockquote>")
            }
            page.body.raw("</section></div>")
            page.body.raw(panel.markup.markup)
            try await records(
                &page.body,
                quarter: quarter,
                region: region,
                situation: situation,
                pain: pain,
                page: number,
                selectable: panel.canMoveRecords,
                leakGuard: leakGuard
            )
            return send(page, guard: leakGuard, name: Self.painPath(quarter, region, situation, pain.id))
        }

        /// A pain's decision block, as the pain page embeds it.
        struct DecisionPanel: Sendable {
            /// The title an analyst gave the pain, if any.
            var title: String?
            var markup: HTMLBuffer
            /// Whether the records table offers checkboxes for the move form.
            var canMoveRecords: Bool
        }

        private func kpi(_ html: inout HTMLBuffer, _ label: String, _ value: String, _ note: String) {
            html.raw("<div class=\"kpi\"><div class=\"label\">")
            html.text(label)
            html.raw("</div><div class=\"value\">")
            html.text(value)
            html.raw("</div><div class=\"note\">")
            html.text(note)
            html.raw("</div></div>")
        }

        private func trend(_ html: inout HTMLBuffer, report: PainMapReport, painID: String) {
            html.raw("<h2>Динамика</h2>")
            guard let series = report.trend.series.first(where: { $0.painID == painID }) else {
                html.raw("<p class=\"empty\">Ряда по кварталам нет.</p>")
                return
            }
            html.raw("<table class=\"trend\"><thead><tr>")
            for quarter in report.trend.quarters {
                html.raw("<th class=\"num\">")
                html.text(quarter)
                html.raw("</th>")
            }
            html.raw("</tr></thead><tbody><tr>")
            for count in series.counts { html.raw("<td class=\"num\">\(count)</td>") }
            html.raw("</tr></tbody></table>")
        }

        private func channels(_ html: inout HTMLBuffer, pain: ReportPain) {
            html.raw("<h2>Каналы</h2><ul class=\"legend\">")
            for channel in pain.byChannel {
                html.raw("<li>")
                html.text("\(channel.name): \(channel.count) (\(Self.percent(channel.share)))")
                html.raw("</li>")
            }
            html.raw("</ul>")
        }

        /// The pain's records, newest first, `recordsPerPage` a page: date, channel, record id, redacted text.
        private func records(
            _ html: inout HTMLBuffer,
            quarter: Quarter,
            region: String,
            situation: String,
            pain: ReportPain,
            page number: Int,
            selectable: Bool,
            leakGuard: PageLeakGuard
        ) async throws {
            let all = try await catalog.recordIndex(quarter: quarter, region: region).records(
                situation: situation,
                pain: pain.id
            )
            let size = options.recordsPerPage
            let pages = max(1, (all.count + size - 1) / size)
            let current = min(max(1, number), pages)
            html.raw("<h2 id=\"records\">Записи боли</h2><p class=\"lead\">")
            html.text(
                "\(all.count) записей квартала, ближайших к этой боли (тексты обезличены при загрузке); страница \(current) из \(pages)."
            )
            html.raw("</p><table class=\"records\"><thead><tr>")
            if selectable { html.raw("<th>Перенести</th>") }
            html.raw("<th>Запись</th><th>Дата</th><th>Канал</th><th>Текст</th>")
            html.raw("</tr></thead><tbody>")
            let path = Self.painPath(quarter, region, situation, pain.id)
            for item in all.dropFirst((current - 1) * size).prefix(size) {
                html.raw("<tr>")
                if selectable {
                    html.raw(
                        "<td><input type=\"checkbox\" name=\"records\" value=\"\(item.id)\" form=\"move-form\" "
                            + "aria-label=\"перенести запись \(item.id)\"></td>"
                    )
                }
                html.raw("<td class=\"num\">\(item.id)</td><td>")
                html.text(Self.day(item.record.receivedAt))
                html.raw("</td><td>")
                html.text(item.record.source.rawValue)
                html.raw("</td><td class=\"text\">")
                html.text(leakGuard.clean(item.record.text, record: item.id.description, logger: logger))
                html.raw("</td></tr>")
            }
            html.raw("</tbody></table><nav class=\"pager\">")
            if current > 1 { html.raw("<a rel=\"prev\" href=\"\(path)?page=\(current - 1)#records\">← предыдущая</a>") }
            if current < pages {
                html.raw("<a rel=\"next\" href=\"\(path)?page=\(current + 1)#records\">следующая →</a>")
            }
            html.raw("</nav>")
        }

        static func percent(_ share: Double) -> String {
            String(format: "%.1f %%", share * 100).replacingOccurrences(of: ".", with: ",")
        }

        static let dayStyle = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day()

        static func day(_ date: Date) -> String { dayStyle.format(date) }
    }
#endif
