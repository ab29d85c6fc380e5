#if Workspace
    import Foundation
    import Logging
    import PainmapCore
    import PainmapPrivacy
    import PainmapReports

    /// The reports' zero-leak gate applied to workspace pages of one region-quarter.
    ///
    /// Texts shown on a page (titles, quotes, records) are already redacted at ingest; still, each passes the same
    /// scanner as the reports (``LeakScanner`` over the identifiers `redacted_identifier` holds for the region-quarter,
    /// plus structured patterns) before it enters a page, and a segment with a hit is masked and logged by record id.
    /// The whole page is then scanned again as ``ReportGate/inspect(page:name:memo:)`` scans it (from the visible text
    /// collected while the page was written, ``HTMLBuffer/visibleText``); a page that still has a hit is not sent.
    ///
    /// The scanner is built once per guard (the catalog keeps one per region-quarter), and what it found in each
    /// segment is remembered (``LeakScanMemo``): every segment of every page is still checked against the scanner, but
    /// a title, quote or record text seen on an earlier page is not scanned again.
    struct PageLeakGuard: Sendable {
        private let gate: ReportGate
        private let memo: LeakScanMemo

        /// What a masked segment shows.
        static let mask = "[скрыто: возможные персональные данные]"

        init(identifiers: [RedactedIdentifier], privacy: PrivacyConfiguration) {
            gate = ReportGate(identifiers: identifiers, privacy: privacy)
            memo = LeakScanMemo()
        }

        /// `text` with every segment that has a hit replaced by ``mask``; hits are logged (record id, type).
        func clean(_ text: String, record: String?, logger: Logger) -> String {
            var result = text
            for segment in LeakScanner.segments(text) {
                let leaks = gate.scan(segment: segment, memo: memo)
                guard !leaks.isEmpty else { continue }
                for leak in leaks {
                    logger.warning(
                        "Workspace masked personal data in page text",
                        metadata: [
                            "workspace.record": "\(leak.recordID?.description ?? record ?? "-")",
                            "workspace.type": "\(leak.type.rawValue)",
                        ]
                    )
                }
                result = result.replacingOccurrences(of: String(segment), with: Self.mask)
            }
            return result
        }

        /// The findings of the reports' gate on a whole page.
        func inspect(page html: String, name: String) -> [PersonalDataLeak.Finding] {
            gate.inspect(page: html, name: name, memo: memo)
        }

        /// The findings of the reports' gate on a whole page, from the text collected as it was written: the same
        /// scan as ``inspect(page:name:)`` of its markup.
        func inspect(page: HTMLBuffer, name: String) -> [PersonalDataLeak.Finding] {
            gate.inspect(pageText: page.visibleText.text, name: name, memo: memo)
        }
    }
#endif
