public import Foundation
import PainmapCore

/// Hostile files too large to commit (10–20 MB each), written on demand into a temporary directory by the hostile
/// ingest tests and by anyone measuring time and memory on them.
///
/// Deterministic: the same bytes every time.
///
/// | file | layout | what | expected |
/// | --- | --- | --- | --- |
/// | `pos_10mb_field.csv` | pos-csv | row 2 holds a 10 MB text field | rows 1, 3 stored; row 2 `field_too_long` |
/// | `pos_1m_columns.csv` | pos-csv | a header of 1,000,000 columns | rejected, `wrong_field_count` |
/// | `pos_quote_bomb_20mb.csv` | pos-csv | an unterminated quote opens row 2, then 20 MB of rows | row 1 stored; one `unterminated_quote` row |
/// | `pos_deep_100k.json` | pos-json | element 0 nested 100,000 levels | element 0 `too_deep`, element 1 stored |
/// | `pos_10mb_string.json` | pos-json | element 0 holds a 10 MB string | element 0 `field_too_long`, element 1 stored |
/// | `site_huge_shared_strings.xlsx` | site-xlsx | 1,000,001 shared strings (cap 1,000,000) | rejected, `zip_bomb` |
public enum LargeHostileFiles {
    /// The file names, in the order ``write(to:)`` writes them.
    public static let names = [
        "pos_10mb_field.csv", "pos_1m_columns.csv", "pos_quote_bomb_20mb.csv", "pos_deep_100k.json",
        "pos_10mb_string.json",
        "site_huge_shared_strings.xlsx",
    ]

    /// Writes every file into `directory` (created if needed).
    ///
    /// - Parameter directory: Where the files go.
    /// - Returns: The written files' URLs, in ``names`` order.
    /// - Throws: A file-system error when a file cannot be written.
    public static func write(to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var urls: [URL] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            try Data(bytes(of: name)).write(to: url)
            urls.append(url)
        }
        return urls
    }

    static func bytes(of name: String) -> [UInt8] {
        let header = HostileFiles.header
        switch name {
        case "pos_10mb_field.csv":
            let text = String(repeating: "очередь не двигается ", count: 10_000_000 / 38)
            return HostileFiles.csv([
                header, HostileFiles.row(303_000_001), HostileFiles.row(303_000_002, text: text),
                HostileFiles.row(303_000_003),
            ])
        case "pos_1m_columns.csv":
            var line = (0..<1_000_000).map { "c\($0)" }.joined(separator: ";")
            line += "\r\n" + HostileFiles.row(303_000_011) + "\r\n"
            return Array(line.utf8)
        case "pos_quote_bomb_20mb.csv":
            var out = Array(([header, HostileFiles.row(303_000_021)].joined(separator: "\r\n") + "\r\n\"").utf8)
            let filler = Array((HostileFiles.row(303_000_022) + "\r\n").utf8)
            while out.count < 20_000_000 { out += filler }
            return out
        case "pos_deep_100k.json":
            let depth = 100_000
            return Array(
                ("{\"content\": [" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + ", "
                    + HostileFiles.jsonElement(319_100_001) + "]}\n").utf8
            )
        case "pos_10mb_string.json":
            let text = String(repeating: "нет воды ", count: 10_000_000 / 16)
            return Array(
                ("[" + HostileFiles.jsonElement(319_100_011, text: text) + ", " + HostileFiles.jsonElement(319_100_012)
                    + "]\n").utf8
            )
        case "site_huge_shared_strings.xlsx":
            var strings = Array(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1000001\" uniqueCount=\"1000001\">"
                    .utf8
            )
            let item = Array("<si><t>x</t></si>".utf8)
            strings.reserveCapacity(strings.count + item.count * 1_000_001 + 8)
            for _ in 0..<1_000_001 { strings += item }
            strings += Array("</sst>".utf8)
            let parts = HostileFiles.workbookParts([
                HostileFiles.siteHeader.map(HostileFiles.Cell.text), HostileFiles.siteRow(1101),
            ])
            return ZIPWriter.archive(parts + [.sample("xl/sharedStrings.xml", strings)])
        default:
            return []
        }
    }
}
