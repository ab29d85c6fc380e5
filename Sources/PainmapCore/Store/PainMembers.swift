/// The records a run put into one pain, kept next to the pain (`pain_member`, migration `v10_pain_members`).
///
/// Exactly the records the clustering counted for the pain (a record folded into a complaint counted from another
/// channel is in none), newest first: the order the workspace lists them in. A run writes them with the pains, in the
/// same transaction, so the members always belong to the pains stored beside them.
public struct PainMembers: Sendable, Hashable {
    /// The pain's life situation id.
    public var lifeSituation: String
    /// The pain id.
    public var painID: String
    /// The pain's records, newest first (received time, then id, both descending).
    public var records: [RecordID]

    /// Creates a pain's member list.
    ///
    /// - Parameters:
    ///   - lifeSituation: The pain's life situation id.
    ///   - painID: The pain id.
    ///   - records: The records, in the order they are listed.
    public init(lifeSituation: String, painID: String, records: [RecordID]) {
        self.lifeSituation = lifeSituation
        self.painID = painID
        self.records = records
    }

    /// Checks that every member list names a pain about to be stored with it.
    ///
    /// - Parameters:
    ///   - members: The member lists.
    ///   - pains: The pains they are stored with.
    /// - Throws: ``LocatedFailure`` with ``FailureCode/storeInvalidWrite`` naming the first list of no such pain.
    public static func requirePains(_ members: [PainMembers], in pains: [StoredPain]) throws(LocatedFailure) {
        guard !members.isEmpty else { return }
        let known = Set(pains.map { SituationPain(lifeSituation: $0.lifeSituation, painID: $0.id) })
        if let stray = members.first(where: {
            !known.contains(SituationPain(lifeSituation: $0.lifeSituation, painID: $0.painID))
        }) {
            throw LocatedFailure.store(
                .storeInvalidWrite,
                message: "записи боли \(stray.lifeSituation)/\(stray.painID) сохраняются без самой боли"
            )
        }
    }

    private struct SituationPain: Hashable {
        let lifeSituation: String
        let painID: String
    }
}

/// One stored pain named by its slice: region, quarter, life situation and pain id.
public struct PainReference: Sendable, Hashable {
    /// The 2-digit region code.
    public var region: String
    /// The quarter.
    public var quarter: Quarter
    /// The pain's life situation id.
    public var lifeSituation: String
    /// The pain id.
    public var painID: String

    /// Creates a reference to one stored pain.
    ///
    /// - Parameters:
    ///   - region: The 2-digit region code.
    ///   - quarter: The quarter.
    ///   - lifeSituation: The pain's life situation id.
    ///   - painID: The pain id.
    public init(region: String, quarter: Quarter, lifeSituation: String, painID: String) {
        self.region = region
        self.quarter = quarter
        self.lifeSituation = lifeSituation
        self.painID = painID
    }
}

/// One page of the records stored as members of one or more pains of a life situation.
public struct PainMemberPage: Sendable, Hashable {
    /// The members of the pains asked for, on every page.
    public var total: Int
    /// The page's records: each pain's members in their stored order, the pains in the order asked for.
    public var records: [StoredRecord]

    /// Creates a page.
    ///
    /// - Parameters:
    ///   - total: The members of the pains asked for.
    ///   - records: The page's records.
    public init(total: Int, records: [StoredRecord]) {
        self.total = total
        self.records = records
    }
}
