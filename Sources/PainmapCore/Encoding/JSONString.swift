/// JSON string literals for the JSON painmap writes by hand (sample feeds, the redaction dump), where `JSONEncoder`'s
/// key order and escaping of `/` would not give the bytes wanted.
public enum JSONString {
    /// `value` as a JSON string literal (RFC 8259 §7): quotes, backslashes and control characters escaped
    /// (`\n`, `\r`, `\t`, else `\u00XX`), everything else as is.
    ///
    /// - Parameter value: The text.
    /// - Returns: The literal, quotes included.
    public static func literal(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
