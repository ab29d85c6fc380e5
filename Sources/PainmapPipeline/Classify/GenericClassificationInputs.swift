import Foundation
import PainmapCore

/// ``ClassificationInputStore`` over any ``FeedbackStore``, for a store without lean reads: whole records, one slice at
/// a time, and classifications saved through ``FeedbackStore/saveClassifications(_:)``.
struct GenericClassificationInputs: ClassificationInputStore {
    let store: any FeedbackStore

    func classificationInputs(
        of slice: StoreSlice,
        batchSize: Int,
        _ body: ([ClassificationInput]) async throws -> Void
    ) async throws {
        var current: [RecordID: (fingerprint: UInt64, digest: String)] = [:]
        for classified in try await store.classifiedRecords(region: slice.region, quarter: slice.quarter) {
            current[classified.id] = (classified.fingerprint, classified.configDigest)
        }
        let inputs = try await store.storedRecords(region: slice.region, quarter: slice.quarter).map { stored in
            // Current only when made from this very content: the stores' own staleness rule.
            let made = current[stored.id]
            return ClassificationInput(
                id: stored.id,
                fingerprint: stored.fingerprint,
                record: stored.record,
                classifiedUnder: made?.fingerprint == stored.fingerprint ? made?.digest : nil
            )
        }
        let size = max(1, batchSize)
        for start in stride(from: 0, to: inputs.count, by: size) {
            try await body(Array(inputs[start..<min(start + size, inputs.count)]))
        }
    }

    func saveClassifications(_ batch: ClassificationBatch) async throws {
        guard let quarter = Quarter(year: 2000, number: 1) else { return }
        // Stores key classifications by record id and read nothing else of the record.
        let placeholder = FeedbackRecord(
            source: .pos,
            feed: "",
            receivedAt: .init(timeIntervalSince1970: 0),
            region: "",
            regionRaw: "",
            regionCodeSystem: .okato,
            quarter: quarter,
            text: ""
        )
        try await store.saveClassifications(
            batch.rows.map { row in
                ClassifiedRecord(
                    id: row.id,
                    fingerprint: row.fingerprint,
                    record: placeholder,
                    classification: batch.classifications[Int(row.classification)],
                    configDigest: batch.configDigest
                )
            }
        )
    }
}
