import Logging
import Synchronization

/// Collects every log line a logger emits, message and metadata, as text.
final class LogCollector: Sendable {
    let lines = Mutex<[String]>([])

    /// A logger whose every event lands in `lines`.
    func logger() -> Logger {
        Logger(label: "test") { _ in CollectingLogHandler(collector: self) }
    }
}

/// A log handler that writes into a ``LogCollector``.
struct CollectingLogHandler: LogHandler {
    let collector: LogCollector
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let line = "\(event.message) \(merged.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " "))"
        collector.lines.withLock { $0.append(line) }
    }
}
