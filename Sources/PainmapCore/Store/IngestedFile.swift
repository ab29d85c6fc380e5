public import Foundation

/// A ledger entry: one input file the store has seen, by content digest.
public struct IngestedFile: Sendable, Hashable {
    /// What happened to the file.
    public enum Outcome: String, Sendable, Codable {
        /// All rows accounted for and committed.
        case done
        /// The file as a whole was unusable; nothing from it is stored. It is retried on the next ingest.
        case rejected
    }

    /// SHA-256 of the file's bytes, hex.
    public var digest: String
    /// The path it was ingested from.
    public var path: String
    /// The feed layout used.
    public var feed: String
    /// The source kind.
    public var source: SourceKind
    /// The outcome.
    public var outcome: Outcome
    /// The encoding the file was decoded with (`nil` if rejected before decoding).
    public var encoding: String?
    /// The row accounting.
    public var accounting: FileAccounting
    /// The rejection reason, for rejected files.
    public var rejectionReason: QuarantineReason?
    /// The rejection message, for rejected files.
    public var rejectionMessage: String?
    /// When the ledger entry was written.
    public var ingestedAt: Date

    /// Creates a ledger entry.
    public init(
        digest: String,
        path: String,
        feed: String,
        source: SourceKind,
        outcome: Outcome,
        encoding: String?,
        accounting: FileAccounting,
        rejectionReason: QuarantineReason? = nil,
        rejectionMessage: String? = nil,
        ingestedAt: Date
    ) {
        self.digest = digest
        self.path = path
        self.feed = feed
        self.source = source
        self.outcome = outcome
        self.encoding = encoding
        self.accounting = accounting
        self.rejectionReason = rejectionReason
        self.rejectionMessage = rejectionMessage
        self.ingestedAt = ingestedAt
    }
}
