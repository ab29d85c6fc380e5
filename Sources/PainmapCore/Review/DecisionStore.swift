/// Where analysts' decisions on pains live: current states, record corrections and the append-only audit trail.
///
/// Both stores implement it (SQLite and PostgreSQL, migration `v8_review_decisions`). Decisions are kept apart from
/// the pains a run stores, so a rerun that replaces a region-quarter's pains never drops one; the review service
/// re-attaches them.
public protocol DecisionStore: Sendable {
    /// Applies a batch in one transaction and returns its audit entries in the order of ``DecisionBatch/changes``.
    ///
    /// - Throws: ``LocatedFailure/staleDecision(_:)`` (without ``StaleDecision/changes``) when a pain is no longer at
    ///   its change's expected version (``DecisionBatch/Change/requireCurrent(version:)``); nothing is written then.
    func applyDecisions(_ batch: DecisionBatch) async throws -> [DecisionAuditEntry]

    /// The stored decision states, optionally of one region and/or quarter, ordered by key.
    func painDecisions(region: String?, quarter: Quarter?) async throws -> [PainDecision]

    /// The record corrections, optionally of one region and/or quarter, ordered by record id.
    func recordDecisions(region: String?, quarter: Quarter?) async throws -> [RecordDecision]

    /// The audit trail, optionally of one region, quarter and/or pain, in the order it was written.
    func decisionLog(region: String?, quarter: Quarter?, painID: String?) async throws -> [DecisionAuditEntry]

    /// Keeps the analysis a run made of a region-quarter (its report models before decisions, as JSON), replacing the
    /// earlier one, so `painmap render` can re-render it with new decisions without clustering again.
    func saveAnalysisSnapshot(region: String, quarter: Quarter, body: String) async throws

    /// The analysis a run kept for a region-quarter, if any.
    func analysisSnapshot(region: String, quarter: Quarter) async throws -> String?
}
