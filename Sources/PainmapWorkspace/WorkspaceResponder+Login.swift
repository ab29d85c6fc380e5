#if Workspace
    import Foundation
    import HTTPTypes
    import Hummingbird
    import Logging
    import NIOCore
    import PainmapCore

    extension WorkspaceResponder {
        /// A hash no password matches, verified for unknown logins so both answers take one bcrypt's time.
        static let decoyHash = PasswordHasher.hash(SessionStore.randomToken())

        /// The login form; its CSRF token is also set as a cookie (double submit: there is no session yet).
        ///
        /// A browser that already holds a login token keeps it, so a second tab (or a favicon request answered with
        /// this page) does not invalidate the form of the first.
        func loginPage(_ request: Request, message: String?, status: HTTPResponse.Status = .ok) -> Response {
            let held = request.cookies[Self.loginCookie]?.value ?? ""
            let isToken =
                held.utf8.count == 64 && held.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
            let token = isToken ? held : SessionStore.randomToken()
            var page = WorkspacePage(title: "Вход")
            page.body.raw("<form class=\"login\" method=\"post\" action=\"/login\">")
            if let message {
                page.body.raw("<p class=\"error\" id=\"login-error\">")
                page.body.text(message)
                page.body.raw("</p>")
            }
            page.body.raw(WorkspacePage.csrfField(token))
            page.body.raw("<label for=\"name\">Имя</label>")
            page.body.raw("<input id=\"name\" name=\"name\" autocomplete=\"username\" required>")
            page.body.raw("<label for=\"password\">Пароль</label>")
            page.body.raw(
                "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
            )
            page.body.raw("<button class=\"primary\" type=\"submit\" id=\"login\">Войти</button></form>")
            var response = WorkspaceResponse.html(page.render().markup, status: status)
            response.headers.append(
                HTTPField(
                    name: .setCookie,
                    value: WorkspaceResponse.cookie(name: Self.loginCookie, value: token, secure: isSecure(request))
                )
            )
            return response
        }

        /// Checks the form's token against its cookie, the login limit, then the password (bcrypt).
        func login(_ request: Request, context: Context) async throws -> Response {
            let form = try await formBody(request)
            guard let token = form["_csrf"], let cookie = request.cookies[Self.loginCookie]?.value,
                SessionStore.matches(token, cookie)
            else { throw WorkspaceHTTPError.missingToken }
            let name = form.text("name").trimmingCharacters(in: .whitespaces).lowercased()
            let password = form.text("password")
            let keys = ["user:\(name)", "address:\(clientAddress(request, context: context))"]
            if let wait = await throttle.retryAfter(keys) {
                logger.warning("Workspace login throttled", metadata: ["workspace.user": "\(name)"])
                var error = WorkspaceHTTPError(
                    status: .tooManyRequests,
                    message: "Слишком много неудачных попыток входа. Повторите через \(wait) с."
                )
                error.retryAfter = wait
                throw error
            }
            let user = try await users.workspaceUser(named: name)
            let matches = PasswordHasher.verify(password, hash: user?.passwordHash ?? Self.decoyHash)
            guard let user, matches, !user.isDisabled else {
                await throttle.recordFailure(keys)
                logger.warning("Workspace login refused", metadata: ["workspace.user": "\(name)"])
                return loginPage(request, message: "Неверное имя или пароль.", status: .unauthorized)
            }
            await throttle.reset("user:\(name)")
            let session = await sessions.create(user: user.name)
            logger.info("Workspace login", metadata: ["workspace.user": "\(user.name)"])
            var response = WorkspaceResponse.redirect("/")
            let secure = isSecure(request)
            response.headers.append(
                HTTPField(
                    name: .setCookie,
                    value: WorkspaceResponse.cookie(name: Self.sessionCookie, value: session.token, secure: secure)
                )
            )
            response.headers.append(
                HTTPField(
                    name: .setCookie,
                    value: WorkspaceResponse.cookie(name: Self.loginCookie, value: "", secure: secure, maxAge: 0)
                )
            )
            return response
        }
    }
#endif
