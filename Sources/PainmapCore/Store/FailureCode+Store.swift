extension FailureCode {
    /// The store cannot be reached for now: no connection, the server is starting or out of resources (75).
    public static let storeUnavailable = FailureCode(rawValue: "store.unavailable")
    /// Reading or writing the store failed: disk full, permissions, an I/O error (74).
    public static let storeIO = FailureCode(rawValue: "store.io")
    /// The store's schema refused a write: a check, foreign key or unique constraint (70, a bug in painmap).
    public static let storeConstraint = FailureCode(rawValue: "store.constraint")
    /// A write the store's contract refuses before touching the schema, such as pains of another region (70).
    public static let storeInvalidWrite = FailureCode(rawValue: "store.invalid_write")
    /// The store broke one of its own invariants (row accounting, a ledger row gone) or failed unexpectedly (70).
    public static let storeInternal = FailureCode(rawValue: "store.internal")
}

extension LocatedFailure {
    /// A store failure without a file location, printed as `ошибка: …`.
    ///
    /// - Parameters:
    ///   - code: ``FailureCode/storeBusy``, ``FailureCode/storeUnavailable``, ``FailureCode/storeLocation``,
    ///     ``FailureCode/storeIO``, ``FailureCode/storeConstraint``, ``FailureCode/storeInvalidWrite`` or
    ///     ``FailureCode/storeInternal``.
    ///   - message: What is wrong and what to do, in Russian; never a record's content or an SQL argument.
    /// - Returns: The failure with the code's exit status.
    public static func store(_ code: FailureCode, message: String) -> LocatedFailure {
        let status: ExitStatus =
            switch code {
            case .storeBusy, .storeUnavailable: .tempFail
            case .storeLocation: .configError
            case .storeIO: .ioError
            default: .software
            }
        return LocatedFailure(code, message: message, status: status)
    }
}
