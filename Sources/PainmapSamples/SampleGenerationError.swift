public import PainmapCore

/// Why the sample generator stopped: bad options or a file it could not write.
public struct SampleGenerationError: PainmapFailure {
    /// What went wrong, in Russian.
    public var message: String
    /// ``ExitStatus/usage`` for bad arguments, ``ExitStatus/ioError`` for files, ``ExitStatus/software`` otherwise.
    public var exitStatus: ExitStatus

    /// Creates the error.
    ///
    /// - Parameters:
    ///   - message: What went wrong and what to do, in Russian.
    ///   - exitStatus: The status the CLI exits with.
    public init(message: String, exitStatus: ExitStatus = .software) {
        self.message = message
        self.exitStatus = exitStatus
    }

    /// `ошибка: …`.
    public var description: String { "ошибка: \(message)" }
}
