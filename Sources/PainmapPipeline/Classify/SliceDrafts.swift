import PainmapClustering
import PainmapCore

/// One task's drafts of a chunk of records, with its classifications numbered locally.
struct DraftChunk: Sendable {
    /// The drafted records, in page order.
    var ids: [RecordID] = []
    /// Their content fingerprints.
    var fingerprints: [UInt64] = []
    /// Per drafted record: its classification in ``local``, or -1 when it waits in ``pending`` (in order).
    var slots: [Int32] = []
    /// The distinct classifications of the chunk.
    var local: [RecordClassification] = []
    /// The drafts that wait for a learned model.
    var pending: [LifeSituationClassifier.PendingClassification] = []
    /// The digests of records not drafted because a current classification exists.
    var classifiedUnder: Set<String> = []
}

/// A slice's drafts until the learned models exist: about 20 bytes a record, plus the stem keys of the few that wait
/// for a model.
struct SliceDrafts {
    private var ids: [RecordID] = []
    private var fingerprints: [UInt64] = []
    /// Per record: an index into the run's ``ClassificationTable``, or `-1 - k` for ``pending``[k].
    private var slots: [Int32] = []
    /// The drafts that wait for a learned model, in record order.
    private(set) var pending: [LifeSituationClassifier.PendingClassification] = []
    /// The digests of the slice's records that were not drafted because a current classification exists.
    private(set) var classifiedUnder: Set<String> = []

    /// Adds a chunk's drafts, numbering its classifications in the run's table.
    mutating func append(_ chunk: DraftChunk, into table: inout ClassificationTable) {
        let numbers = chunk.local.map { table.index(of: $0) }
        var waiting = chunk.pending.makeIterator()
        ids += chunk.ids
        fingerprints += chunk.fingerprints
        for slot in chunk.slots {
            if slot >= 0 {
                slots.append(numbers[Int(slot)])
            } else if let draft = waiting.next() {
                slots.append(-1 - Int32(pending.count))
                pending.append(draft)
            }
        }
        classifiedUnder.formUnion(chunk.classifiedUnder)
    }

    /// The rows to save, once ``pending`` is finished.
    ///
    /// - Parameters:
    ///   - finished: The classifications of ``pending``, in its order.
    ///   - table: The run's table, which numbers them.
    /// - Returns: One row per drafted record, in record order.
    func rows(finishing finished: [RecordClassification], into table: inout ClassificationTable)
        -> [ClassificationBatch.Row]
    {
        let numbers = finished.map { table.index(of: $0) }
        return ids.indices.map { index in
            let slot = slots[index]
            return ClassificationBatch.Row(
                id: ids[index],
                fingerprint: fingerprints[index],
                classification: slot >= 0 ? slot : numbers[Int(-1 - slot)]
            )
        }
    }
}

/// The distinct classifications of a run, numbered in the order first seen: a federal quarter's two million records
/// share a few thousand (situation, stage, rules and evidence).
struct ClassificationTable {
    /// The classifications, by number.
    private(set) var items: [RecordClassification] = []
    private var numbers: [RecordClassification: Int32] = [:]

    /// The number of a classification, adding it when new.
    mutating func index(of classification: RecordClassification) -> Int32 {
        if let known = numbers[classification] { return known }
        let number = Int32(items.count)
        numbers[classification] = number
        items.append(classification)
        return number
    }
}
