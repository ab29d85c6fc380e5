/// An error that stops a command: it carries a Russian message a person can act on and an exit status.
///
/// Row-level problems never throw; they become ``QuarantinedRow`` values.
public protocol PainmapFailure: Error, Sendable, CustomStringConvertible {
    /// The exit status the executable maps this failure to.
    var exitStatus: ExitStatus { get }
}

/// A configuration problem, located in a configuration file.
public struct ConfigurationError: PainmapFailure {
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong and what to do, in Russian.
    public var message: String

    /// Creates a configuration error.
    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// `Config/feeds.yaml:14:11: ошибка: …`.
    public var description: String { "\(location): ошибка: \(message)" }
    /// Always ``ExitStatus/configError``.
    public var exitStatus: ExitStatus { .configError }
}

/// Several configuration problems reported at once.
public struct ConfigurationErrors: PainmapFailure {
    /// The problems, in file order.
    public var errors: [ConfigurationError]

    /// Creates the collection.
    public init(_ errors: [ConfigurationError]) { self.errors = errors }

    /// One problem per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
    /// Always ``ExitStatus/configError``.
    public var exitStatus: ExitStatus { .configError }
}

/// A failure with a plain message and status, for problems without a file location.
public struct CommandFailure: PainmapFailure {
    /// The Russian message.
    public var message: String
    /// The exit status.
    public var exitStatus: ExitStatus

    /// Creates the failure.
    public init(_ message: String, status: ExitStatus) {
        self.message = message
        self.exitStatus = status
    }

    /// `ошибка: …`.
    public var description: String { "ошибка: \(message)" }
}
