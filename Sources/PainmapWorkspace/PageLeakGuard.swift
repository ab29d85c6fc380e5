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
    /// The whole page is then scanned again by ``ReportGate/inspect(page:name:)``; a page that still has a hit is not
    /// sent.
    struct PageLeakGuard: Sendable {
        private let scanner: LeakScanner
        private let gate: ReportGate

        /// What a masked segment shows.
        static let mask = "[скрыто: возможные персональные данные]"

        init(identifiers: [RedactedIdentifier], privacy: PrivacyConfiguration) {
            scanner = LeakScanner(identifiers: identifiers, redactor: Redactor(privacy: privacy))
            gate = ReportGate(identifiers: identifiers, privacy: privacy)
        }

        /// `text` with every segment that has a hit replaced by ``mask``; hits are logged (record id, type).
        func clean(_ text: String, record: String?, logger: Logger) -> String {
            var result = text
            for segment in LeakScanner.segments(text) {
                let leaks = scanner.scan(String(segment))
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
            gate.inspect(page: html, name: name)
        }
    }
#endif
