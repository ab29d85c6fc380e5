import Foundation
public import PainmapCore
import PainmapPrivacy
import PainmapReports
import ZIPFoundation

/// The zero-leak gate (issue 6): after rendering and before any file is renamed into place, every report file is
/// scanned for the identifiers the redactor recorded at ingest and for structured personal data. A region with a hit
/// is not written at all; the run goes on with the next region and ends with ``PersonalDataLeak``.
///
/// Files are scanned as a reader sees them: HTML and the workbook's XML without tags and with entities decoded, JSON
/// with string escapes decoded, CSV and Markdown as written.
struct ReportGate: Sendable {
    let scanner: LeakScanner

    /// - Parameters:
    ///   - identifiers: What the redactor recorded at ingest for the records the files may quote.
    ///   - privacy: Its public numbers (`Config/privacy.yaml`) are never flagged.
    init(identifiers: [RedactedIdentifier], privacy: PrivacyConfiguration = .default) {
        scanner = LeakScanner(identifiers: identifiers, redactor: Redactor(privacy: privacy))
    }

    /// The leaks in a set of rendered files.
    ///
    /// - Parameters:
    ///   - files: The rendered files.
    ///   - root: The output directory, for the names in findings.
    ///   - references: The record ids the files quote (not personal data, even when they look like numbers that are).
    func inspect(_ files: [ReportTreeWriter.PendingFile], relativeTo root: URL, references: Set<String> = [])
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
    static func markupText(_ markup: String) -> String {
        var text = String.UnicodeScalarView()
        var tag = String.UnicodeScalarView()
        var inTag = false
        for scalar in markup.unicodeScalars {
            if scalar == "<" {
                inTag = true
                tag = String.UnicodeScalarView()
            } else if scalar == ">", inTag {
                inTag = false
                let name = String(tag).lowercased().drop(while: { $0 == "/" }).prefix(while: {
                    $0.isLetter || $0.isNumber
                })
                text.append(inlineElements.contains(String(name)) ? " " : "\n")
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
        guard let archive = try? Archive(data: data, accessMode: .read) else {
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
    static func references(in reports: [PainMapReport]) -> Set<String> {
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

/// Reports were not written because they would have shown personal data (exit 65).
public struct PersonalDataLeak: PainmapFailure {
    /// One identifier in one file that would have been written.
    public struct Finding: Sendable, Hashable {
        /// The file, relative to the output directory.
        public var file: String
        /// The identifier's type.
        public var type: PersonalDataType
        /// The record it was redacted from at ingest; `nil` when only its pattern gave it away.
        public var recordID: RecordID?
        /// The identifier masked but for its last two characters.
        public var masked: String
    }

    /// Every finding, in file order.
    public var findings: [Finding]

    /// Creates the failure.
    public init(findings: [Finding]) {
        self.findings = findings
    }

    public var description: String {
        var lines = [
            "ошибка: отчёты не записаны: в них попали бы персональные данные (152-ФЗ); прежние версии отчётов не тронуты"
        ]
        for finding in findings.prefix(20) {
            let origin =
                finding.recordID.map {
                    "из записи #\($0.rawValue) (номер в хранилище; в ней они были скрыты при загрузке)"
                }
                ?? "не найдено среди скрытых при загрузке — вероятно, в поле, которое не проходит обезличивание"
            lines.append("  \(finding.file): \(finding.type.russianName) \(finding.masked) — \(origin)")
        }
        if findings.count > 20 { lines.append("  … и ещё \(findings.count - 20)") }
        lines.append(
            "Проверьте, какие поля выгрузки попадают в отчёт (ведомство, категория), уберите из них персональные данные "
                + "или добавьте поле в drop в Config/feeds.yaml, загрузите выгрузку заново и повторите painmap run."
        )
        return lines.joined(separator: "\n")
    }

    public var exitStatus: ExitStatus { .dataError }
}
