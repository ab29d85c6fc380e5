/// The failure painmap's readers, configuration and jobs throw: a stable code, where it happened, a Russian message
/// a person can act on, and the exit status.
///
/// Libraries say what went wrong and where; the executable alone turns any ``PainmapFailure`` into text on stderr
/// and a sysexits status (`runMapped` in `painmap`). The message names files, lines, columns and fields, never
/// record content. Printed as `path:line:column: ошибка: …`, or `ошибка: …` without a location.
public struct LocatedFailure: PainmapFailure, Equatable {
    /// What went wrong, stable across messages (tests and callers match on it, never on the text).
    public var code: FailureCode
    /// The file and, when known, the line and column.
    public var location: SourceLocation?
    /// What is wrong and what to do, in Russian.
    public var message: String
    /// The exit status the executable maps this failure to.
    public var exitStatus: ExitStatus
    /// Facts a caller acts on beyond printing the message (the versions of a stale decision); `nil` for most.
    public var detail: FailureDetail?

    /// Creates a failure.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - location: Where, if a file is involved.
    ///   - message: The Russian message, without the `ошибка:` prefix.
    ///   - status: The exit status.
    public init(_ code: FailureCode, at location: SourceLocation? = nil, message: String, status: ExitStatus) {
        self.code = code
        self.location = location
        self.message = message
        self.exitStatus = status
    }

    /// `path:line:column: ошибка: …`, or `ошибка: …` without a location.
    public var description: String {
        guard let location else { return "ошибка: \(message)" }
        return "\(location): ошибка: \(message)"
    }

    /// A configuration problem in a configuration file (exit 78).
    ///
    /// - Parameters:
    ///   - location: The file, line and column.
    ///   - message: What is wrong and what to do, in Russian.
    /// - Returns: A failure with code ``FailureCode/configuration``.
    public static func configuration(location: SourceLocation, message: String) -> LocatedFailure {
        LocatedFailure(.configuration, at: location, message: message, status: .configError)
    }
}

/// Structured facts a ``LocatedFailure`` carries for a caller that acts on it rather than only prints it.
public enum FailureDetail: Sendable, Hashable {
    /// A decision made on an earlier version of a pain (``FailureCode/staleDecision``): the workspace shows the
    /// changes, a script retries on the current version.
    case staleDecision(StaleDecision)
}

/// A stable name for one kind of failure (`config.invalid`, `csv.bad_encoding`, `run.unknown_region`, …).
///
/// Each target declares its codes as static members in an extension, so the set grows with the targets and a code is
/// matched as `failure.code == .badEncoding`.
public struct FailureCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The code's name.
    public let rawValue: String

    /// Creates a code.
    ///
    /// - Parameter rawValue: The name, `area.what` in snake case.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The name.
    public var description: String { rawValue }
}

extension FailureCode {
    /// A configuration file is invalid (78).
    public static let configuration = FailureCode(rawValue: "config.invalid")
    /// A command-line argument names something that does not exist (64).
    public static let usage = FailureCode(rawValue: "usage")
    /// An input file or directory does not exist (66).
    public static let missingInput = FailureCode(rawValue: "input.missing")
    /// The store has nothing for the request (66).
    public static let noRecords = FailureCode(rawValue: "store.no_records")
    /// Another run holds the store (75).
    public static let storeBusy = FailureCode(rawValue: "store.busy")
    /// The store location is unusable (78).
    public static let storeLocation = FailureCode(rawValue: "store.location")
    /// Reading or writing a file failed (74).
    public static let io = FailureCode(rawValue: "io")
}
