/// Builds HTML text in which every data value is escaped, so that citizen text cannot become markup.
///
/// Markup the renderer writes itself goes through ``raw(_:)``; everything that comes from the model goes
/// through ``text(_:)`` (element content) or ``attribute(_:_:)``, which escape `& < > " '`. Control characters
/// other than tab and line feed are dropped (an HTML parser reports them as errors), and a carriage return
/// becomes a line feed.
struct HTMLText {
    private(set) var output = ""

    init(capacity: Int = 64 * 1_024) {
        output.reserveCapacity(capacity)
    }

    /// Appends trusted markup.
    mutating func raw(_ markup: String) {
        output += markup
    }

    /// Appends `value` escaped as element content.
    mutating func text(_ value: String) {
        output += Self.escaped(value)
    }

    /// Appends ` name="value"` with `value` escaped.
    mutating func attribute(_ name: String, _ value: String) {
        output += " \(name)=\"\(Self.escaped(value))\""
    }

    /// `value` with `& < > " '` replaced by character references and control characters removed.
    static func escaped(_ value: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&#39;".unicodeScalars)
            case "\r": result.append("\n")
            case "\t", "\n": result.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{FFFE}", "\u{FFFF}": continue
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
