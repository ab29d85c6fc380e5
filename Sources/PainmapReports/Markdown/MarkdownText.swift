/// Escapes model text for GitHub-flavoured Markdown, so that citizen text shows literally.
///
/// `& < >` become character references (no raw HTML gets through), and the characters that start Markdown
/// syntax inline (`\ ` `` ` `` `* _ [ ] | #`) get a backslash. Inside table cells a line break becomes `<br>`;
/// in running text it becomes a space. Control characters are dropped.
enum MarkdownText {
    /// `value` escaped for running text.
    static func inline(_ value: String) -> String {
        escaped(value, lineBreak: " ")
    }

    /// `value` escaped for a table cell.
    static func cell(_ value: String) -> String {
        escaped(value, lineBreak: "<br>")
    }

    /// A table row from cells that are already escaped.
    static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |\n"
    }

    /// The delimiter row of a table; `true` aligns the column right.
    static func delimiter(_ rightAligned: [Bool]) -> String {
        row(rightAligned.map { $0 ? "---:" : "---" })
    }

    private static func escaped(_ value: String, lineBreak: String) -> String {
        var result = ""
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "#":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "\r": result += lineBreak
            case "\n": if !previousWasCR { result += lineBreak }
            case "\t": result += " "
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
