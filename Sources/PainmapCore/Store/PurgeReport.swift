public import Foundation

/// What a purge of personal data removed, by table: counts only, never values.
///
/// Redacted records, their classifications, pains and every count stay, so reports of any quarter do not change.
public struct PurgeReport: Sendable, Hashable {
    /// Records received before this instant lost their recorded identifiers and kept originals.
    public var cutoff: Date
    /// Rows deleted from `redacted_identifier`.
    public var identifiers: Int
    /// Rows deleted from `record_original`.
    public var originals: Int

    /// Creates a report.
    public init(cutoff: Date, identifiers: Int, originals: Int) {
        self.cutoff = cutoff
        self.identifiers = identifiers
        self.originals = originals
    }

    /// Deleted rows by table name, for logs and the command's table.
    public var byTable: [(table: String, rows: Int)] {
        [("redacted_identifier", identifiers), ("record_original", originals)]
    }
}
