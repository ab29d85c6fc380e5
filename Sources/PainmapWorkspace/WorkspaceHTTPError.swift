#if Workspace
    import HTTPTypes
    import Hummingbird
    import NIOCore

    /// A request the workspace refuses, with the status and the Russian text of the error page.
    struct WorkspaceHTTPError: Error, Sendable {
        let status: HTTPResponse.Status
        let message: String
        var retryAfter: Int?

        /// Unknown page, or a region-quarter, situation or pain the account may not read (the same answer, so a
        /// user cannot tell another region's pain from a missing one).
        static let notFound = WorkspaceHTTPError(status: .notFound, message: "Страница не найдена.")

        /// A form without this session's CSRF token, or a decision the account may not make.
        static func forbidden(_ message: String) -> WorkspaceHTTPError {
            WorkspaceHTTPError(status: .forbidden, message: message)
        }

        static let missingToken = forbidden(
            "Запрос отклонён: форма пришла без действующего CSRF-токена. Обновите страницу и повторите."
        )
    }
#endif
