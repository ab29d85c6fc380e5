/// Process exit codes, following sysexits(3), mapped once in the executable.
public enum ExitStatus: Int32, Sendable {
    /// Done; quarantined rows are reported, not fatal.
    case success = 0
    /// Wrong command-line usage.
    case usage = 64
    /// Input unusable as a whole.
    case dataError = 65
    /// An input file or directory does not exist.
    case noInput = 66
    /// A bug in painmap.
    case software = 70
    /// Reading or writing failed (disk full, permissions).
    case ioError = 74
    /// The store is locked by another run.
    case tempFail = 75
    /// The configuration is invalid.
    case configError = 78
}
