public import PainmapCore
public import PainmapPrivacy

extension ReportGate {
    /// Scans one HTML page the way ``inspect(_:relativeTo:references:)`` scans a rendered report: the text a reader
    /// sees (tags dropped, entities decoded), segment by segment, for recorded identifiers and structured patterns.
    ///
    /// The analysts' workspace (`painmap serve`) passes every page through this before it is sent.
    /// - Parameters:
    ///   - html: The page's markup.
    ///   - name: What the findings name as the file (the page's path).
    ///   - memo: Segments this gate scanned before, with their findings; `nil` scans every segment.
    /// - Returns: The findings; empty when the page may be shown.
    public func inspect(page html: String, name: String, memo: LeakScanMemo? = nil) -> [PersonalDataLeak.Finding] {
        inspect(pageText: Self.markupText(html), name: name, memo: memo)
    }

    /// ``inspect(page:name:memo:)`` of a page whose visible text was collected as it was written (``PageText``):
    /// the same scan, without stripping the tags of the finished page again.
    ///
    /// - Parameters:
    ///   - text: The page's visible text, as ``PageText/text`` gives it.
    ///   - name: What the findings name as the file (the page's path).
    ///   - memo: Segments this gate scanned before, with their findings; `nil` scans every segment.
    /// - Returns: The findings; empty when the page may be shown.
    public func inspect(pageText text: String, name: String, memo: LeakScanMemo? = nil) -> [PersonalDataLeak.Finding] {
        var seen = Set<LeakScanner.Leak>()
        var findings: [PersonalDataLeak.Finding] = []
        for segment in LeakScanner.segments(text) {
            for leak in scan(segment: segment, memo: memo) where seen.insert(leak).inserted {
                findings.append(
                    PersonalDataLeak.Finding(file: name, type: leak.type, recordID: leak.recordID, masked: leak.masked)
                )
            }
        }
        return findings
    }

    /// The leaks in one segment of visible text (``LeakScanner/segments(_:)``), as the gate scans report files.
    ///
    /// - Parameters:
    ///   - segment: The segment.
    ///   - memo: Segments this gate scanned before, with their findings; `nil` scans the segment.
    /// - Returns: The leaks found.
    public func scan(segment: Substring, memo: LeakScanMemo? = nil) -> [LeakScanner.Leak] {
        guard let memo else { return scanner.scan(String(segment)) }
        return memo.leaks(in: segment) { scanner.scan($0) }
    }
}
