import Foundation
import PainmapCore
public import PainmapPrivacy

/// Every redaction of a list of texts, one JSON line per text, so that two builds of the redactor can be compared
/// byte for byte (`painmap pii-eval --dump-redactions FILE`).
///
/// A line holds the redacted text and each span's type, scalar range and normalised form; equal files mean the two
/// builds store the same texts and record the same identifiers.
public enum RedactionDump {
    /// The lines for `texts`, in order, each ending with a line feed.
    ///
    /// - Parameters:
    ///   - texts: The texts to redact.
    ///   - redactor: The redactor under test.
    /// - Returns: One JSON object per text: `{"text": …, "spans": [[type, start, end, normalized], …]}`.
    public static func lines(_ texts: [String], redactor: Redactor) -> String {
        var output = ""
        for text in texts {
            let redaction = redactor.redact(text)
            var line = "{\"text\":" + JSONString.literal(redaction.text) + ",\"spans\":["
            for (index, span) in redaction.spans.enumerated() {
                if index > 0 { line += "," }
                line +=
                    "[" + JSONString.literal(span.type.rawValue) + ",\(span.range.lowerBound),\(span.range.upperBound),"
                line += JSONString.literal(span.normalized) + "]"
            }
            output += line + "]}\n"
        }
        return output
    }
}
