#if Workspace
    import Foundation
    import HTTPTypes
    import Hummingbird
    import Logging
    import NIOCore
    import PainmapCore
    import PainmapReports

    extension WorkspaceResponder {
        /// The decision forms of a pain (review decisions: issue 13's decision layer), and its title as decided.
        func decisionPanel(
            visitor: Visitor,
            quarter: Quarter,
            region: String,
            report: PainMapReport,
            pain: ReportPain
        ) async throws -> DecisionPanel {
            var html = HTMLBuffer()
            html.raw("<h2>Решения</h2>")
            html.raw(
                "<p class=\"empty\">Решения по болям появятся после подключения слоя решений (painmap review).</p>"
            )
            return DecisionPanel(title: nil, markup: html, canMoveRecords: false)
        }

        /// Applies a decision form (`POST /q/Q/R/…`).
        func decide(_ visitor: Visitor, quarter: Quarter, region: String, path: [String], form: FormBody) async throws
            -> Response
        {
            throw WorkspaceHTTPError.notFound
        }

        /// The region-quarter's decision log.
        func auditPage(_ visitor: Visitor, quarter: Quarter, region: String) async throws -> Response {
            var page = frame("Журнал решений · \(region) · \(quarter)", visitor)
            page.crumbs = [
                ("Кварталы", "/"), (quarter.description, "/q/\(quarter)"), (region, Self.regionPath(quarter, region)),
                ("журнал", nil),
            ]
            page.body.raw("<p class=\"empty\">Журнал решений пуст.</p>")
            return send(page, guard: catalog.patternGuard, name: "/q/\(quarter)/\(region)/log")
        }
    }
#endif
