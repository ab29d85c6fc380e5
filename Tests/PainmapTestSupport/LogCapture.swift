import InMemoryLogging
public import Logging

/// A logger whose every event is kept in memory (swift-log's `InMemoryLogHandler`), for tests of what is logged.
public struct LogCapture: Sendable {
    private let handler: InMemoryLogHandler

    /// Creates an empty capture.
    public init() {
        var handler = InMemoryLogHandler()
        handler.logLevel = .trace
        self.handler = handler
    }

    /// A logger writing into this capture at every level.
    public var logger: Logger {
        let handler = handler
        return Logger(label: "test") { _ in handler }
    }

    /// Every event so far as `message key=value …` (metadata sorted by key).
    public var lines: [String] {
        handler.entries.map { entry in
            "\(entry.message) \(entry.metadata.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " "))"
        }
    }
}
