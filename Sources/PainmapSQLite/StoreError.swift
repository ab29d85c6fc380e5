import GRDB
public import PainmapCore

/// A store failure with a Russian message; SQLite's own errors are wrapped where they enter.
///
/// The wrapped message never includes SQL arguments (GRDB hides them by default; painmap never turns
/// `publicStatementArguments` on), so no record text can reach a terminal or a log through it.
public struct StoreError: PainmapFailure {
    /// What went wrong and what to do.
    public var message: String
    /// The exit status.
    public var exitStatus: ExitStatus

    /// Creates a store error.
    public init(message: String, status: ExitStatus) {
        self.message = message
        self.exitStatus = status
    }

    init(wrapping error: any Error, action: String) {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_FULL:
                self.init(
                    message:
                        "не удалось \(action): диск заполнен; освободите место и повторите — записанное ранее не пострадало",
                    status: .ioError
                )
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                self.init(message: "не удалось \(action): хранилище занято другим процессом", status: .tempFail)
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR:
                self.init(
                    message: "не удалось \(action): ошибка ввода-вывода (\(error.resultCode)); проверьте путь и права",
                    status: .ioError
                )
            default:
                self.init(message: "не удалось \(action): SQLite \(error.resultCode)", status: .software)
            }
        } else {
            self.init(message: "не удалось \(action)", status: .ioError)
        }
    }

    /// `ошибка: …`.
    public var description: String { "ошибка: \(message)" }
}
