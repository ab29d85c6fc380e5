public import PainmapCore

/// A pain as analysts review it: what the run stored (if it still exists) and the decisions on it.
public struct ReviewedPain: Sendable, Hashable {
    /// The pain the last run stored; `nil` when a rerun no longer found it («требует пересмотра») or a split made it.
    public var pain: StoredPain?
    /// The decisions (version 0 and status «новая» when none).
    public var decision: PainDecision
    /// When nobody decided on the pain this quarter: the latest decision on it (same id, which the cross-quarter
    /// matching keeps) in an earlier quarter, which the reports carry over; `nil` otherwise.
    public var carried: PainDecision?

    /// Creates a reviewed pain.
    public init(pain: StoredPain?, decision: PainDecision, carried: PainDecision? = nil) {
        self.pain = pain
        self.decision = decision
        self.carried = carried
    }

    /// The pain's key.
    public var key: PainKey { decision.key }

    /// The analyst's title, else the computed one.
    public var title: String { decision.title ?? pain?.title ?? "" }

    /// The predecessor was marked «не боль» and nobody decided on this pain yet: proposed as «не боль», still counted.
    public var proposedJunk: Bool { pain != nil && carried?.isJunk == true }

    /// A decision whose pain a rerun no longer found (not one a split created): listed «требует пересмотра».
    public var needsReview: Bool { pain == nil && decision.splitFrom == nil && decision.isDecided }
}
