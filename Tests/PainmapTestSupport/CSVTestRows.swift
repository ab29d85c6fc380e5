/// Rows of a comma-separated text with quoted fields (quotes doubled inside), header dropped: what tests read back from
/// the generators' CSV files without depending on the ingest target's reader.
///
/// - Parameter text: The whole file.
/// - Returns: Every row after the header, as its fields.
public func csvTestRows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var previousQuote = false
    for character in text {
        if quoted {
            if character == "\"" {
                quoted = false
                previousQuote = true
            } else {
                field.append(character)
            }
            continue
        }
        switch character {
        case "\"":
            if previousQuote { field.append("\"") }
            quoted = true
        case ",":
            row.append(field)
            field = ""
        case "\n", "\r\n":
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        default:
            field.append(character)
        }
        previousQuote = false
    }
    return Array(rows.dropFirst())
}
