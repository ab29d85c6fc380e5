public import Foundation
public import PainmapCore
import PainmapPrivacy
import ZIPFoundation

/// The zero-leak gate (issue 6): after rendering and before any file is renamed into place, every report file is
/// scanned for the identifiers the redactor recorded at ingest and for structured personal data.
///
/// A region with a hit
/// is not written at all; the run goes on with the next region and ends with ``PersonalDataLeak``.
///
/// Files are scanned as a reader sees them: HTML and the workbook's XML without tags and with entities decoded, JSON
/// with string escapes decoded, CSV and Markdown as written.
public struct ReportGate: Sendable {
    let scanner: LeakScanner

    /// Creates a gate over the identifiers the redactor recorded.
    ///
    /// - Parameters:
    ///   - identifiers: What the redactor recorded at ingest for the records the files may quote.
    ///   - privacy: Its public numbers (`Config/privacy.yaml`) are never flagged.
    public init(identifiers: [RedactedIdentifier], privacy: PrivacyConfiguration = .default) {
        scanner = LeakScanner(identifiers: identifiers, redactor: Redactor(privacy: privacy))
    }

    /// The leaks in a set of rendered files.
    ///
    /// - Parameters:
    ///   - files: The rendered files.
    ///   - root: The output directory, for the names in findings.
    ///   - references: The record ids the files quote (not personal data, even when they look like numbers that are).
    /// - Returns: One finding per identifier and file, in file order.
    public func inspect(_ files: [ReportTreeWriter.PendingFile], relativeTo root: URL, references: Set<String> = [])
        -> [PersonalDataLeak.Finding]
    {
        // The formats repeat the same titles, quotes and names: each distinct segment is scanned once.
        var cache: [Substring: [LeakScanner.Leak]] = [:]
        var findings: [PersonalDataLeak.Finding] = []
        for file in files {
            let text = Self.visibleText(file.data, fileExtension: file.url.pathExtension.lowercased())
            let name = Self.relativePath(file.url, to: root)
            var seen = Set<LeakScanner.Leak>()
            for segment in LeakScanner.segments(text) {
                let leaks: [LeakScanner.Leak]
                if let known = cache[segment] {
                    leaks = known
                } else {
                    leaks = scanner.scan(String(segment), ignoring: references)
                    cache[segment] = leaks
                }
                for leak in leaks where seen.insert(leak).inserted {
                    findings.append(
                        PersonalDataLeak.Finding(
                            file: name,
                            type: leak.type,
                            recordID: leak.recordID,
                            masked: leak.masked
                        )
                    )
                }
            }
        }
        return findings
    }

    /// What a reader of the file sees.
    static func visibleText(_ data: Data, fileExtension: String) -> String {
        switch fileExtension {
        case "html", "htm": return markupText(String(decoding: data, as: UTF8.self))
        case "json": return jsonText(String(decoding: data, as: UTF8.self))
        case "xlsx": return workbookText(data)
        default: return String(decoding: data, as: UTF8.self)
        }
    }

    /// Inline elements become a space and every other tag a line break (text in separate cells or blocks never
    /// reads as one run, so adjacent numbers do not join into something that looks like a СНИЛС); entities are decoded.
    ///
    /// Works on the UTF-8 bytes: `<` and `>` are single bytes, so the text between tags is copied as it is; a tag whose
    /// name is not plain ASCII is named as ``markupTextByScalars(_:)`` names it.
    static func markupText(_ markup: String) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(markup.utf8.count)
        var tag: [UInt8] = []
        var inTag = false
        for byte in markup.utf8 {
            if byte == UInt8(ascii: "<") {
                inTag = true
                tag.removeAll(keepingCapacity: true)
            } else if byte == UInt8(ascii: ">"), inTag {
                inTag = false
                text.append(isInline(tag: tag) ? UInt8(ascii: " ") : UInt8(ascii: "\n"))
            } else if inTag {
                tag.append(byte)
            } else {
                text.append(byte)
            }
        }
        return decodeEntities(String(decoding: text, as: UTF8.self))
    }

    /// Whether a tag's contents (between `<` and `>`) name an inline element: its name is the lower-cased letters and
    /// digits after any leading `/`.
    ///
    /// An ASCII name is compared packed into an integer (every inline element's name has at most eight letters).
    static func isInline(tag: [UInt8]) -> Bool {
        var start = 0
        while start < tag.count, tag[start] == UInt8(ascii: "/") { start += 1 }
        var packed: UInt64 = 0
        var length = 0
        var end = start
        loop: while end < tag.count {
            var byte = tag[end]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                break
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                byte += 32
            case 0x80...:
                // A non-ASCII letter, a mark joining the name's last letter: name it by characters.
                return inlineElements.contains(scalarTagName(String(decoding: tag, as: UTF8.self)))
            default:
                break loop
            }
            if length < 8 { packed = packed << 8 | UInt64(byte) }
            length += 1
            end += 1
        }
        return length <= 8 && inlineNames.contains(packed)
    }

    /// ``inlineElements`` packed as ``isInline(tag:)`` packs a name.
    static let inlineNames: Set<UInt64> = Set(
        inlineElements.map { name in name.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
    )

    /// A tag's name as characters: lower-cased, leading `/` dropped, letters and digits up to the first other character.
    static func scalarTagName(_ tag: String) -> String {
        String(tag.lowercased().drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }))
    }

    /// ``markupText(_:)`` scalar by scalar, as first written: the reference the byte version is tested against.
    static func markupTextByScalars(_ markup: String) -> String {
        var text = String.UnicodeScalarView()
        var tag = String.UnicodeScalarView()
        var inTag = false
        for scalar in markup.unicodeScalars {
            if scalar == "<" {
                inTag = true
                tag = String.UnicodeScalarView()
            } else if scalar == ">", inTag {
                inTag = false
                text.append(inlineElements.contains(scalarTagName(String(tag))) ? " " : "\n")
            } else if inTag {
                tag.append(scalar)
            } else {
                text.append(scalar)
            }
        }
        return decodeEntities(String(text))
    }

    /// Elements that flow inside a line of text.
    static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "code", "em", "i", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u",
        "wbr", "time",
    ]

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(10).firstIndex(of: ";") else {
                output += "&"
                rest = after
                continue
            }
            let name = after[..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}"]
            if let value = named[String(name)] {
                output += value
            } else if name.hasPrefix("#x"), let code = UInt32(name.dropFirst(2), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                output.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                output.unicodeScalars.append(scalar)
            } else {
                output += "&" + name + ";"
            }
            rest = after[after.index(after: semicolon)...]
        }
        output += rest
        return output
    }

    /// JSON string escapes decoded (`\"`, `\\`, `\/`, `\n`, `\uXXXX`), so escaped text reads as plain text.
    static func jsonText(_ json: String) -> String {
        guard json.contains("\\") else { return json }
        var output = String.UnicodeScalarView()
        var scalars = json.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\", let next = scalars.next() else {
                output.append(scalar)
                continue
            }
            switch next {
            case "n", "r", "t": output.append(" ")
            case "u":
                var hex = ""
                for _ in 0..<4 { if let digit = scalars.next() { hex.unicodeScalars.append(digit) } }
                if let code = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(code) { output.append(decoded) }
            default: output.append(next)
            }
        }
        return String(output)
    }

    /// The text of every XML part of a workbook; an unreadable workbook yields its raw bytes, so it is never skipped.
    static func workbookText(_ data: Data) -> String {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            return String(decoding: data, as: UTF8.self)
        }
        var parts: [String] = []
        for entry in archive where entry.type == .file && entry.path.hasSuffix(".xml") {
            var bytes = Data()
            _ = try? archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            parts.append(markupText(String(decoding: bytes, as: UTF8.self)))
        }
        return parts.joined(separator: "\n")
    }

    /// The record ids a region's reports quote, with and without their `source:` prefix.
    public static func references(in reports: [PainMapReport]) -> Set<String> {
        var result = Set<String>()
        for report in reports {
            for pain in report.pains {
                for quote in pain.quotes {
                    result.insert(quote.recordID)
                    if let colon = quote.recordID.firstIndex(of: ":") {
                        result.insert(String(quote.recordID[quote.recordID.index(after: colon)...]))
                    }
                }
            }
        }
        return result
    }

    static func relativePath(_ url: URL, to root: URL) -> String {
        let base = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}
