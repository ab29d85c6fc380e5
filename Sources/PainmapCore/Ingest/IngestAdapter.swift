/// Opens export files of one source kind and yields their rows as records or quarantined rows, in file order.
///
/// Rows it cannot read become ``QuarantinedRow`` values; the adapter never stops on a bad row.
public protocol IngestAdapter: Sendable {
    /// The source kind this adapter reads.
    var kind: SourceKind { get }

    /// Opens `file` and checks what must hold for the whole file (header, columns, root element).
    /// - Parameter file: The export, with the layout its feed declares.
    /// - Returns: The file's rows, to pull in order.
    /// - Throws: ``LocatedFailure`` with an ``FailureCode/ingest(_:)`` code when the file as a whole is unusable (no header, missing columns, forbidden DTD).
    func open(_ file: FeedFile) throws -> any RowReader
}

/// What an adapter reports about a whole file after reading it.
public struct FileReadSummary: Sendable, Hashable {
    /// The encoding the file was decoded with (`utf-8`, `utf-8-bom`, `cp1251`).
    public var encoding: String
    /// Columns present in the file but not mapped (schema drift), for the log.
    public var unmappedColumns: [String]
    /// SHA-256 of the file's bytes (hex), when it was computed beside the reading: the ingest job sets it, and a store
    /// given a file without a digest (``IngestFileIdentity/digest`` `nil`) records it from here, after the last row.
    public var digest: String?

    /// Creates a summary.
    public init(encoding: String, unmappedColumns: [String] = [], digest: String? = nil) {
        self.encoding = encoding
        self.unmappedColumns = unmappedColumns
        self.digest = digest
    }
}

extension FailureCode {
    /// A whole input file is unusable for `reason` (`ingest.<reason>`, such as `ingest.missing_columns`); the file is
    /// recorded as rejected, and the run goes on with the next file (65).
    ///
    /// - Parameter reason: The reason, from the same closed set as row quarantine.
    /// - Returns: The code.
    public static func ingest(_ reason: QuarantineReason) -> FailureCode {
        FailureCode(rawValue: ingestPrefix + reason.rawValue)
    }

    /// The reason of an ``ingest(_:)`` code; `nil` for any other code.
    public var ingestReason: QuarantineReason? {
        guard rawValue.hasPrefix(Self.ingestPrefix) else { return nil }
        return QuarantineReason(rawValue: String(rawValue.dropFirst(Self.ingestPrefix.count)))
    }

    private static let ingestPrefix = "ingest."
}

extension LocatedFailure {
    /// A whole file is unusable: it is recorded as rejected, and the run goes on with the next file (65).
    ///
    /// - Parameters:
    ///   - reason: The reason code, from the same closed set as row quarantine.
    ///   - location: Where the problem is: `SampleFeeds/hotline/x.csv:1`.
    ///   - message: What is wrong and what to do, in Russian.
    /// - Returns: A failure with code ``FailureCode/ingest(_:)`` and ``ExitStatus/dataError``.
    public static func unusableFile(_ reason: QuarantineReason, at location: SourceLocation, message: String)
        -> LocatedFailure
    {
        LocatedFailure(.ingest(reason), at: location, message: message, status: .dataError)
    }
}
