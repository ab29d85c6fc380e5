import Foundation
import PainmapReports
import PainmapTestSupport
import Testing

/// The report as a person sees it: rendered by headless Chromium, screenshot and DOM checked.
///
/// Runs wherever Chromium is installed (`scripts/test` installs Debian's `chromium`); with `CI` set a missing
/// browser fails the test instead of skipping it.
@Suite(.serialized) struct ChromiumRenderTests {
    static let available = Chromium.installed != nil || Chromium.isCI

    static func temporaryDirectory() throws -> URL {
        let directory = TemporaryDirectory.url("chromium")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test(.enabled(if: available, "chromium is not installed; scripts/test installs it (apt-get install chromium)"))
    func reportRendersWithTableChartAndInertPayload() throws {
        let chromium = try #require(Chromium.installed, "chromium is required in CI: scripts/setup installs it")
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("kindergarten.html")
        try ReportRenderer().render(ReportFixture.kindergarten(), as: .html).write(to: page)

        let screenshot = directory.appendingPathComponent("report.png")
        let shot = try chromium.run(
            ["--screenshot=\(screenshot.path)", "--window-size=1400,2000", page.absoluteString],
            in: directory
        )
        #expect(shot.status == 0, "chromium exited \(shot.status): \(shot.stderr.suffix(2_000))")
        let png = try #require(FileManager.default.contents(atPath: screenshot.path), "no screenshot written")
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let size = try #require(Self.pngSize(png))
        #expect(size.width == 1400 && size.height == 2000)
        #expect(png.count > 60_000, "a screenshot of \(png.count) bytes is too small to hold the report")
        #expect(Chromium.consoleProblems(in: shot.stderr) == [])

        let dump = try chromium.run(["--dump-dom", page.absoluteString], in: directory)
        #expect(dump.status == 0, "chromium exited \(dump.status): \(dump.stderr.suffix(2_000))")
        let dom = dump.stdout
        #expect(dom.contains("<table class=\"pains\">"))
        #expect(dom.components(separatedBy: "<tr class=\"top\"").count - 1 == 3)
        #expect(dom.contains("<figure class=\"chart trend-chart\"><svg"))
        #expect(dom.contains("<polyline"))
        #expect(dom.contains("<figure class=\"chart stage-chart\"><svg"))
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(dom.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!dom.lowercased().contains("<script"))
        #expect(!dom.lowercased().contains("<img"))
        #expect(Chromium.consoleProblems(in: dump.stderr) == [])
    }

    /// The console check can fail: a page with an inline script under the same policy is reported.
    @Test(.enabled(if: available, "chromium is not installed; scripts/test installs it (apt-get install chromium)"))
    func consoleCheckCatchesABlockedScript() throws {
        let chromium = try #require(Chromium.installed, "chromium is required in CI: scripts/setup installs it")
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var html = try #require(
            String(data: ReportRenderer().render(ReportFixture.benefits(), as: .html), encoding: .utf8)
        )
        html = html.replacingOccurrences(of: "</main>", with: "<script>document.title='x'</script></main>")
        let page = directory.appendingPathComponent("injected.html")
        try Data(html.utf8).write(to: page)
        let dump = try chromium.run(["--dump-dom", page.absoluteString], in: directory)
        #expect(!Chromium.consoleProblems(in: dump.stderr).isEmpty, "the CSP violation was not logged")
        #expect(!dump.stdout.contains("<title>x</title>"))
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ png: Data) -> (width: Int, height: Int)? {
        guard png.count >= 24 else { return nil }
        let bytes = Array(png[16..<24])
        let width = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[4..<8].reduce(0) { $0 << 8 | Int($1) }
        return (width, height)
    }
}
