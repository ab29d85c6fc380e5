public import PainmapCore

extension FailureCode {
    /// The pain or record a review request names does not exist (66).
    public static let reviewNotFound = FailureCode(rawValue: "review.not_found")
    /// A review request does not fit the pain's state (64).
    public static let reviewInvalid = FailureCode(rawValue: "review.invalid")
}

/// Review requests that cannot be carried out; a decision on a stale version is Core's
/// ``LocatedFailure/staleDecision(_:)``, since the stores throw it.
extension LocatedFailure {
    /// The pain or record does not exist (66).
    ///
    /// - Parameter message: What is missing and where to look, in Russian.
    /// - Returns: A failure with code ``FailureCode/reviewNotFound``.
    public static func reviewNotFound(_ message: String) -> LocatedFailure {
        LocatedFailure(.reviewNotFound, message: message, status: .noInput)
    }

    /// The request does not fit the pain's state (64).
    ///
    /// - Parameter message: What does not fit and what would, in Russian.
    /// - Returns: A failure with code ``FailureCode/reviewInvalid``.
    public static func reviewInvalid(_ message: String) -> LocatedFailure {
        LocatedFailure(.reviewInvalid, message: message, status: .usage)
    }
}
