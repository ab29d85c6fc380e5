/// A store that hands classification only the fields it reads, a batch at a time, and saves classifications in
/// batches: what `painmap classify` reads and writes.
public protocol ClassificationInputStore: Sendable {
    /// Streams the records of one region and quarter with the fields classification reads, in batches, in the
    /// order of the store's slice index (source, then id).
    ///
    /// Each record carries its source, region, quarter, text, category, subcategory, category code, service id and
    /// name, survey answer and ratings; its other fields are empty (feed `""`, received at the epoch, raw region `""`)
    /// and must not be read. At most `batchSize` records are held at once.
    /// - Parameters:
    ///   - slice: The region and quarter.
    ///   - batchSize: Records per batch (at least 1).
    ///   - body: Takes each batch in order.
    /// - Throws: A ``PainmapFailure`` when the store cannot be read; what `body` throws.
    func classificationInputs(
        of slice: StoreSlice,
        batchSize: Int,
        _ body: ([ClassificationInput]) async throws -> Void
    ) async throws

    /// Streams some records of one region and quarter, as
    /// ``classificationInputs(of:batchSize:_:)`` gives them, in batches: the records a run deferred
    /// until its learned models existed.
    ///
    /// - Parameters:
    ///   - slice: The region and quarter.
    ///   - ids: The records to read; ids of other slices or of no record are skipped.
    ///   - batchSize: Records per batch (at least 1).
    ///   - body: Takes each batch in order.
    /// - Throws: A ``PainmapFailure`` when the store cannot be read; what `body` throws.
    func classificationInputs(
        of slice: StoreSlice,
        ids: Set<RecordID>,
        batchSize: Int,
        _ body: ([ClassificationInput]) async throws -> Void
    ) async throws

    /// Saves a batch of classifications in one transaction, replacing earlier ones of the same records.
    ///
    /// - Parameter batch: The rows, the distinct classifications they name and the configuration digest.
    /// - Throws: A ``PainmapFailure`` when the store cannot be written; nothing of the batch is then saved.
    func saveClassifications(_ batch: ClassificationBatch) async throws
}

extension ClassificationInputStore {
    /// Streams the whole slice and keeps the given records: a store without lookups by id.
    public func classificationInputs(
        of slice: StoreSlice,
        ids: Set<RecordID>,
        batchSize: Int,
        _ body: ([ClassificationInput]) async throws -> Void
    ) async throws {
        guard !ids.isEmpty else { return }
        try await classificationInputs(of: slice, batchSize: batchSize) { page in
            let chosen = page.filter { ids.contains($0.id) }
            if !chosen.isEmpty { try await body(chosen) }
        }
    }
}

/// One record as `painmap classify` reads it: the fields the rules read, and whether it is classified already.
public struct ClassificationInput: Sendable {
    /// The store's id.
    public var id: RecordID
    /// The stored content fingerprint.
    public var fingerprint: UInt64
    /// The record, with only the fields classification reads (see
    /// ``ClassificationInputStore/classificationInputs(of:batchSize:_:)``).
    public var record: FeedbackRecord
    /// The configuration digest of the record's stored classification when that was made from this very content;
    /// `nil` when the record was never classified or changed since.
    public var classifiedUnder: String?

    /// Creates an input.
    ///
    /// - Parameters:
    ///   - id: The store's id.
    ///   - fingerprint: The stored content fingerprint.
    ///   - record: The lean record.
    ///   - classifiedUnder: The digest of a current classification, if any.
    public init(id: RecordID, fingerprint: UInt64, record: FeedbackRecord, classifiedUnder: String?) {
        self.id = id
        self.fingerprint = fingerprint
        self.record = record
        self.classifiedUnder = classifiedUnder
    }
}

/// Classifications of many records saved in one transaction: each row names one of a few distinct classifications
/// (a run repeats the same situation, stage and evidence for thousands of records).
public struct ClassificationBatch: Sendable {
    /// One record's row.
    public struct Row: Sendable, Hashable {
        /// The store's id of the record.
        public var id: RecordID
        /// The content fingerprint classified.
        public var fingerprint: UInt64
        /// Its index in ``ClassificationBatch/classifications``.
        public var classification: Int32

        /// Creates a row.
        public init(id: RecordID, fingerprint: UInt64, classification: Int32) {
            self.id = id
            self.fingerprint = fingerprint
            self.classification = classification
        }
    }

    /// The distinct classifications the rows name (may hold more than this batch uses).
    public var classifications: [RecordClassification]
    /// The records.
    public var rows: [Row]
    /// The digest of the configuration (and learned models) the records were classified with.
    public var configDigest: String

    /// Creates a batch.
    ///
    /// - Parameters:
    ///   - classifications: The distinct classifications.
    ///   - rows: The records, each naming a classification by index.
    ///   - configDigest: The configuration digest.
    public init(classifications: [RecordClassification], rows: [Row], configDigest: String) {
        self.classifications = classifications
        self.rows = rows
        self.configDigest = configDigest
    }
}
