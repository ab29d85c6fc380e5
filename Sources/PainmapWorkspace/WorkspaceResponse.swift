#if Workspace
    import HTTPTypes
    import Hummingbird
    import NIOCore

    extension HTTPField.Name {
        // Not among swift-http-types' predefined names; each is a valid token, so the fallback is never used.
        static let xFrameOptions = HTTPField.Name("X-Frame-Options") ?? .via
        static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .via
        static let xForwardedFor = HTTPField.Name("X-Forwarded-For") ?? .via
        static let xForwardedProto = HTTPField.Name("X-Forwarded-Proto") ?? .via
    }

    /// Responses with the workspace's security headers.
    enum WorkspaceResponse {
        /// No scripts at all, styles and images only from the workspace itself, forms only to it, no framing.
        static let contentSecurityPolicy =
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'"

        static func html(_ markup: String, status: HTTPResponse.Status = .ok) -> Response {
            var headers = HTTPFields()
            headers[.contentType] = "text/html; charset=utf-8"
            return secured(
                Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: markup)))
            )
        }

        static func css(_ sheet: String) -> Response {
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            return secured(
                Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: sheet)))
            )
        }

        /// `303 See Other` to `location` (after a POST, so a reload does not resend the form).
        static func redirect(_ location: String) -> Response {
            var headers = HTTPFields()
            headers[.location] = location
            return secured(Response(status: .seeOther, headers: headers))
        }

        static func secured(_ response: Response) -> Response {
            var response = response
            response.headers[.contentSecurityPolicy] = contentSecurityPolicy
            response.headers[.xContentTypeOptions] = "nosniff"
            response.headers[HTTPField.Name.xFrameOptions] = "DENY"
            response.headers[HTTPField.Name.referrerPolicy] = "same-origin"
            response.headers[.cacheControl] = "no-store"
            return response
        }

        /// A `Set-Cookie` value: `HttpOnly`, `SameSite=Strict`, path `/`, `Secure` when asked.
        static func cookie(name: String, value: String, secure: Bool, maxAge: Int? = nil) -> String {
            var parts = ["\(name)=\(value)", "Path=/", "HttpOnly", "SameSite=Strict"]
            if let maxAge { parts.append("Max-Age=\(maxAge)") }
            if secure { parts.append("Secure") }
            return parts.joined(separator: "; ")
        }
    }
#endif
