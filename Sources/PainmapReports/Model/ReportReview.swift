/// The analysts' decisions on a pain as a report shows them (`painmap review`, schema version 2).
public struct PainReview: Sendable, Hashable, Codable {
    /// `new`, `in_progress`, `resolved`, `not_confirmed` or `out_of_scope`.
    public var status: String
    /// The status in Russian: «новая», «в работе», «решена», «не подтвердилась», «вне компетенции».
    public var statusName: String
    /// The responsible body, when assigned.
    public var responsibleBody: String?
    /// The due date, `YYYY-MM-DD`, when set.
    public var dueDate: String?
    /// The decision version the report shows (0 when every field was carried from an earlier quarter).
    public var version: Int
    /// The quarter the decisions were carried from, when made on the pain in an earlier quarter.
    public var carriedFrom: String?
    /// «вернулась»: marked «решена» earlier, yet present again and not smaller than before.
    public var returned: Bool
    /// The pain's predecessor was marked «не боль»: proposed as «не боль», still counted until an analyst decides.
    public var proposedJunk: Bool
    /// The pains merged into this one (their records count here).
    public var merged: [String]

    /// Creates a review.
    public init(
        status: String,
        statusName: String,
        responsibleBody: String? = nil,
        dueDate: String? = nil,
        version: Int,
        carriedFrom: String? = nil,
        returned: Bool = false,
        proposedJunk: Bool = false,
        merged: [String] = []
    ) {
        self.status = status
        self.statusName = statusName
        self.responsibleBody = responsibleBody
        self.dueDate = dueDate
        self.version = version
        self.carriedFrom = carriedFrom
        self.returned = returned
        self.proposedJunk = proposedJunk
        self.merged = merged
    }

    enum CodingKeys: String, CodingKey {
        case status
        case statusName = "status_name"
        case responsibleBody = "responsible_body"
        case dueDate = "due_date"
        case version
        case carriedFrom = "carried_from"
        case returned
        case proposedJunk = "proposed_junk"
        case merged
    }
}

/// A pain left out at review: marked «не боль» (listed in «Исключено при разборе»), or a decision whose pain a rerun
/// no longer found («требует пересмотра»).
public struct ExcludedPain: Sendable, Hashable, Codable {
    /// The pain id.
    public var id: String
    /// Its title.
    public var title: String
    /// Its records this quarter (0 when the pain is gone).
    public var count: Int
    /// Why: the analyst's reason, or «требует пересмотра».
    public var reason: String
    /// Who decided.
    public var decidedBy: String
    /// When, ISO 8601 UTC.
    public var decidedAt: String

    /// Creates an entry.
    public init(id: String, title: String, count: Int, reason: String, decidedBy: String, decidedAt: String) {
        self.id = id
        self.title = title
        self.count = count
        self.reason = reason
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, title, count, reason
        case decidedBy = "decided_by"
        case decidedAt = "decided_at"
    }
}
