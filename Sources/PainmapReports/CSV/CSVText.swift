import PainmapCore

/// Writes CSV the way Russian-locale spreadsheet programs open it: UTF-8 with a byte-order mark, `;` between
/// fields, CRLF after every record, RFC 4180 quoting.
///
/// Quoting only: text from citizens must be passed through ``SpreadsheetText/neutralized(_:)`` first (numbers the
/// renderer formats itself, such as `-3`, must not be, or a spreadsheet would read them as text).
struct CSVText {
    /// The UTF-8 byte-order mark that makes Excel read the file as UTF-8.
    static let byteOrderMark = "\u{FEFF}"

    private(set) var output = CSVText.byteOrderMark

    /// Appends one record.
    mutating func append(_ fields: [String]) {
        output += fields.map(Self.field).joined(separator: ";")
        output += "\r\n"
    }

    /// The field, quoted when it holds `;`, `"`, CR, LF or starts or ends with a space.
    static func field(_ text: String) -> String {
        CSVField.text(text, rule: CSVField.Rule(delimiter: UInt8(ascii: ";"), quotesEdgeSpaces: true))
    }
}
