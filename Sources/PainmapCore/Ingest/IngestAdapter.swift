/// Opens export files of one source kind and yields their rows as records or quarantined rows, in file order.
///
/// Rows it cannot read become ``QuarantinedRow`` values; the adapter never stops on a bad row.
public protocol IngestAdapter: Sendable {
    /// The source kind this adapter reads.
    var kind: SourceKind { get }

    /// Opens `file` and checks what must hold for the whole file (header, columns, root element).
    /// - Parameter file: The export, with the layout its feed declares.
    /// - Returns: The file's rows, to pull in order.
    /// - Throws: ``IngestError`` when the file as a whole is unusable (no header, missing columns, forbidden DTD).
    func open(_ file: FeedFile) throws -> any RowReader
}

/// What an adapter reports about a whole file after reading it.
public struct FileReadSummary: Sendable, Hashable {
    /// The encoding the file was decoded with (`utf-8`, `utf-8-bom`, `cp1251`).
    public var encoding: String
    /// Columns present in the file but not mapped (schema drift), for the log.
    public var unmappedColumns: [String]

    /// Creates a summary.
    public init(encoding: String, unmappedColumns: [String] = []) {
        self.encoding = encoding
        self.unmappedColumns = unmappedColumns
    }
}

/// A whole file is unusable: it is recorded as rejected, and the run goes on with the next file.
public struct IngestError: PainmapFailure, Equatable {
    /// Where the problem is.
    public var location: SourceLocation
    /// The reason code, from the same closed set as row quarantine.
    public var reason: QuarantineReason
    /// What is wrong and what to do, in Russian.
    public var message: String

    /// Creates an ingest error.
    public init(location: SourceLocation, reason: QuarantineReason, message: String) {
        self.location = location
        self.reason = reason
        self.message = message
    }

    /// `SampleFeeds/hotline/x.csv:1: ошибка: …`.
    public var description: String { "\(location): ошибка: \(message)" }
    /// Always ``ExitStatus/dataError``.
    public var exitStatus: ExitStatus { .dataError }
}
