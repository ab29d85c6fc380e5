/// What both stores' `applyDecisions` do with a change inside their transaction, written once.
extension DecisionBatch.Change {
    /// Checks, inside the store's transaction, that the pain is still at the version this change was made on.
    ///
    /// - Parameter version: The pain's current version, as the transaction reads it.
    /// - Throws: ``LocatedFailure/staleDecision(_:)`` (75) otherwise; the store then writes nothing of the batch.
    public func requireCurrent(version: Int) throws(LocatedFailure) {
        guard version == expectedVersion else {
            throw .staleDecision(
                StaleDecision(key: state.key, expectedVersion: expectedVersion, currentVersion: version)
            )
        }
    }
}

extension DecisionBatch {
    /// The audit entry a change of this batch writes.
    ///
    /// - Parameters:
    ///   - id: The id the store gave the `decision_audit` row.
    ///   - change: The change.
    ///   - version: The pain's version after the change.
    ///   - before: The pain's decision fields before it.
    ///   - after: What the entry records as «after».
    /// - Returns: The entry, by the batch's actor at its time.
    public func auditEntry(
        id: Int64,
        of change: Change,
        version: Int,
        before: [String: String],
        after: [String: String]
    ) -> DecisionAuditEntry {
        DecisionAuditEntry(
            id: id,
            key: change.state.key,
            version: version,
            kind: change.kind,
            actor: actor,
            at: at,
            before: before,
            after: after
        )
    }
}
