import GRDB
import PainmapCore

/// SQLite's own errors wrapped where they enter, with a Russian message.
///
/// The wrapped message never includes SQL arguments (GRDB hides them by default; painmap never turns
/// `publicStatementArguments` on), so no record text can reach a terminal or a log through it.
extension LocatedFailure {
    /// Wraps an error GRDB threw while the store was doing `action`.
    ///
    /// - Parameters:
    ///   - error: What GRDB threw; a ``LocatedFailure`` passes unchanged.
    ///   - action: What painmap was doing, as «не удалось <action>».
    init(sqlite error: any Error, action: String) {
        if let failure = error as? LocatedFailure {
            self = failure
            return
        }
        guard let error = error as? DatabaseError else {
            self = .store(.storeIO, message: "не удалось \(action)")
            return
        }
        switch error.resultCode {
        case .SQLITE_FULL:
            self = .store(
                .storeIO,
                message:
                    "не удалось \(action): диск заполнен; освободите место и повторите — записанное ранее не пострадало"
            )
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self = .store(.storeBusy, message: "не удалось \(action): хранилище занято другим процессом")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR:
            self = .store(
                .storeIO,
                message: "не удалось \(action): ошибка ввода-вывода (\(error.resultCode)); проверьте путь и права"
            )
        case .SQLITE_CONSTRAINT:
            self = .store(.storeConstraint, message: "не удалось \(action): SQLite \(error.resultCode)")
        default:
            self = .store(.storeInternal, message: "не удалось \(action): SQLite \(error.resultCode)")
        }
    }
}
