public import Foundation

/// Where records, quarantined rows and the file ledger live.
///
/// SQLite is the embedded default; other backends implement the same protocol and pass the same
/// contract tests. The protocol speaks only in domain terms.
public protocol FeedbackStore: Sendable {
    /// What shares a quarter's regions among worker processes (`painmap run --all-regions`), when this store can.
    ///
    /// A server store (PostgreSQL) answers with its claim table; SQLite answers `nil`: its file admits one writing
    /// process, so there the regions are shared among tasks of that one process.
    var regionCoordinator: (any RegionRunCoordinator)? { get }

    /// The ledger entry of a file digest, if the store has seen it.
    func ingestedFile(digest: String) async throws -> IngestedFile?

    /// Ingests one file in one transaction: all of its rows and its ledger entry, or nothing.
    ///
    /// The store pulls `rows` inside the transaction, writes each batch and, before committing, checks that every
    /// row read is stored, quarantined or a duplicate. A file whose digest the ledger already holds as done (another
    /// run finished it meanwhile) is not read again; its existing entry is returned. Implementations must let
    /// concurrent calls for different files proceed safely.
    ///
    /// A file given without a digest is being hashed while it is read: the store takes the digest from the summary
    /// that ends `rows` (``FileReadSummary/digest``) and only then records it. If the ledger holds that digest as done
    /// already (the same bytes under another name), everything the file wrote is rolled back and the existing entry
    /// is returned, so a file is never stored twice; an earlier rejection of the digest is replaced. Until the
    /// commit no other reader sees the file's entry, so a crash leaves no entry without its rows.
    ///
    /// - Parameters:
    ///   - file: Digest (or `nil`, see above), path, feed and source of the file.
    ///   - rows: The file's redacted rows in file order; an error pulled from it rolls everything back.
    /// - Returns: The committed ledger entry.
    /// - Throws: what pulling `rows` throws (the adapter's ``LocatedFailure``), or a store failure.
    func ingest(_ file: IngestFileIdentity, rows: IngestRows) async throws -> IngestedFile

    /// Records a file that was rejected as a whole (replacing an earlier rejection of the same digest).
    ///
    /// - Parameters:
    ///   - file: The file, with its digest (a file without one is a store failure).
    ///   - error: Why: a failure with an ``FailureCode/ingest(_:)`` code, whose reason the ledger keeps.
    /// - Throws: A store failure when the ledger cannot be written.
    func recordRejection(_ file: IngestFileIdentity, error: LocatedFailure) async throws

    /// Totals for `painmap status`.
    func status() async throws -> StoreStatus

    /// Quarantined rows, optionally only those with one reason, in file and line order.
    func quarantinedRows(reason: QuarantineReason?) async throws -> [QuarantineEntry]

    /// All files in the ledger, in ingest order.
    func ingestedFiles() async throws -> [IngestedFile]

    /// Stored records, optionally of one region and/or quarter, ordered by source, received time and key.
    func records(region: String?, quarter: Quarter?) async throws -> [FeedbackRecord]

    // MARK: Classification (life situation and stage per record)

    /// Stored records, with ids and fingerprints, optionally of one region and/or quarter, in ``records(region:quarter:)`` order.
    func storedRecords(region: String?, quarter: Quarter?) async throws -> [StoredRecord]

    /// Records whose classification is missing or out of date, in ``records(region:quarter:)`` order.
    ///
    /// Out of date means made under another configuration digest, or before a later export changed the record
    /// (its fingerprint differs from the one classified).
    /// - Parameters:
    ///   - configDigest: The digest of the life-situation configuration about to be applied.
    ///   - region: Only this region, if given.
    ///   - quarter: Only this quarter, if given.
    /// - Returns: The records, in store order.
    /// - Throws: The store's failure when it cannot be read.
    func unclassifiedRecords(configDigest: String, region: String?, quarter: Quarter?) async throws -> [StoredRecord]

    /// Saves classifications in one transaction, replacing earlier ones of the same records.
    func saveClassifications(_ records: [ClassifiedRecord]) async throws

    /// Classified records (current or stale) of a region and/or quarter with their classification, in
    /// ``records(region:quarter:)`` order; records never classified are left out.
    func classifiedRecords(region: String?, quarter: Quarter?) async throws -> [ClassifiedRecord]

    /// Record counts per region, quarter, situation, stage and rule, including records not classified yet.
    ///
    /// - Parameters:
    ///   - region: Only this region, if given.
    ///   - quarter: Only this quarter, if given.
    ///   - configDigest: Classifications made under another digest are counted with `isStale`.
    /// - Returns: One count per distinct combination.
    /// - Throws: The store's failure when it cannot be read.
    func classificationCounts(region: String?, quarter: Quarter?, configDigest: String) async throws
        -> [ClassificationCount]

    // MARK: Pains (what a run found, for the next quarter's matching and trend charts)

    /// Replaces every stored pain of one region and quarter, and the records of each, in one transaction (a rerun of
    /// the region-quarter overwrites what an earlier run left; a failure leaves the earlier pains and members).
    ///
    /// - Parameters:
    ///   - region: The 2-digit region code.
    ///   - quarter: The quarter.
    ///   - pains: The pains of all situations of that region and quarter; each must carry the same region and quarter.
    ///   - members: The records of each pain (``PainMembers``), each list naming one of `pains`; a pain without a
    ///     list keeps no members. Written in batches, in the order given.
    /// - Throws: The store's failure for a pain of another slice, members of no pain in `pains` or an invalid value;
    ///   nothing changes then.
    func replacePains(region: String, quarter: Quarter, with pains: [StoredPain], members: [PainMembers]) async throws

    /// Stored pains, optionally of one region and/or quarter, ordered by region, quarter, life situation and rank.
    func pains(region: String?, quarter: Quarter?) async throws -> [StoredPain]

    /// One page of the records stored as a pain's members (``PainMembers``), in their stored order (newest first).
    ///
    /// - Parameters:
    ///   - pain: The pain: its region, quarter, life situation and id.
    ///   - offset: Members skipped before the page.
    ///   - limit: The most records on the page.
    /// - Returns: The pain's member count and the page's records; a pain stored without members (by a run before
    ///   `v10_pain_members`) or not stored answers a total of 0.
    /// - Throws: The store's failure when it cannot be read.
    func painMembers(of pain: PainReference, offset: Int, limit: Int) async throws -> PainMemberPage
    // MARK: Redaction

    /// The identifiers the redactor removed at ingest from records of a region and/or quarter, by record id and
    /// text order; the report gate scans rendered reports for them.
    func redactedIdentifiers(region: String?, quarter: Quarter?) async throws -> [RedactedIdentifier]

    // MARK: Retention

    /// Deletes the recorded identifiers and kept originals of records received before `cutoff` (152-ФЗ retention),
    /// in one transaction; redacted records and every count stay.
    /// - Returns: The rows deleted by table.
    func purgePersonalData(receivedBefore cutoff: Date) async throws -> PurgeReport
}

extension FeedbackStore {
    /// Replaces every stored pain of one region and quarter, keeping no members for them.
    ///
    /// - Parameters:
    ///   - region: The 2-digit region code.
    ///   - quarter: The quarter.
    ///   - pains: The pains of all situations of that region and quarter.
    /// - Throws: What ``replacePains(region:quarter:with:members:)`` throws.
    public func replacePains(region: String, quarter: Quarter, with pains: [StoredPain]) async throws {
        try await replacePains(region: region, quarter: quarter, with: pains, members: [])
    }
}

/// What identifies a file being ingested.
public struct IngestFileIdentity: Sendable, Hashable {
    /// The digest a file's ledger entry holds inside its transaction until its own is known (a file without
    /// ``digest``): unique per call, never a hex SHA-256.
    public static func provisionalDigest() -> String { "pending-" + UUID().uuidString }

    /// The digest to record for the file once its rows ended with `summary`: ``digest``, else the summary's.
    /// - Throws: ``LocatedFailure`` with ``FailureCode/storeInternal`` when neither holds one.
    public func recordedDigest(after summary: FileReadSummary) throws(LocatedFailure) -> String {
        guard let known = digest ?? summary.digest else {
            throw LocatedFailure.store(.storeInternal, message: "у файла \(path) нет контрольной суммы")
        }
        return known
    }

    /// SHA-256 of the bytes, hex; `nil` while the file is hashed as it is read (see ``FeedbackStore/ingest(_:rows:)``).
    public var digest: String?
    /// The path as shown to the user.
    public var path: String
    /// The feed layout.
    public var feed: String
    /// The source kind.
    public var source: SourceKind

    /// Creates a file identity.
    public init(digest: String?, path: String, feed: String, source: SourceKind) {
        self.digest = digest
        self.path = path
        self.feed = feed
        self.source = source
    }
}

/// A quarantined row as listed by `painmap quarantine`: where it came from and why, never its content.
public struct QuarantineEntry: Sendable, Hashable, Codable {
    /// The file path.
    public var file: String
    /// The source kind of the file's feed.
    public var source: SourceKind
    /// The line, row or element index (0 for a whole rejected file).
    public var line: Int
    /// The column at fault, if any.
    public var column: String?
    /// The reason code.
    public var reason: QuarantineReason
    /// What to fix.
    public var message: String

    /// Creates an entry.
    public init(file: String, source: SourceKind, line: Int, column: String?, reason: QuarantineReason, message: String)
    {
        self.file = file
        self.source = source
        self.line = line
        self.column = column
        self.reason = reason
        self.message = message
    }
}
