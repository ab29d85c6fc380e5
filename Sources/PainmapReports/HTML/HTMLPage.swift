/// The shell every painmap HTML page shares: doctype, language, the Content-Security-Policy and the style sheet.
enum HTMLPage {
    /// No script, frame, font, connection or form is allowed; styles only inline; images only as `data:` URIs.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    /// Opens a page with the given `<title>` (escaped) and the shared styles, up to and including `<main>`.
    static func open(title: String, into html: inout HTMLText) {
        html.raw("<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.raw("<meta name=\"generator\" content=\"painmap\">\n<title>")
        html.text(title)
        html.raw("</title>\n<style>\n")
        html.raw(HTMLStyle.sheet)
        html.raw("</style>\n</head>\n<body>\n<main>\n")
    }

    /// Writes the footer line and closes the page.
    static func close(generatedAt: String, schemaVersion: Int, into html: inout HTMLText) {
        html.raw("<footer>Сформировано ")
        html.text(RussianDateFormat.timestamp(generatedAt))
        html.raw(" · painmap · схема данных v\(schemaVersion)</footer>\n</main>\n</body>\n</html>\n")
    }
}
