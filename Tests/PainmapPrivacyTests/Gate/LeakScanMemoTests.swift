import PainmapCore
import PainmapPrivacy
import Testing

/// The workspace's memo of scanned segments: the scanner's answer, each segment scanned once while it is kept.
@Suite struct LeakScanMemoTests {
    @Test func aSegmentIsScannedOnceAndAnswersAsTheScannerDoes() throws {
        let scanner = LeakScanner(identifiers: [
            RedactedIdentifier(
                recordID: RecordID(rawValue: 42),
                region: "54",
                quarter: try #require(Quarter("2026Q3")),
                type: .phone,
                normalized: "79135551234"
            )
        ])
        let memo = LeakScanMemo(capacity: 3)
        var scans = 0
        func scan(_ text: String) -> [LeakScanner.Leak] {
            scans += 1
            return scanner.scan(text)
        }
        let page = "звоните 8 (913) 555-12-34|нет мест в саду|очередь стоит"
        let segments = LeakScanner.segments(page)
        #expect(segments.count == 3)
        for segment in segments + segments {
            let found = memo.leaks(in: segment, scan: scan)
            #expect(found == scanner.scan(String(segment)))
        }
        #expect(scans == 3)
        // A fourth segment finds the memo full and starts it over: the first is then scanned again.
        let other = memo.leaks(in: "запись 812", scan: scan)
        #expect(other.isEmpty)
        #expect(memo.count == 1)
        let again = memo.leaks(in: segments[0], scan: scan)
        #expect(again.map(\.recordID) == [RecordID(rawValue: 42)])
        #expect(scans == 5)
    }

    /// Segments are kept by their UTF-8 bytes: two spellings Swift compares as equal are each scanned as they are,
    /// and a segment cut from a longer text finds what the same text scanned alone left.
    @Test func segmentsAreToldApartByTheirBytes() {
        let memo = LeakScanMemo()
        var scanned: [String] = []
        func scan(_ text: String) -> [LeakScanner.Leak] {
            scanned.append(text)
            return []
        }
        let composed = "кафе\u{00E9}"
        let decomposed = "кафе\u{0065}\u{0301}"
        #expect(composed == decomposed)
        _ = memo.leaks(in: composed[...], scan: scan)
        _ = memo.leaks(in: decomposed[...], scan: scan)
        #expect(scanned.count == 2)
        let page = "нет мест|\(composed)|очередь"
        for segment in LeakScanner.segments(page) { _ = memo.leaks(in: segment, scan: scan) }
        #expect(scanned == [composed, decomposed, "нет мест", "очередь"])
        #expect(memo.count == 4)
    }
}
