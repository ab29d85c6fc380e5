#if Workspace
    import Foundation
    import HTTPTypes
    import Hummingbird
    import Logging
    import NIOCore
    import PainmapCore
    import PainmapPipeline
    import PainmapReports
    import PainmapReview

    extension WorkspaceResponder {
        /// The decisions of a region-quarter's pains by decision id (`situation/pain id`).
        func decisions(quarter: Quarter, region: String) async throws -> [String: PainDecision] {
            Dictionary(
                try await review.pains(region: region, quarter: quarter).map { ($0.key.painID, $0.decision) },
                uniquingKeysWith: { first, _ in first }
            )
        }

        /// The decision key of a report's pain: decisions name pains `situation/pain id`.
        static func decisionKey(
            _ quarter: Quarter,
            _ region: String,
            _ situation: String,
            _ pain: String
        ) -> PainKey {
            PainKey(region: region, quarter: quarter, painID: "\(situation)/\(pain)")
        }

        /// A pain's decisions and, for an analyst of the region, the forms (each with the session's CSRF token and
        /// the pain's version, so a decision on a stale version is refused); returns the title as decided.
        func decisionPanel(
            visitor: Visitor,
            quarter: Quarter,
            region: String,
            report: PainMapReport,
            pain: ReportPain
        ) async throws -> DecisionPanel {
            var html = HTMLBuffer()
            let situation = report.lifeSituation.id
            let key = Self.decisionKey(quarter, region, situation, pain.id)
            let reviewed: ReviewedPain
            do {
                reviewed = try await review.pain(
                    key,
                    stored: try await catalog.pains(quarter: quarter, region: region)
                )
            } catch let failure as LocatedFailure where failure.code == .reviewNotFound {
                html.raw(
                    "<h2>Решения</h2><p class=\"empty\">Этой боли нет среди сохранённых болей запуска; "
                )
                html.raw("решения по ней недоступны.</p>")
                return DecisionPanel(title: nil, markup: html, canMoveRecords: false)
            }
            let decision = reviewed.decision
            let leakGuard = try await catalog.leakGuard(quarter: quarter, region: region)
            func clean(_ text: String) -> String { leakGuard.clean(text, record: nil, logger: logger) }
            html.raw("<h2>Решения</h2><table class=\"decision-state\"><tbody>")
            func row(_ label: String, _ value: String) {
                html.raw("<tr><th>")
                html.text(label)
                html.raw("</th><td>")
                html.text(value)
                html.raw("</td></tr>")
            }
            row("Статус", decision.status.russianName)
            row("Ответственный", decision.responsibleBody.map(clean) ?? "—")
            row("Предлагаемое решение", decision.solution.map(clean) ?? "—")
            row("Срок", decision.dueDate ?? "—")
            if decision.isJunk { row("Не боль", clean(decision.junkReason ?? "")) }
            if let target = decision.mergedInto { row("Объединена с", target) }
            row(
                "Версия",
                "\(decision.version)"
                    + (decision.updatedBy.map { " · \($0), \(decision.updatedAt ?? "")" } ?? "")
            )
            html.raw("</tbody></table>")
            let comments = try await review.comments(key)
            if !comments.isEmpty {
                html.raw("<h3>Комментарии</h3>")
                for entry in comments {
                    html.raw("<blockquote>")
                    html.text(clean(entry.after["comment"] ?? ""))
                    html.raw("<span class=\"src\">")
                    html.text("\(entry.actor) · \(entry.at)")
                    html.raw("</span></blockquote>")
                }
            }
            guard visitor.user.mayEdit(region: region) else {
                html.raw("<p class=\"empty\">Учётная запись только для чтения.</p>")
                return DecisionPanel(title: decision.title, markup: html, canMoveRecords: false)
            }
            let action = Self.painPath(quarter, region, situation, pain.id)
            func open(_ id: String, _ verb: String, _ legend: String) {
                html.raw(
                    "<form class=\"decision\" id=\"\(id)\" method=\"post\" action=\"\(action)/\(verb)\">"
                )
                html.raw(WorkspacePage.csrfField(visitor.session.csrf))
                html.raw("<input type=\"hidden\" name=\"version\" value=\"\(decision.version)\">")
                html.raw("<label>")
                html.text(legend)
                html.raw("</label>")
            }
            func close(_ button: String) {
                html.raw("<button type=\"submit\">")
                html.text(button)
                html.raw("</button></form>")
            }
            html.raw(
                "<p class=\"notice\">Текст, который вы вводите (название, причина, решение, комментарий), проходит "
                    + "обезличивание: телефоны, адреса, ФИО и другие персональные данные будут заменены.</p>"
            )
            html.raw("<div class=\"grid2\"><div>")
            open("rename-form", "rename", "Название боли")
            html.raw(
                "<input type=\"text\" name=\"title\" value=\"\(HTMLBuffer.escape(clean(decision.title ?? pain.title)))\">"
            )
            close("Переименовать")
            open("status-form", "status", "Статус")
            html.raw("<select name=\"status\">")
            for status in ReviewStatus.allCases
            where status == decision.status || decision.status.allows(status) {
                html.raw(
                    "<option value=\"\(status.rawValue)\"\(status == decision.status ? " selected" : "")>"
                )
                html.text(status.russianName)
                html.raw("</option>")
            }
            html.raw("</select>")
            close("Сменить статус")
            open("assign-form", "assign", "Ответственный орган")
            html.raw(
                "<input type=\"text\" name=\"body\" list=\"bodies\" value=\"\(HTMLBuffer.escape(clean(decision.responsibleBody ?? "")))\">"
            )
            html.raw("<datalist id=\"bodies\">")
            let bodyOptions = try await catalog.bodyOptionSources(quarter: quarter, region: region, store: review.store)
                .options(for: reviewed.pain, directory: review.bodies.bodies(region: region), limit: 30)
            for body in bodyOptions {
                html.raw("<option value=\"\(HTMLBuffer.escape(clean(body)))\">")
            }
            html.raw("</datalist>")
            close("Назначить")
            open("solution-form", "solution", "Предлагаемое решение")
            html.raw("<textarea name=\"text\">")
            html.text(clean(decision.solution ?? ""))
            html.raw("</textarea><label>Срок (ГГГГ-ММ-ДД)</label>")
            html.raw(
                "<input type=\"text\" name=\"due\" value=\"\(HTMLBuffer.escape(decision.dueDate ?? ""))\" placeholder=\"2026-12-31\">"
            )
            close("Сохранить решение")
            html.raw("</div><div>")
            if decision.isJunk {
                open("unjunk-form", "unjunk", "Отмечена «не боль»")
                close("Вернуть в боли")
            } else {
                open("junk-form", "junk", "Не боль (спам, не по теме, благодарность): причина")
                html.raw("<input type=\"text\" name=\"reason\">")
                close("Исключить")
            }
            let others = report.pains.filter { $0.id != pain.id && $0.status != .vanished }
            if !others.isEmpty, decision.mergedInto == nil {
                open("merge-form", "merge", "Объединить с этой болью (выберите одну или несколько)")
                html.raw("<select name=\"sources\" multiple size=\"5\">")
                for other in others {
                    html.raw("<option value=\"\(HTMLBuffer.escape(other.id))\">")
                    html.text("\(other.id) · \(clean(other.title)) (\(other.count))")
                    html.raw("</option>")
                }
                html.raw("</select>")
                close("Объединить")
            }
            open("comment-form", "comment", "Комментарий")
            html.raw("<textarea name=\"text\"></textarea>")
            close("Добавить")
            open("move-form", "move", "Перенести отмеченные ниже записи в жизненную ситуацию")
            html.raw("<select name=\"situation\"><option value=\"\">Не определена</option>")
            for option in configuration.lifeSituations.situations where option.id != situation {
                html.raw("<option value=\"\(HTMLBuffer.escape(option.id))\">")
                html.text(option.name)
                html.raw("</option>")
            }
            html.raw("</select>")
            close("Перенести")
            html.raw(
                "<form class=\"decision\" id=\"render-form\" method=\"post\" action=\"\(action)/render\">"
            )
            html.raw(WorkspacePage.csrfField(visitor.session.csrf))
            html.raw(
                "<label>Отчёты региона из сохранённых болей и решений (без перекластеризации)</label>"
            )
            html.raw("<button class=\"primary\" type=\"submit\">Перестроить отчёты</button></form>")
            html.raw("</div></div>")
            return DecisionPanel(title: decision.title, markup: html, canMoveRecords: true)
        }

        /// Applies a decision form: `POST /q/Q/R/S/P/{junk|unjunk|rename|status|assign|solution|comment|merge|move|render}`.
        ///
        /// Answers the pain's page with a confirmation (and the redactor's warnings), or with why it was refused —
        /// for a stale version, the decisions made since the version the form showed (409).
        func decide(
            _ visitor: Visitor,
            quarter: Quarter,
            region: String,
            path: [String],
            form: FormBody
        ) async throws
            -> Response
        {
            guard path.count == 3 else { throw WorkspaceHTTPError.notFound }
            let (situation, painID, verb) = (path[0], path[1], path[2])
            guard
                let report = try await catalog.report(
                    quarter: quarter.description,
                    region: region,
                    situation: situation
                ),
                report.pains.contains(where: { $0.id == painID })
            else { throw WorkspaceHTTPError.notFound }
            let key = Self.decisionKey(quarter, region, situation, painID)
            let actor = visitor.user.name
            let expect = form["version"].flatMap { Int($0) }
            var flash = PageFlash()
            var status = HTTPResponse.Status.ok
            // The pain's first page, with the flash and the status the decision left.
            func answer() async throws -> Response {
                try await painPage(
                    visitor,
                    quarter: quarter,
                    region: region,
                    situation: situation,
                    painID: painID,
                    page: 1,
                    flash: flash,
                    status: status
                )
            }
            do {
                let outcome: ReviewOutcome
                switch verb {
                case "junk":
                    outcome = try await review.junk(
                        key,
                        reason: form.text("reason"),
                        actor: actor,
                        expect: expect
                    )
                case "unjunk": outcome = try await review.unjunk(key, actor: actor, expect: expect)
                case "rename":
                    outcome = try await review.rename(
                        key,
                        title: form.text("title"),
                        actor: actor,
                        expect: expect
                    )
                case "status":
                    guard let next = ReviewStatus(rawValue: form.text("status")) else {
                        throw LocatedFailure.reviewInvalid("неизвестный статус")
                    }
                    outcome = try await review.setStatus(key, to: next, actor: actor, expect: expect)
                case "assign":
                    outcome = try await review.assign(
                        key,
                        body: form.text("body"),
                        actor: actor,
                        expect: expect
                    )
                case "solution":
                    let due = form["due"].flatMap { $0.isEmpty ? nil : $0 }
                    outcome = try await review.setSolution(
                        key,
                        solution: form["text"],
                        due: due,
                        actor: actor,
                        expect: expect
                    )
                case "comment":
                    outcome = try await review.comment(
                        key,
                        text: form.text("text"),
                        actor: actor,
                        expect: expect
                    )
                case "merge":
                    let sources = form.all("sources").map { "\(situation)/\($0)" }
                    var expected: [String: Int] = [:]
                    if let expect { expected[key.painID] = expect }
                    outcome = try await review.merge(
                        into: key,
                        sources: sources,
                        actor: actor,
                        expect: expected
                    )
                case "move":
                    let records = form.all("records").compactMap { Int64($0) }.map { RecordID(rawValue: $0) }
                    outcome = try await review.split(
                        key,
                        records: records,
                        toSituation: form.text("situation"),
                        actor: actor,
                        expect: expect
                    )
                case "render":
                    let written = try await RenderJob(store: store, logger: logger, privacy: configuration.privacy).run(
                        quarter: quarter,
                        regions: [region],
                        outputDirectory: options.reportsDirectory
                    )
                    flash.notice =
                        "Отчёты региона \(region) перестроены из сохранённых болей и решений: "
                        + "\(written[region]?.count ?? 0) файлов."
                    logger.info(
                        "Workspace re-render",
                        metadata: ["workspace.user": "\(actor)", "workspace.region": "\(region)"]
                    )
                    return try await answer()
                default: throw WorkspaceHTTPError.notFound
                }
                flash.notice =
                    "Решение сохранено: \(outcome.entries.map { $0.kind.russianName }.joined(separator: ", "))."
                flash.warnings = outcome.warnings
                logger.info(
                    "Workspace decision",
                    metadata: [
                        "workspace.user": "\(actor)", "workspace.pain": "\(key)",
                        "workspace.decision": "\(verb)",
                    ]
                )
            } catch let failure as LocatedFailure where failure.staleDecision != nil {
                guard let stale = failure.staleDecision else { throw failure }
                status = .conflict
                flash.error =
                    "Боль изменилась, пока вы смотрели страницу: форма была по версии \(stale.expectedVersion), "
                    + "сейчас \(stale.currentVersion). Решение не сохранено; ниже — что изменилось, форма показывает текущее состояние."
                flash.changes = stale.changes.map { entry in
                    let after = entry.after.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                        .joined(separator: "; ")
                    return
                        "версия \(entry.version): \(entry.kind.russianName) — \(entry.actor), \(entry.at): \(after)"
                }
            } catch let error as LocatedFailure where error.code == .reviewNotFound || error.code == .reviewInvalid {
                status = error.code == .reviewNotFound ? .notFound : .badRequest
                flash.error = "Решение не сохранено: \(error.message)."
            } catch let leak as PersonalDataLeak {
                status = .conflict
                flash.error =
                    "Отчёты не перестроены: проверка нашла персональные данные (\(leak.findings.count)); подробности в журнале."
                for finding in leak.findings {
                    logger.error(
                        "Workspace re-render refused by the leak gate",
                        metadata: [
                            "workspace.record": "\(finding.recordID?.description ?? "-")",
                            "workspace.type": "\(finding.type.rawValue)",
                        ]
                    )
                }
            }
            return try await answer()
        }

        /// The region-quarter's decision log, oldest first: who, when, what before, what after.
        func auditPage(_ visitor: Visitor, quarter: Quarter, region: String) async throws -> Response {
            let leakGuard = try await catalog.leakGuard(quarter: quarter, region: region)
            var page = frame("Журнал решений · \(region) · \(quarter)", visitor)
            page.crumbs = [
                ("Кварталы", "/"), (quarter.description, "/q/\(quarter)"),
                (region, Self.regionPath(quarter, region)), ("журнал", nil),
            ]
            let entries = try await review.log(region: region, quarter: quarter)
            guard !entries.isEmpty else {
                page.body.raw("<p class=\"empty\">Решений по этому региону и кварталу ещё нет.</p>")
                return send(page, guard: leakGuard, name: "/q/\(quarter)/\(region)/log")
            }
            page.body.raw(
                "<table class=\"audit\"><thead><tr><th>Когда</th><th>Кто</th><th>Боль</th><th>Решение</th>"
            )
            page.body.raw("<th class=\"num\">Версия</th><th>Было</th><th>Стало</th></tr></thead><tbody>")
            func fields(_ values: [String: String]) -> String {
                values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
            }
            for entry in entries {
                page.body.raw("<tr><td>")
                page.body.text(entry.at)
                page.body.raw("</td><td>")
                page.body.text(entry.actor)
                page.body.raw("</td><td>")
                let parts = entry.key.painID.split(separator: "/", maxSplits: 1).map(String.init)
                if parts.count == 2 {
                    page.body.raw("<a href=\"\(Self.painPath(quarter, region, parts[0], parts[1]))\">")
                    page.body.text(entry.key.painID)
                    page.body.raw("</a>")
                } else {
                    page.body.text(entry.key.painID)
                }
                page.body.raw("</td><td>")
                page.body.text(entry.kind.russianName)
                page.body.raw("</td><td class=\"num\">\(entry.version)</td><td>")
                page.body.text(leakGuard.clean(fields(entry.before), record: nil, logger: logger))
                page.body.raw("</td><td>")
                page.body.text(leakGuard.clean(fields(entry.after), record: nil, logger: logger))
                page.body.raw("</td></tr>")
            }
            page.body.raw("</tbody></table>")
            return send(page, guard: leakGuard, name: "/q/\(quarter)/\(region)/log")
        }
    }
#endif
