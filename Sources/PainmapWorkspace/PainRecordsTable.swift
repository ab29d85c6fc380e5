#if Workspace
    import Foundation
    import Logging
    import PainmapCore

    /// The records table of a pain's page: one page of the records the run put into the pain, read from the store.
    ///
    /// A run stores each pain's members with the pain (`pain_member`, newest first), so a page is one range of the
    /// store's key: no record of the region is read or analyzed besides the page's own. Records an analyst moved out
    /// since the run (to another life situation, or split to another pain) stay listed, as the run counted them, with
    /// where they went and without a checkbox; records split into the pain are named below the table. A pain stored
    /// by a release before `v10_pain_members` has no members: the table then says they come with the next run.
    struct PainRecordsTable: Sendable {
        /// Where the pain is.
        let quarter: Quarter
        let region: String
        let situation: String
        let painID: String
        /// The pain's record count in the report (its stored members, when they were stored).
        let count: Int
        /// Records per page.
        let pageSize: Int

        /// What the table says when the store keeps no members for a pain with records.
        static let membersMissing = "Состав боли будет доступен после следующего запуска painmap run."

        /// Writes the table for page `number` (clamped to the pages there are).
        ///
        /// - Parameters:
        ///   - html: The page's markup.
        ///   - number: The 1-based page asked for.
        ///   - store: The store to read members from.
        ///   - moves: The region-quarter's record decisions.
        ///   - selectable: Whether rows offer a checkbox for the move form.
        ///   - leakGuard: Masks what the report gate would refuse in a record's text.
        ///   - logger: Where masked texts are logged (record id and type).
        /// - Throws: The store's failure when the members cannot be read.
        func render(
            into html: inout HTMLBuffer,
            page number: Int,
            store: any FeedbackStore,
            moves: [RecordDecision],
            selectable: Bool,
            leakGuard: PageLeakGuard,
            logger: Logger
        ) async throws {
            let pain = PainReference(region: region, quarter: quarter, lifeSituation: situation, painID: painID)
            let first = try await store.painMembers(
                of: pain,
                offset: (max(1, number) - 1) * pageSize,
                limit: pageSize
            )
            html.raw("<h2 id=\"records\">Записи боли</h2><p class=\"lead\">")
            guard first.total > 0 else {
                html.text(count > 0 ? Self.membersMissing : "Записей нет.")
                html.raw("</p>")
                return
            }
            let pages = max(1, (first.total + pageSize - 1) / pageSize)
            let current = min(max(1, number), pages)
            // A page past the end shows the last one.
            let page =
                current == max(1, number)
                ? first
                : try await store.painMembers(
                    of: pain,
                    offset: (current - 1) * pageSize,
                    limit: pageSize
                )
            html.text(
                "\(first.total) записей квартала, отнесённых к этой боли запуском (тексты обезличены при загрузке); страница \(current) из \(pages)."
            )
            html.raw("</p>")
            let decisionID = "\(situation)/\(painID)"
            let movedOut = Dictionary(
                moves.filter { $0.movesSituation || ($0.painID != nil && $0.painID != decisionID) }.map {
                    ($0.recordID, $0)
                },
                uniquingKeysWith: { _, last in last }
            )
            html.raw("<table class=\"records\"><thead><tr>")
            if selectable { html.raw("<th>Перенести</th>") }
            html.raw("<th>Запись</th><th>Дата</th><th>Канал</th><th>Текст</th>")
            html.raw("</tr></thead><tbody>")
            for item in page.records {
                let moved = movedOut[item.id]
                html.raw("<tr>")
                if selectable {
                    html.raw("<td>")
                    if moved == nil {
                        html.raw(
                            "<input type=\"checkbox\" name=\"records\" value=\"\(item.id)\" form=\"move-form\" "
                                + "aria-label=\"перенести запись \(item.id)\">"
                        )
                    }
                    html.raw("</td>")
                }
                html.raw("<td class=\"num\">\(item.id)</td><td>")
                html.text(Self.day(item.record.receivedAt))
                html.raw("</td><td>")
                html.text(item.record.source.rawValue)
                html.raw("</td><td class=\"text\">")
                if let moved {
                    html.raw("<span class=\"src\">")
                    html.text(Self.whereTo(moved) + " · ")
                    html.raw("</span>")
                }
                html.text(leakGuard.clean(item.record.text, record: item.id.description, logger: logger))
                html.raw("</td></tr>")
            }
            html.raw("</tbody></table>")
            let movedIn = moves.filter { $0.painID == decisionID }.map { "#\($0.recordID)" }
            if !movedIn.isEmpty {
                html.raw("<p class=\"lead\">")
                html.text("Перенесены в эту боль решениями аналитиков: \(movedIn.joined(separator: ", ")).")
                html.raw("</p>")
            }
            let path = WorkspaceResponder.painPath(quarter, region, situation, painID)
            html.raw("<nav class=\"pager\">")
            if current > 1 { html.raw("<a rel=\"prev\" href=\"\(path)?page=\(current - 1)#records\">← предыдущая</a>") }
            if current < pages {
                html.raw("<a rel=\"next\" href=\"\(path)?page=\(current + 1)#records\">следующая →</a>")
            }
            html.raw("</nav>")
        }

        /// Where a record decision moved a record, in words.
        static func whereTo(_ move: RecordDecision) -> String {
            if move.movesSituation {
                return "перенесена в ситуацию «\(move.lifeSituation ?? "Не определена")» (\(move.actor))"
            }
            return "перенесена в боль \(move.painID ?? "—") (\(move.actor))"
        }

        static let dayStyle = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day()

        static func day(_ date: Date) -> String { dayStyle.format(date) }
    }
#endif
