public import PainmapCore
import PainmapPrivacy

extension ReportGate {
    /// Scans one HTML page the way ``inspect(_:relativeTo:references:)`` scans a rendered report: the text a reader
    /// sees (tags dropped, entities decoded), segment by segment, for recorded identifiers and structured patterns.
    ///
    /// The analysts' workspace (`painmap serve`) passes every page through this before it is sent.
    /// - Parameters:
    ///   - html: The page's markup.
    ///   - name: What the findings name as the file (the page's path).
    /// - Returns: The findings; empty when the page may be shown.
    public func inspect(page html: String, name: String) -> [PersonalDataLeak.Finding] {
        var seen = Set<LeakScanner.Leak>()
        var findings: [PersonalDataLeak.Finding] = []
        for segment in LeakScanner.segments(Self.markupText(html)) {
            for leak in scanner.scan(String(segment)) where seen.insert(leak).inserted {
                findings.append(
                    PersonalDataLeak.Finding(file: name, type: leak.type, recordID: leak.recordID, masked: leak.masked)
                )
            }
        }
        return findings
    }
}
