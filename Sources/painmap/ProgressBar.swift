import Foundation
import Synchronization

/// A one-line progress bar on stderr, drawn only when stderr is a terminal (never in cron logs).
final class ProgressBar: Sendable {
    private let label: String
    private let enabled: Bool
    private let drawn = Mutex(false)

    init(label: String) {
        self.label = label
        enabled = isatty(STDERR_FILENO) == 1
    }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 1 else { return }
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total) \(label)".utf8))
        drawn.withLock { $0 = true }
    }

    func finish() {
        if drawn.withLock({ $0 }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
