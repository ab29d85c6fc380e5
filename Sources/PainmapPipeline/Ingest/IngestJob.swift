public import Foundation
public import Logging
public import PainmapCore
import PainmapIngest
import PainmapPrivacy

/// Ingests files into a store: one transaction per file, files already ingested skipped by digest.
public struct IngestJob: Sendable {
    private let configuration: PainmapConfiguration
    private let store: any FeedbackStore
    private let logger: Logger
    private let now: Date
    private let redactionThreads: Int

    /// Creates the job.
    /// - Parameter redactionThreads: Threads a reader may use to redact a batch of records (default: the
    ///   active processors); what is stored is the same for any count.
    public init(
        configuration: PainmapConfiguration,
        store: any FeedbackStore,
        logger: Logger,
        now: Date = Date(),
        redactionThreads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
        self.now = now
        self.redactionThreads = max(1, redactionThreads)
    }

    /// Ingests resolved files in order; a bad file is recorded and the job goes on with the next.
    /// - Parameter progress: Called after each file with (files done, files total).
    public func run(_ resolutions: [FeedResolver.Resolution], progress: (@Sendable (Int, Int) -> Void)? = nil)
        async throws -> IngestReport
    {
        var report = IngestReport()
        let registry = AdapterRegistry(configuration: configuration, now: now)
        for (index, resolution) in resolutions.enumerated() {
            defer { progress?(index + 1, resolutions.count) }
            switch resolution {
            case .unmatched(let path, let message, let explicit):
                report.files.append(.init(path: path, source: nil, outcome: .unmatched(message, explicit: explicit)))
            case .feed(let file):
                report.files.append(try await ingest(file, registry: registry))
            }
        }
        return report
    }

    private func ingest(_ file: FeedFile, registry: AdapterRegistry) async throws -> IngestReport.FileResult {
        let digest: String
        do {
            digest = try IngestJob.digest(of: file.url)
        } catch {
            return .init(
                path: file.displayPath,
                source: file.feed.kind,
                outcome: .rejected(
                    IngestError(
                        location: SourceLocation(path: file.displayPath),
                        reason: .emptyFile,
                        message: "файл не читается"
                    )
                )
            )
        }
        if let existing = try await store.ingestedFile(digest: digest), existing.outcome == .done {
            logger.info("File skipped: already ingested", metadata: [LogKey.file: "\(file.displayPath)"])
            return .init(path: file.displayPath, source: file.feed.kind, outcome: .skipped(existing.accounting))
        }
        let identity = IngestFileIdentity(
            digest: digest,
            path: file.displayPath,
            feed: file.feed.name,
            source: file.feed.kind
        )
        let adapter = registry.adapter(for: file.feed.kind)
        do {
            // Public numbers and offices' addresses of `Config/privacy.yaml` are never redacted.
            let redactor = RecordRedactor(
                redactor: Redactor(privacy: configuration.privacy),
                keepOriginals: configuration.privacy.keepOriginals
            )
            // Records are redacted on their way to the store: only redacted text is stored (issue 6).
            let threads = redactionThreads
            let entry = try await store.ingest(identity) { sink in
                try adapter.read(file, into: RedactingSink(base: sink, redactor: redactor, threads: threads))
            }
            logger.info(
                "File ingested",
                metadata: [
                    LogKey.file: "\(file.displayPath)", LogKey.feed: "\(file.feed.name)",
                    LogKey.encoding: "\(entry.encoding ?? "")",
                    LogKey.read: "\(entry.accounting.read)", LogKey.stored: "\(entry.accounting.stored)",
                    LogKey.quarantined: "\(entry.accounting.quarantined)",
                    LogKey.duplicate: "\(entry.accounting.duplicate)",
                ]
            )
            return .init(
                path: file.displayPath,
                source: file.feed.kind,
                outcome: .ingested(entry.accounting, encoding: entry.encoding ?? "")
            )
        } catch let error as IngestError {
            logger.warning(
                "File rejected",
                metadata: [LogKey.file: "\(file.displayPath)", LogKey.reason: "\(error.reason.rawValue)"]
            )
            try await store.recordRejection(identity, error: error)
            return .init(path: file.displayPath, source: file.feed.kind, outcome: .rejected(error))
        }
    }

    /// SHA-256 of a file, read in 1 MiB chunks.
    static func digest(of url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hash = SHA256()
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
            data.withUnsafeBytes { hash.update($0) }
        }
        return SHA256.hexString(hash.finalize())
    }
}

/// Log metadata keys: ids, counts and paths only, never record content.
enum LogKey {
    static let file = "ingest.file"
    static let feed = "ingest.feed"
    static let encoding = "ingest.encoding"
    static let reason = "ingest.reason"
    static let read = "rows.read"
    static let stored = "rows.stored"
    static let quarantined = "rows.quarantined"
    static let duplicate = "rows.duplicate"
}
