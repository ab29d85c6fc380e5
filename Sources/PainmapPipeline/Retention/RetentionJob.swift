public import Foundation
public import Logging
public import PainmapCore

/// Deletes personal data kept beside redacted records once it is older than the retention period (152-ФЗ): the
/// identifiers recorded at ingest and, with `keep_originals: true`, the original texts.
///
/// Redacted records, classifications, pains and every count stay, so no report changes. What was removed is logged
/// by table and count, never by value. `painmap purge --before DATE` runs it with a date; the quarterly run with
/// `retention_days` from `Config/privacy.yaml`.
public struct RetentionJob: Sendable {
    private let store: any FeedbackStore
    private let logger: Logger

    /// Creates the job.
    public init(store: any FeedbackStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// The cutoff for `retentionDays` counted back from `now`.
    public static func cutoff(retentionDays: Int, now: Date) -> Date {
        now.addingTimeInterval(-Double(retentionDays) * 86_400)
    }

    /// Deletes the identifiers and kept originals of records received before `cutoff`.
    /// - Returns: The rows deleted by table.
    /// - Throws: The store's error when the deletion fails (nothing is deleted then).
    public func purge(before cutoff: Date) async throws -> PurgeReport {
        let report = try await store.purgePersonalData(receivedBefore: cutoff)
        var metadata: Logger.Metadata = ["purge.cutoff": "\(ISO8601DateFormatter().string(from: cutoff))"]
        for (table, rows) in report.byTable { metadata["purge.\(table)"] = "\(rows)" }
        logger.info("Personal data purged", metadata: metadata)
        return report
    }
}
