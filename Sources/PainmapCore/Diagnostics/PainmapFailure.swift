/// An error that stops a command: it carries a Russian message a person can act on and an exit status.
///
/// ``LocatedFailure`` is the one concrete failure of readers, configuration and jobs; ``ConfigurationErrors`` bundles
/// several, ``PersonalDataLeak`` lists a refused run's findings. Row-level problems never throw; they become
/// ``QuarantinedRow`` values.
public protocol PainmapFailure: Error, Sendable, CustomStringConvertible {
    /// The exit status the executable maps this failure to.
    var exitStatus: ExitStatus { get }
}

/// Several configuration problems reported at once.
public struct ConfigurationErrors: PainmapFailure {
    /// The problems, in file order (each a ``LocatedFailure`` with code ``FailureCode/configuration``).
    public var errors: [LocatedFailure]

    /// Creates the collection.
    public init(_ errors: [LocatedFailure]) { self.errors = errors }

    /// One problem per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
    /// Always ``ExitStatus/configError``.
    public var exitStatus: ExitStatus { .configError }
}
