#if Workspace
    import Foundation
    import HTTPTypes
    import Hummingbird
    import Logging
    import NIOCore
    import PainmapCore
    import PainmapReports

    extension WorkspaceResponder {
        /// Pains of the account's regions whose title or keywords contain every word of the query (case-insensitive),
        /// newest quarter first.
        func searchPage(_ visitor: Visitor, query: String) async throws -> Response {
            let words = query.lowercased().split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }).map(
                String.init
            )
            var page = frame("Поиск", visitor)
            page.crumbs = [("Кварталы", "/"), ("поиск", nil)]
            page.body.raw(
                "<form class=\"decision\" method=\"get\" action=\"/search\"><label for=\"q\">Слова из названия или ключевых слов боли</label>"
            )
            page.body.raw(
                "<input type=\"text\" id=\"q\" name=\"q\" value=\"\(HTMLBuffer.escape(query))\"> <button type=\"submit\">Найти</button></form>"
            )
            guard !words.isEmpty else { return send(page, guard: catalog.patternGuard, name: "/search") }
            var hits = 0
            page.body.raw(
                "<table class=\"pains\"><thead><tr><th>Квартал</th><th>Регион</th><th>Ситуация</th><th>Боль</th>"
            )
            page.body.raw("<th class=\"num\">Обращений</th></tr></thead><tbody>")
            search: for quarterName in await catalog.quarters() {
                guard let quarter = Quarter(quarterName) else { continue }
                for region in await catalog.regions(quarter: quarterName) where visitor.user.mayRead(region: region) {
                    guard let index = try await catalog.regionIndex(quarter: quarterName, region: region) else {
                        continue
                    }
                    for entry in index.situations {
                        guard
                            let report = try await catalog.report(
                                quarter: quarterName,
                                region: region,
                                situation: entry.lifeSituation.id
                            )
                        else { continue }
                        for pain in report.pains {
                            let haystack = ([pain.title] + pain.keywords).joined(separator: " ").lowercased()
                            guard words.allSatisfy({ haystack.contains($0) }) else { continue }
                            hits += 1
                            page.body.raw("<tr><td>")
                            page.body.text(quarterName)
                            page.body.raw("</td><td>")
                            page.body.text(region)
                            page.body.raw("</td><td>")
                            page.body.text(entry.lifeSituation.name)
                            page.body.raw(
                                "</td><td><a class=\"title\" href=\"\(Self.painPath(quarter, region, entry.lifeSituation.id, pain.id))\">"
                            )
                            page.body.text(catalog.patternGuard.clean(pain.title, record: nil, logger: logger))
                            page.body.raw("</a><span class=\"kw\">")
                            page.body.text(pain.keywords.joined(separator: ", "))
                            page.body.raw("</span></td><td class=\"num\">\(pain.count)</td></tr>")
                            if hits >= 200 { break search }
                        }
                    }
                }
            }
            page.body.raw(
                "</tbody></table><p class=\"lead\">Найдено: \(hits)\(hits >= 200 ? " (показаны первые 200)" : "").</p>"
            )
            return send(page, guard: catalog.patternGuard, name: "/search")
        }
    }
#endif
