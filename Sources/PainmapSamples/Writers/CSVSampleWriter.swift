import PainmapCore

/// Renders rows as RFC 4180 CSV text.
///
/// Works on Unicode scalars, not `Character`s: a quote followed by a combining mark is one
/// grapheme but still a quote to every CSV reader.
struct CSVSampleWriter: Sendable {
    var delimiter: Unicode.Scalar
    var quoteAll = false
    var lineEnding = "\r\n"

    func render(header: [String], rows: [[String]]) -> String {
        var out = line(header)
        for row in rows { out += line(row) }
        return out
    }

    func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: String(Character(delimiter))) + lineEnding
    }

    func field(_ value: String) -> String {
        // Sample delimiters are ASCII (`,`, `;`, tab).
        CSVField.text(
            value,
            rule: CSVField.Rule(delimiter: UInt8(truncatingIfNeeded: delimiter.value), quotesAll: quoteAll)
        )
    }
}
