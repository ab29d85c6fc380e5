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
        /// Quarters with reports and, per quarter, the account's regions.
        func homePage(_ visitor: Visitor) async throws -> Response {
            var page = frame("Кварталы", visitor)
            let quarters = await catalog.quarters()
            var any = false
            page.body.raw("<table class=\"overview\"><thead><tr><th>Квартал</th><th>Регионы</th></tr></thead><tbody>")
            for quarter in quarters {
                let regions = await catalog.regions(quarter: quarter).filter { visitor.user.mayRead(region: $0) }
                guard !regions.isEmpty else { continue }
                any = true
                page.body.raw("<tr><td><a href=\"/q/\(HTMLBuffer.pathSegment(quarter))\">")
                page.body.text(quarter)
                page.body.raw("</a></td><td>")
                for (offset, region) in regions.enumerated() {
                    if offset > 0 { page.body.raw(", ") }
                    page.body.raw(
                        "<a href=\"/q/\(HTMLBuffer.pathSegment(quarter))/\(HTMLBuffer.pathSegment(region))\">"
                    )
                    page.body.text(region)
                    page.body.raw("</a>")
                }
                page.body.raw("</td></tr>")
            }
            page.body.raw("</tbody></table>")
            if !any {
                page.body.raw("<p class=\"empty\">Отчётов по вашим регионам пока нет: их пишет painmap run.</p>")
            }
            return send(page, guard: catalog.patternGuard, name: "/")
        }

        /// The account's regions of a quarter with their record counts.
        func quarterPage(_ visitor: Visitor, quarter: Quarter) async throws -> Response {
            let regions = await catalog.regions(quarter: quarter.description).filter {
                visitor.user.mayRead(region: $0)
            }
            guard !regions.isEmpty else { throw WorkspaceHTTPError.notFound }
            var page = frame("Квартал \(quarter)", visitor)
            page.crumbs = [("Кварталы", "/"), (quarter.description, nil)]
            page.body.raw(
                "<table class=\"overview\"><thead><tr><th>Регион</th><th class=\"num\">Обращений</th>"
                    + "<th class=\"num\">В прошлом квартале</th><th>Отчёт построен</th></tr></thead><tbody>"
            )
            for region in regions {
                guard let index = try await catalog.regionIndex(quarter: quarter.description, region: region) else {
                    continue
                }
                page.body.raw("<tr><td><a href=\"\(Self.regionPath(quarter, region))\">")
                page.body.text("\(index.region.code) · \(index.region.name)")
                page.body.raw(
                    "</a></td><td class=\"num\">\(index.count)</td><td class=\"num\">\(index.previousCount)</td>"
                )
                page.body.raw("<td>")
                page.body.text(index.generatedAt)
                page.body.raw("</td></tr>")
            }
            page.body.raw("</tbody></table>")
            return send(page, guard: catalog.patternGuard, name: "/q/\(quarter)")
        }

        /// A region's life situations with their pains (from the region index the run wrote).
        func regionPage(_ visitor: Visitor, quarter: Quarter, region: String) async throws -> Response {
            guard let index = try await catalog.regionIndex(quarter: quarter.description, region: region) else {
                throw WorkspaceHTTPError.notFound
            }
            let leakGuard = try await catalog.leakGuard(quarter: quarter, region: region)
            var page = frame("\(index.region.name) · \(quarter)", visitor)
            page.crumbs = [("Кварталы", "/"), (quarter.description, "/q/\(quarter)"), (index.region.code, nil)]
            page.runNote =
                "Построено запуском \(index.generatedAt); обращений \(index.count), без ситуации \(index.unassignedCount)."
            page.body.raw("<p><a href=\"\(Self.regionPath(quarter, region))/log\">Журнал решений региона</a></p>")
            page.body.raw(
                "<table class=\"overview\"><thead><tr><th>Жизненная ситуация</th><th class=\"num\">Обращений</th>"
                    + "<th class=\"num\">Изменение</th><th class=\"num\">Болей</th><th>Главные боли</th></tr></thead><tbody>"
            )
            for entry in index.situations {
                let situationPath = Self.situationPath(quarter, region, entry.lifeSituation.id)
                page.body.raw("<tr><td><a href=\"\(situationPath)\">")
                page.body.text(entry.lifeSituation.name)
                page.body.raw("</a></td><td class=\"num\">\(entry.count)</td><td class=\"num\">")
                page.body.text(Self.delta(entry.delta))
                page.body.raw("</td><td class=\"num\">\(entry.painCount)</td><td>")
                for pain in entry.topPains {
                    page.body.raw("<a class=\"small\" href=\"\(situationPath)/\(HTMLBuffer.pathSegment(pain.id))\">")
                    page.body.text(leakGuard.clean(pain.title, record: nil, logger: logger) + " — \(pain.count)")
                    page.body.raw("</a>")
                }
                page.body.raw("</td></tr>")
            }
            page.body.raw("</tbody></table>")
            return send(page, guard: leakGuard, name: "/q/\(quarter)/\(region)")
        }

        /// A life situation's ranked pains (the report's table) with their decisions.
        func situationPage(_ visitor: Visitor, quarter: Quarter, region: String, situation: String) async throws
            -> Response
        {
            guard
                let report = try await catalog.report(
                    quarter: quarter.description,
                    region: region,
                    situation: situation
                )
            else { throw WorkspaceHTTPError.notFound }
            let leakGuard = try await catalog.leakGuard(quarter: quarter, region: region)
            var page = frame(report.lifeSituation.name, visitor)
            page.crumbs = [
                ("Кварталы", "/"), (quarter.description, "/q/\(quarter)"),
                ("\(report.region.code) · \(report.region.name)", Self.regionPath(quarter, region)),
                (report.lifeSituation.name, nil),
            ]
            page.runNote = Self.runNote(report)
            let decisions = try await decisions(quarter: quarter, region: region)
            page.body.raw(
                "<table class=\"pains\"><thead><tr><th class=\"num\">№</th><th>Боль</th><th class=\"num\">Обращений</th>"
                    + "<th class=\"num\">Изменение</th><th>Этап</th><th>Статус</th><th>Ответственный</th>"
                    + "<th>Предлагаемое решение</th></tr></thead><tbody>"
            )
            for pain in report.pains {
                let decision = decisions[situation + "/" + pain.id]
                page.body.raw("<tr><td class=\"rank\">\(pain.rank.map(String.init) ?? "—")</td><td>")
                page.body.raw(
                    "<a class=\"title\" href=\"\(Self.situationPath(quarter, region, situation))/\(HTMLBuffer.pathSegment(pain.id))\">"
                )
                page.body.text(leakGuard.clean(decision?.title ?? pain.title, record: nil, logger: logger))
                page.body.raw("</a><span class=\"kw\">")
                page.body.text(pain.keywords.joined(separator: ", "))
                page.body.raw("</span></td><td class=\"num count\">\(pain.count)</td><td class=\"num\">")
                page.body.text(Self.delta(pain.delta))
                page.body.raw("</td><td>")
                page.body.text(pain.stage.name)
                page.body.raw("</td><td><span class=\"badge st-\(pain.status.rawValue)\">")
                page.body.text(pain.status.russianName)
                page.body.raw("</span>")
                if pain.isSignal { page.body.raw("<span class=\"badge signal\">сигнал</span>") }
                if let decision, decision.isDecided {
                    page.body.raw("<span class=\"small\">")
                    page.body.text(
                        decision.isJunk
                            ? "не боль"
                            : decision.mergedInto.map { "объединена с \($0)" } ?? decision.status.russianName
                    )
                    page.body.raw("</span>")
                }
                page.body.raw("</td><td>")
                page.body.text(leakGuard.clean(decision?.responsibleBody ?? "", record: nil, logger: logger))
                page.body.raw("</td><td>")
                page.body.text(
                    leakGuard.clean(decision?.solution ?? pain.proposedSolution, record: nil, logger: logger)
                )
                page.body.raw("</td></tr>")
            }
            page.body.raw("</tbody></table>")
            return send(page, guard: leakGuard, name: "/q/\(quarter)/\(region)/\(situation)")
        }

        // MARK: Formatting

        static func regionPath(_ quarter: Quarter, _ region: String) -> String {
            "/q/\(HTMLBuffer.pathSegment(quarter.description))/\(HTMLBuffer.pathSegment(region))"
        }

        static func situationPath(_ quarter: Quarter, _ region: String, _ situation: String) -> String {
            regionPath(quarter, region) + "/" + HTMLBuffer.pathSegment(situation)
        }

        static func painPath(_ quarter: Quarter, _ region: String, _ situation: String, _ pain: String) -> String {
            situationPath(quarter, region, situation) + "/" + HTMLBuffer.pathSegment(pain)
        }

        /// `+12 (+35 %)`, `−3`, `0`.
        static func delta(_ delta: ReportDelta) -> String {
            let sign = delta.absolute > 0 ? "+" : delta.absolute < 0 ? "−" : ""
            var text = "\(sign)\(abs(delta.absolute))"
            if let relative = delta.relative {
                let percent = Int((relative * 100).rounded())
                text += " (\(percent > 0 ? "+" : percent < 0 ? "−" : "")\(abs(percent)) %)"
            }
            return text
        }

        /// Which run produced a report: when and under which configuration.
        static func runNote(_ report: PainMapReport) -> String {
            "Построено запуском \(report.generatedAt), конфигурация \(report.methodology.configDigest.prefix(12)); "
                + "\(report.quarter) к \(report.previousQuarter)."
        }
    }
#endif
