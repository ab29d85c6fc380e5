public import PainmapCore

/// A pain as analysts review it: what the run stored (if it still exists) and the decisions on it.
public struct ReviewedPain: Sendable, Hashable {
    /// The pain the last run stored; `nil` when a rerun no longer found it («требует пересмотра») or a split made it.
    public var pain: StoredPain?
    /// The decisions (version 0 and status «новая» when none).
    public var decision: PainDecision

    /// Creates a reviewed pain.
    public init(pain: StoredPain?, decision: PainDecision) {
        self.pain = pain
        self.decision = decision
    }

    /// The pain's key.
    public var key: PainKey { decision.key }

    /// The analyst's title, else the computed one.
    public var title: String { decision.title ?? pain?.title ?? "" }

    /// A decision whose pain a rerun no longer found (not one a split created): listed «требует пересмотра».
    public var needsReview: Bool { pain == nil && decision.splitFrom == nil && decision.isDecided }
}
