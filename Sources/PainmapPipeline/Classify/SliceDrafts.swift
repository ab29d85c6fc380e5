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

/// A slice's drafts until the learned models exist: a row of 24 bytes per record the rules decided, the analysed text
/// of the records that wait for a model while the run's budget lasts, and only the id of those beyond it (they are
/// read again from the store once the models exist).
struct SliceDrafts {
    /// The records the rules decided, numbered in the run's ``ClassificationTable``, in record order.
    private(set) var rows: [ClassificationBatch.Row] = []
    /// The records that wait for a learned model, with their drafts, in record order.
    private(set) var pending: [Pending] = []
    /// The records that wait for a learned model but did not fit the budget.
    private(set) var deferred: Set<RecordID> = []
    /// The digests of the slice's records that were not drafted because a current classification exists.
    private(set) var classifiedUnder: Set<String> = []

    /// A record waiting for a learned model.
    struct Pending {
        var id: RecordID
        var fingerprint: UInt64
        var draft: LifeSituationClassifier.PendingClassification
    }

    /// Adds a chunk's drafts, numbering its classifications in the run's table.
    ///
    /// - Parameters:
    ///   - chunk: A task's drafts, in page order.
    ///   - table: The run's table.
    ///   - room: The bytes of pending drafts the run may still hold; a draft that does not fit is deferred.
    mutating func append(_ chunk: DraftChunk, into table: inout ClassificationTable, room: inout Int) {
        let numbers = chunk.local.map { table.index(of: $0) }
        var waiting = chunk.pending.makeIterator()
        for (index, slot) in chunk.slots.enumerated() {
            let id = chunk.ids[index]
            let fingerprint = chunk.fingerprints[index]
            if slot >= 0 {
                rows.append(
                    ClassificationBatch.Row(id: id, fingerprint: fingerprint, classification: numbers[Int(slot)])
                )
            } else if let draft = waiting.next() {
                let bytes = draft.estimatedBytes
                if bytes <= room {
                    room -= bytes
                    pending.append(Pending(id: id, fingerprint: fingerprint, draft: draft))
                } else {
                    deferred.insert(id)
                }
            }
        }
        classifiedUnder.formUnion(chunk.classifiedUnder)
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
