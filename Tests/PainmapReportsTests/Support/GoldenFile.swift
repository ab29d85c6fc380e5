import Foundation
import PainmapTestSupport
import Testing

/// Compares rendered bytes with a committed golden file under `Tests/PainmapReportsTests/Golden/`.
///
/// With `PAINMAP_RECORD_GOLDEN=1` (or `PAINMAP_UPDATE_GOLDEN=1`) the file is (re)written and the test fails, so a
/// recording run never passes by accident; run again without it to check.
enum GoldenFile {
    static let directory = RepositoryRoot.url.appendingPathComponent("Tests/PainmapReportsTests/Golden")

    /// The golden HTML pages (an index, a situation's report, the overview), as markup to read text from.
    static func htmlPages() throws -> [String] {
        try ["index.html", "kindergarten.html", "overview.html"].map {
            try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)
        }
    }

    static var isRecording: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["PAINMAP_RECORD_GOLDEN"] == "1" || environment["PAINMAP_UPDATE_GOLDEN"] == "1"
    }

    static func check(_ actual: Data, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if isRecording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url)
            Issue.record(
                "recorded golden \(name); run again without PAINMAP_RECORD_GOLDEN",
                sourceLocation: sourceLocation
            )
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "golden \(name) is missing; create it with PAINMAP_RECORD_GOLDEN=1 swift test --filter GoldenReportTests",
                sourceLocation: sourceLocation
            )
            return
        }
        guard expected != actual else { return }
        let actualURL = FileManager.default.temporaryDirectory.appendingPathComponent(
            "painmap-golden-\(UUID())-\(name)"
        )
        try actual.write(to: actualURL)
        let message: String =
            "\(name) differs from its golden file: \(firstDifference(expected, actual)). "
            + "Inspect: diff -u \(url.path) \(actualURL.path); if the change is intended, "
            + "regenerate with PAINMAP_RECORD_GOLDEN=1 swift test --filter GoldenReportTests and review the diff."
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// The first differing line, or the byte offset for binary files.
    static func firstDifference(_ expected: Data, _ actual: Data) -> String {
        if let expectedText = String(data: expected, encoding: .utf8),
            let actualText = String(data: actual, encoding: .utf8)
        {
            let expectedLines = expectedText.components(separatedBy: "\n")
            let actualLines = actualText.components(separatedBy: "\n")
            for line in 0..<max(expectedLines.count, actualLines.count) {
                let left = line < expectedLines.count ? expectedLines[line] : "<end of file>"
                let right = line < actualLines.count ? actualLines[line] : "<end of file>"
                if left != right {
                    return "line \(line + 1): expected «\(left.prefix(160))», got «\(right.prefix(160))»"
                }
            }
        }
        let offset =
            zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expected.count, actual.count)
        return "byte \(offset) (sizes \(expected.count) and \(actual.count))"
    }
}
