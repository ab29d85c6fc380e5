#if Workspace
    import Logging

    /// What a page says about the form just sent: a confirmation, redaction warnings, or why it was refused (with
    /// what changed meanwhile, for a stale version).
    struct PageFlash: Sendable {
        var notice: String?
        var warnings: [String] = []
        var error: String?
        var changes: [String] = []

        func render(into html: inout HTMLBuffer, leakGuard: PageLeakGuard, logger: Logger) {
            if let error {
                html.raw("<div class=\"error\" id=\"decision-error\"><p>")
                html.text(error)
                html.raw("</p>")
                if !changes.isEmpty {
                    html.raw("<ul>")
                    for change in changes {
                        html.raw("<li>")
                        html.text(leakGuard.clean(change, record: nil, logger: logger))
                        html.raw("</li>")
                    }
                    html.raw("</ul>")
                }
                html.raw("</div>")
            }
            if let notice {
                html.raw("<p class=\"ok\" id=\"notice\">")
                html.text(notice)
                html.raw("</p>")
            }
            for warning in warnings {
                html.raw("<p class=\"notice redaction-warning\">")
                html.text(warning)
                html.raw("</p>")
            }
        }
    }
#endif
