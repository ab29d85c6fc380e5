#if Workspace
    import Foundation
    import HTTPTypes
    import Hummingbird
    import NIOCore
    import Logging
    import PainmapCore
    import PainmapReview

    /// Answers every request of the workspace: static style sheet, login and logout, then — for a live session —
    /// pages scoped to the account's regions and the forms, each checked for the session's CSRF token.
    ///
    /// Routes (`Q` a quarter, `R` a region code, `S` a life situation id, `P` a pain id):
    /// `GET /`, `GET /q/Q`, `GET /q/Q/R`, `GET /q/Q/R/S`, `GET /q/Q/R/S/P?page=N`, `GET /q/Q/R/log`,
    /// `GET /search?q=…`, `GET|POST /login`, `POST /logout`; another region's pages answer 404.
    struct WorkspaceResponder: HTTPResponder {
        typealias Context = WorkspaceRequestContext

        let users: any WorkspaceUserStore
        let catalog: WorkspaceCatalog
        let sessions: SessionStore
        let throttle: LoginThrottle
        let options: WorkspaceOptions
        let logger: Logger
        let styleSheet: String
        /// The store, for re-rendering a region's reports from its stored pains and decisions.
        let store: any FeedbackStore
        /// Decisions on pains (the same service as `painmap review`).
        let review: ReviewService
        let configuration: PainmapConfiguration

        static let sessionCookie = "pm_session"
        static let loginCookie = "pm_login"

        /// A logged-in account and its session.
        struct Visitor: Sendable {
            let user: WorkspaceUser
            let session: WorkspaceSession
        }

        func respond(to request: Request, context: Context) async throws -> Response {
            do {
                return try await route(request, context: context)
            } catch let error as WorkspaceHTTPError {
                var response = errorPage(error)
                if let wait = error.retryAfter { response.headers[.retryAfter] = "\(wait)" }
                return response
            } catch {
                logger.error("Workspace request failed", metadata: ["workspace.error": "\(type(of: error))"])
                return errorPage(
                    WorkspaceHTTPError(
                        status: .internalServerError,
                        message: "Внутренняя ошибка; подробности в журнале."
                    )
                )
            }
        }

        private func route(_ request: Request, context: Context) async throws -> Response {
            let path = request.uri.path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
            let isPost = request.method == .post
            guard request.method == .get || request.method == .head || isPost else { throw WorkspaceHTTPError.notFound }
            switch (isPost, path) {
            case (false, ["static", "workspace.css"]): return WorkspaceResponse.css(styleSheet)
            case (false, ["favicon.ico"]): return WorkspaceResponse.secured(Response(status: .noContent))
            case (false, ["login"]): return loginPage(request, message: nil)
            case (true, ["login"]): return try await login(request, context: context)
            default: break
            }
            guard let visitor = try await visitor(request) else {
                if isPost { throw WorkspaceHTTPError.missingToken }
                return WorkspaceResponse.redirect("/login")
            }
            if isPost {
                let form = try await formBody(request)
                guard let token = form["_csrf"], SessionStore.matches(token, visitor.session.csrf) else {
                    logger.warning(
                        "Workspace refused a form without a valid CSRF token",
                        metadata: ["workspace.user": "\(visitor.user.name)", "workspace.path": "\(request.uri.path)"]
                    )
                    throw WorkspaceHTTPError.missingToken
                }
                return try await post(path: path, form: form, visitor: visitor, request: request)
            }
            let query = FormBody(request.uri.query ?? "")
            switch path {
            case []: return try await homePage(visitor)
            case ["search"]: return try await searchPage(visitor, query: query["q"] ?? "")
            case let p where p.count >= 2 && p[0] == "q":
                guard let quarter = Quarter(p[1]) else { throw WorkspaceHTTPError.notFound }
                if p.count == 2 { return try await quarterPage(visitor, quarter: quarter) }
                let region = p[2]
                guard visitor.user.mayRead(region: region) else { throw WorkspaceHTTPError.notFound }
                switch p.count {
                case 3: return try await regionPage(visitor, quarter: quarter, region: region)
                case 4 where p[3] == "log": return try await auditPage(visitor, quarter: quarter, region: region)
                case 4: return try await situationPage(visitor, quarter: quarter, region: region, situation: p[3])
                case 5:
                    let page = Int(query["page"] ?? "1") ?? 1
                    return try await painPage(
                        visitor,
                        quarter: quarter,
                        region: region,
                        situation: p[3],
                        painID: p[4],
                        page: page
                    )
                default: throw WorkspaceHTTPError.notFound
                }
            default: throw WorkspaceHTTPError.notFound
            }
        }

        private func post(path: [String], form: FormBody, visitor: Visitor, request: Request) async throws -> Response {
            switch path {
            case ["logout"]:
                await sessions.remove(token: visitor.session.token)
                logger.info("Workspace logout", metadata: ["workspace.user": "\(visitor.user.name)"])
                var response = WorkspaceResponse.redirect("/login")
                response.headers.append(
                    HTTPField(
                        name: .setCookie,
                        value: WorkspaceResponse.cookie(
                            name: Self.sessionCookie,
                            value: "",
                            secure: isSecure(request),
                            maxAge: 0
                        )
                    )
                )
                return response
            case let p where p.count >= 3 && p[0] == "q":
                guard let quarter = Quarter(p[1]), visitor.user.mayRead(region: p[2]) else {
                    throw WorkspaceHTTPError.notFound
                }
                guard visitor.user.mayEdit(region: p[2]) else {
                    throw WorkspaceHTTPError.forbidden(
                        "Учётная запись «\(visitor.user.name)» может только читать этот регион."
                    )
                }
                return try await decide(
                    visitor,
                    quarter: quarter,
                    region: p[2],
                    path: Array(p.dropFirst(3)),
                    form: form
                )
            default: throw WorkspaceHTTPError.notFound
            }
        }

        // MARK: Sessions

        /// The account of the request's session cookie; `nil` without a live session or for a disabled account.
        func visitor(_ request: Request) async throws -> Visitor? {
            guard let token = request.cookies[Self.sessionCookie]?.value, !token.isEmpty,
                let session = await sessions.session(token: token)
            else { return nil }
            guard let user = try await users.workspaceUser(named: session.user), !user.isDisabled else {
                await sessions.remove(token: token)
                return nil
            }
            return Visitor(user: user, session: session)
        }

        func formBody(_ request: Request) async throws -> FormBody {
            let buffer = try await request.body.collect(upTo: 256 * 1024)
            return FormBody(String(buffer: buffer))
        }

        /// Whether cookies get `Secure`: always with `--secure-cookies`, or when the proxy says the client used HTTPS.
        func isSecure(_ request: Request) -> Bool {
            options.secureCookies || (options.behindProxy && request.headers[.xForwardedProto] == "https")
        }

        /// The client's address for the login limit: the peer, or behind a proxy the last `X-Forwarded-For` entry
        /// (the one the proxy itself appended).
        func clientAddress(_ request: Request, context: Context) -> String {
            if options.behindProxy, let forwarded = request.headers[.xForwardedFor],
                let last = forwarded.split(separator: ",").last
            {
                return last.trimmingCharacters(in: .whitespaces)
            }
            return context.remoteAddress?.ipAddress ?? "-"
        }

        // MARK: Pages

        /// Renders `page`, passes it through the reports' leak gate, and sends it; a page the gate still refuses is
        /// not sent (its findings are logged by record id and type).
        func send(
            _ page: WorkspacePage,
            guard leakGuard: PageLeakGuard,
            name: String,
            status: HTTPResponse.Status = .ok
        )
            -> Response
        {
            let rendered = page.render()
            let findings = leakGuard.inspect(page: rendered, name: name)
            guard findings.isEmpty else {
                for finding in findings {
                    logger.error(
                        "Workspace withheld a page the leak gate refused",
                        metadata: [
                            "workspace.path": "\(name)",
                            "workspace.record": "\(finding.recordID?.description ?? "-")",
                            "workspace.type": "\(finding.type.rawValue)",
                        ]
                    )
                }
                var withheld = WorkspacePage(title: "Страница не показана")
                withheld.user = page.user
                withheld.csrf = page.csrf
                withheld.body.raw(
                    "<p class=\"error\">Проверка на персональные данные нашла совпадения на этой странице; она не показана. Записи указаны в журнале сервера.</p>"
                )
                return WorkspaceResponse.html(withheld.render().markup, status: .internalServerError)
            }
            return WorkspaceResponse.html(rendered.markup, status: status)
        }

        func frame(_ title: String, _ visitor: Visitor) -> WorkspacePage {
            var page = WorkspacePage(title: title)
            page.user = visitor.user
            page.csrf = visitor.session.csrf
            return page
        }

        private func errorPage(_ error: WorkspaceHTTPError) -> Response {
            var page = WorkspacePage(title: error.status == .notFound ? "Не найдено" : "Запрос отклонён")
            page.crumbs = [("Главная", "/")]
            page.body.raw("<p class=\"error\">")
            page.body.text(error.message)
            page.body.raw("</p>")
            return WorkspaceResponse.html(page.render().markup, status: error.status)
        }
    }
#endif
