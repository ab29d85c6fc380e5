public import PainmapCore

/// A review request that cannot be carried out: an unknown pain or record, or a decision that does not fit.
public struct ReviewError: PainmapFailure {
    /// Why the request was refused.
    public enum Code: Sendable, Hashable {
        /// The pain or record does not exist (66).
        case notFound
        /// The request does not fit the pain's state (64).
        case invalid
    }

    /// Why.
    public var code: Code
    /// What is wrong and what to do, in Russian.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `ошибка: …`.
    public var description: String { "ошибка: \(message)" }

    /// 66 for something missing, 64 for a request that does not fit.
    public var exitStatus: ExitStatus { code == .notFound ? .noInput : .usage }
}
