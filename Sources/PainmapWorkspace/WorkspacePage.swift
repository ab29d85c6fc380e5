#if Workspace
    import PainmapCore
    import PainmapReports

    /// The frame every workspace page shares: head (style sheet by URL, no inline style or script), the account bar with
    /// search and logout, breadcrumbs, the run that produced the page, and the body.
    struct WorkspacePage: Sendable {
        var title: String
        var crumbs: [(label: String, href: String?)] = []
        var user: WorkspaceUser?
        var csrf: String?
        /// «Построено запуском …»: when the reports shown were generated and under which configuration.
        var runNote: String?
        var body = HTMLBuffer()

        init(title: String) {
            self.title = title
        }

        /// The page's markup, with the text a reader sees (``HTMLBuffer/visibleText``).
        func render() -> HTMLBuffer {
            var html = HTMLBuffer()
            html.raw("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">")
            html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            html.raw("<title>")
            html.text(title + " — рабочее место «Карты болей»")
            html.raw("</title><link rel=\"stylesheet\" href=\"/static/workspace.css\"></head><body>")
            if let user {
                html.raw("<nav class=\"bar\"><a class=\"home\" href=\"/\">Карта болей · рабочее место</a>")
                html.raw("<form class=\"search\" method=\"get\" action=\"/search\">")
                html.raw(
                    "<input type=\"search\" name=\"q\" placeholder=\"Поиск по болям\" aria-label=\"Поиск по болям\">"
                )
                html.raw("<button type=\"submit\">Найти</button></form>")
                html.raw("<span class=\"who\">")
                html.text("\(user.name) · \(user.role.russianName)")
                if user.role != .admin {
                    html.text(" · регионы \(user.regions.joined(separator: ", "))")
                }
                html.raw("</span>")
                if let csrf {
                    html.raw("<form class=\"logout\" method=\"post\" action=\"/logout\">")
                    html.raw(Self.csrfField(csrf))
                    html.raw("<button type=\"submit\" id=\"logout\">Выйти</button></form>")
                }
                html.raw("</nav>")
            }
            html.raw("<main><header class=\"page\">")
            if !crumbs.isEmpty {
                html.raw("<div class=\"crumbs\">")
                for (offset, crumb) in crumbs.enumerated() {
                    if offset > 0 { html.raw(" · ") }
                    if let href = crumb.href {
                        html.raw("<a href=\"\(HTMLBuffer.escape(href))\">")
                        html.text(crumb.label)
                        html.raw("</a>")
                    } else {
                        html.text(crumb.label)
                    }
                }
                html.raw("</div>")
            }
            html.raw("<h1>")
            html.text(title)
            html.raw("</h1>")
            if let runNote {
                html.raw("<p class=\"sub run\">")
                html.text(runNote)
                html.raw("</p>")
            }
            html.raw("</header>")
            html.append(body)
            html.raw("</main></body></html>\n")
            return html
        }

        /// The hidden field carrying the session's CSRF token.
        static func csrfField(_ token: String) -> String {
            "<input type=\"hidden\" name=\"_csrf\" value=\"\(HTMLBuffer.escape(token))\">"
        }

        /// The workspace's style sheet: the reports' sheet plus the bar, forms, notices and pager.
        static let styleSheet =
            ReportStyleSheet.css + """

                nav.bar{display:flex;flex-wrap:wrap;align-items:center;gap:10px 18px;padding:10px 32px;\
                background:var(--ink);color:#fff;font-size:13px}
                nav.bar a{color:#fff;text-decoration:none;font-weight:700}
                nav.bar .who{margin-left:auto;color:#cfd6df}
                nav.bar form{margin:0;display:flex;gap:6px}
                nav.bar input{padding:4px 8px;border:0;border-radius:4px;min-width:16em}
                button{font:inherit;padding:4px 12px;border:1px solid var(--line);border-radius:4px;background:#fff;\
                cursor:pointer}
                button.primary{background:var(--accent);color:#fff;border-color:var(--accent)}
                form.decision{border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:0 0 12px;\
                background:var(--soft)}
                form.decision label{display:block;font-size:12px;color:var(--muted);margin:4px 0 2px}
                form.decision input[type=text],form.decision textarea,form.decision select{width:100%;\
                font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:4px;background:#fff}
                form.decision textarea{min-height:4em}
                .notice{border-left:4px solid #d97706;background:#fff7e6;padding:8px 12px;margin:0 0 14px}
                .error{border-left:4px solid var(--up);background:#fdecec;padding:8px 12px;margin:0 0 14px}
                .ok{border-left:4px solid var(--down);background:#e8f7ee;padding:8px 12px;margin:0 0 14px}
                .pager{display:flex;gap:14px;margin:10px 0;font-size:13px}
                .records td.text{white-space:pre-wrap;overflow-wrap:anywhere}
                .login{max-width:360px}
                .login label{display:block;margin:10px 0 4px;color:var(--muted);font-size:13px}
                .login input{width:100%;padding:6px 8px;font:inherit;border:1px solid var(--line);border-radius:4px}
                .login button{margin-top:14px}
                .run{font-size:12.5px}
                """
    }
#endif
