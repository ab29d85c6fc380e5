#if Workspace
    import Foundation
    import HTTPTypes
    import Hummingbird
    import Logging
    import NIOCore
    import PainmapCore
    import PainmapReports
    import PainmapReview

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
            page.body.append(panel.markup)
            try await PainRecordsTable(
                quarter: quarter,
                region: region,
                situation: situation,
                painID: pain.id,
                count: pain.count,
                pageSize: options.recordsPerPage
            )
            .render(
                into: &page.body,
                page: number,
                store: store,
                moves: try await review.store.recordDecisions(region: region, quarter: quarter),
                selectable: panel.canMoveRecords,
                leakGuard: leakGuard,
                logger: logger
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

        static func percent(_ share: Double) -> String {
            String(format: "%.1f %%", share * 100).replacingOccurrences(of: ".", with: ",")
        }
    }
#endif
