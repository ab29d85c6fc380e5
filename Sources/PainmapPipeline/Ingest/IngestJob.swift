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
    ///
    /// - Parameters:
    ///   - configuration: The loaded configuration (feeds, regions, privacy).
    ///   - store: The store to ingest into.
    ///   - logger: Receives paths, counts and reason codes, never record text.
    ///   - now: The moment ingest runs (for deadlines and the ledger).
    ///   - redactionThreads: Tasks redacting batches of records at once (default: the active processors); what is
    ///     stored is the same for any count.
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
    ///
    /// - Parameters:
    ///   - resolutions: The files with their feed layouts.
    ///   - progress: Called after each file with (files done, files total).
    /// - Returns: Per-file accounting and the rejected files with their reasons.
    /// - Throws: A store failure that stops the whole job (not a bad file, which is recorded).
    public func run(_ resolutions: [FeedResolver.Resolution], progress: (@Sendable (Int, Int) -> Void)? = nil)
        async throws -> IngestReport
    {
        // Without the name lexicon beside the program names would go unredacted: stop before reading anything.
        try Redactor.requireLexicon()
        var report = IngestReport()
        let registry = AdapterRegistry(configuration: configuration, now: now)
        // Paths the ledger holds as ingested: such a file is most likely the same again, so it is hashed before it
        // is read and skipped unread; any other file is hashed beside its reading (one pass over the bytes).
        let donePaths = Set(try await store.ingestedFiles().filter { $0.outcome == .done }.map(\.path))
        for (index, resolution) in resolutions.enumerated() {
            defer { progress?(index + 1, resolutions.count) }
            switch resolution {
            case .unmatched(let path, let message, let explicit):
                report.files.append(.init(path: path, source: nil, outcome: .unmatched(message, explicit: explicit)))
            case .feed(let file):
                report.files.append(
                    try await ingest(file, registry: registry, hashFirst: donePaths.contains(file.displayPath))
                )
            }
        }
        return report
    }

    private func ingest(_ file: FeedFile, registry: AdapterRegistry, hashFirst: Bool) async throws
        -> IngestReport.FileResult
    {
        let unreadable = IngestReport.FileResult(
            path: file.displayPath,
            source: file.feed.kind,
            outcome: .rejected(
                LocatedFailure.unusableFile(
                    .emptyFile,
                    at: SourceLocation(path: file.displayPath),
                    message: "файл не читается"
                )
            )
        )
        var digest: String?
        if hashFirst {
            guard let known = try? IngestJob.digest(of: file.url) else { return unreadable }
            if let existing = try await store.ingestedFile(digest: known), existing.outcome == .done {
                logger.info("File skipped: already ingested", metadata: [LogKey.file: "\(file.displayPath)"])
                return .init(path: file.displayPath, source: file.feed.kind, outcome: .skipped(existing.accounting))
            }
            digest = known
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
            let threads = redactionThreads
            let hashing = identity.digest == nil
            let rows = IngestRows()
            // Two stages joined by `rows`: the adapter's rows, redacted (only redacted text is stored, issue 6), flow
            // into the store, which pulls them inside the file's one transaction.
            let entry = try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    await IngestJob.read(
                        file,
                        with: adapter,
                        redactor: redactor,
                        threads: threads,
                        hashing: hashing,
                        into: rows
                    )
                }
                defer { rows.close() }  // the store is done with the file: stop reading it
                return try await store.ingest(identity, rows: rows)
            }
            if hashing, entry.path != file.displayPath || entry.feed != file.feed.name {
                // The store found these bytes ingested already, under another name, and rolled this file back.
                logger.info("File skipped: already ingested", metadata: [LogKey.file: "\(file.displayPath)"])
                return .init(path: file.displayPath, source: file.feed.kind, outcome: .skipped(entry.accounting))
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
        } catch let error as LocatedFailure where error.code.ingestReason != nil {
            logger.warning(
                "File rejected",
                metadata: [
                    LogKey.file: "\(file.displayPath)",
                    LogKey.reason: "\(error.code.ingestReason?.rawValue ?? error.code.rawValue)",
                ]
            )
            // A file hashed beside its reading may have been rejected before its last byte was hashed.
            guard let digest = digest ?? (try? IngestJob.digest(of: file.url)) else { return unreadable }
            var rejected = identity
            rejected.digest = digest
            try await store.recordRejection(rejected, error: error)
            return .init(path: file.displayPath, source: file.feed.kind, outcome: .rejected(error))
        }
    }

    /// Rows per batch from the adapter to the store.
    static let batchSize = 256

    /// Reads `file` with `adapter` and sends its rows to `rows` in batches, each decoded (when the adapter leaves that
    /// to ``PendingRows``) and redacted on one of `threads` child tasks; batches reach the store in file order, so
    /// what is stored does not depend on `threads`.
    ///
    /// The natural key and fingerprint are taken from the record as read (``RecordRedactor/redact(_:)``), so a
    /// record's identity does not depend on the redactor's version. Ends `rows` with the file's summary, or with the
    /// adapter's error; stops early once the store stopped pulling.
    ///
    /// With `hashing`, a thread of its own computes the file's SHA-256 meanwhile (the bytes are in the page cache by
    /// then, or soon after), and the summary carries it (``FileReadSummary/digest``) once the whole file was hashed.
    static func read(
        _ file: FeedFile,
        with adapter: any IngestAdapter,
        redactor: RecordRedactor,
        threads: Int,
        hashing: Bool = false,
        into rows: IngestRows
    ) async {
        async let digest: String? = hashing ? IngestJob.digestOnOwnThread(of: file.url) : nil
        do {
            var reader = try adapter.open(file)
            var failure: (any Error)?
            let complete = await orderedParallelMap(
                width: threads,
                makeState: { _ in RedactionCache() },
                next: { () -> PendingRows? in
                    guard failure == nil else { return nil }
                    do {
                        return try reader.nextPendingBatch(maxCount: batchSize)
                    } catch {
                        failure = error
                        return nil
                    }
                },
                // A lane decodes and maps the rows the reader cut (CSV), then redacts them; each lane keeps the
                // redactions of the texts it saw (templated answers repeat): same output, less work.
                transform: { batch, cache in batch.outcomes().map { $0.map { redactor.redact($0, cache: &cache) } } },
                consume: { batch in
                    do {
                        try await rows.send(batch)
                        return true
                    } catch {
                        return false
                    }
                }
            )
            guard complete else {
                // The store stopped pulling (it failed, or the file was done already), or this task was cancelled:
                // end the stream either way, so a store still pulling is not left waiting.
                rows.fail(CancellationError())
                return
            }
            if let failure { throw failure }
            var summary = reader.summary
            do {
                summary.digest = try await digest
            } catch {
                throw LocatedFailure.unusableFile(
                    .emptyFile,
                    at: SourceLocation(path: file.displayPath),
                    message: "файл не читается"
                )
            }
            rows.finish(summary)
        } catch {
            rows.fail(error)
        }
    }

    /// ``digest(of:)`` on a thread of its own, off the cooperative pool the ingest lanes run on.
    static func digestOnOwnThread(of url: URL) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try IngestJob.digest(of: url) }) }
            thread.name = "painmap-digest"
            thread.start()
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
