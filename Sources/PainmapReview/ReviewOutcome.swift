public import PainmapCore

/// What a decision wrote: its audit entries and any warnings to show (personal data replaced in analysts' text).
public struct ReviewOutcome: Sendable, Hashable {
    /// The audit entries written, one per pain changed.
    public var entries: [DecisionAuditEntry]
    /// Warnings in Russian, shown to the analyst.
    public var warnings: [String]

    /// Creates an outcome.
    public init(entries: [DecisionAuditEntry], warnings: [String]) {
        self.entries = entries
        self.warnings = warnings
    }
}
