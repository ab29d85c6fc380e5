public import Foundation
public import PainmapCore

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive lock for one run against one store, held for the whole run.
///
/// It locks a separate file, `<store>.run.lock`, with `flock(2)` — never the database file, since
/// closing any descriptor of a SQLite file drops SQLite's own POSIX locks (RELIABILITY.md §7). The
/// kernel releases the lock when the holder exits or is killed, so a crashed run never leaves a stale
/// lock behind. The holder writes its pid and start time into the file for the next run's message.
public final class RunLock: Sendable {
    private let descriptor: Int32
    /// The lock file.
    public let url: URL

    /// The failure of a run that finds the lock held: «уже идёт запуск (pid N, начат …)», exit 75.
    ///
    /// - Parameters:
    ///   - holderPID: The holder's pid, if it wrote one.
    ///   - holderStarted: When the holder started, as it wrote it.
    ///   - path: The lock file.
    /// - Returns: A failure with code ``FailureCode/storeBusy``.
    public static func busy(holderPID: Int32?, holderStarted: String?, path: String) -> LocatedFailure {
        let who = holderPID.map { "pid \($0)" } ?? "pid неизвестен"
        let since = holderStarted.map { ", начат \($0)" } ?? ""
        return LocatedFailure(
            .storeBusy,
            message:
                "с этим хранилищем уже идёт запуск (\(who)\(since)); дождитесь его окончания или повторите с --wait. Файл блокировки: \(path)",
            status: .tempFail
        )
    }

    private init(descriptor: Int32, url: URL) {
        self.descriptor = descriptor
        self.url = url
    }

    /// The lock file that guards a store.
    public static func lockURL(forStore store: URL) -> URL {
        store.deletingLastPathComponent().appendingPathComponent(store.lastPathComponent + ".run.lock")
    }

    /// Takes the lock of `store`.
    /// - Parameters:
    ///   - store: The store the run works on.
    ///   - wait: Poll until the lock is free (up to `timeout`) instead of failing at once.
    ///   - timeout: The longest wait.
    /// - Throws: ``LocatedFailure``: ``FailureCode/storeBusy`` (75) when another run holds the lock,
    ///   ``FailureCode/io`` (74) when the lock file cannot be opened.
    /// - Returns: The held lock.
    public static func acquire(store: URL, wait: Bool = false, timeout: Duration = .seconds(6 * 3600)) throws -> RunLock
    {
        let url = lockURL(forStore: store)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LocatedFailure(
                .io,
                message:
                    "не удалось открыть файл блокировки \(url.path): \(String(cString: strerror(errno)))",
                status: .ioError
            )
        }
        let deadline = ContinuousClock.now + timeout
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                close(descriptor)
                throw LocatedFailure(
                    .io,
                    message:
                        "не удалось взять блокировку \(url.path): \(String(cString: strerror(errno)))",
                    status: .ioError
                )
            }
            if !wait || ContinuousClock.now >= deadline {
                let holder = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                close(descriptor)
                let parts = holder.split(separator: " ", maxSplits: 1).map(String.init)
                throw Self.busy(
                    holderPID: parts.first.flatMap { Int32($0) },
                    holderStarted: parts.count > 1 ? parts[1].trimmingCharacters(in: .newlines) : nil,
                    path: url.path
                )
            }
            usleep(200_000)
        }
        // Record who holds the lock; the content is informational only.
        let formatter = ISO8601DateFormatter()
        let note = "\(getpid()) \(formatter.string(from: Date()))\n"
        _ = ftruncate(descriptor, 0)
        _ = note.withCString { pointer in pwrite(descriptor, pointer, strlen(pointer), 0) }
        return RunLock(descriptor: descriptor, url: url)
    }

    /// Releases the lock (also done when the value is deinitialized or the process exits).
    deinit {
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
