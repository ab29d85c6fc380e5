import PainmapCore

/// The rows of a classification run waiting to be saved, and the distinct classifications they name.
///
/// Rows wait until a batch is full: slices of a federal quarter hold a few thousand records each, and one transaction
/// per slice would cost one WAL sync per slice.
struct ClassificationWriter {
    /// Where the batches go.
    let inputs: any ClassificationInputStore
    /// Rows saved in one transaction at most.
    let batchSize: Int
    /// The run's distinct classifications.
    var table = ClassificationTable()
    /// Rows not saved yet.
    var waiting: [ClassificationBatch.Row] = []
    /// The configuration digest the rows are saved under (set once the models exist).
    var digest = ""
    /// Rows saved so far.
    private(set) var saved = 0

    /// Creates a writer.
    init(inputs: any ClassificationInputStore, batchSize: Int) {
        self.inputs = inputs
        self.batchSize = max(1, batchSize)
    }

    /// Saves full batches while at least `minimum` rows wait (1: every waiting row).
    mutating func flush(_ minimum: Int) async throws {
        while waiting.count >= max(1, minimum) {
            let count = min(batchSize, waiting.count)
            let batch = Array(waiting[..<count])
            waiting.removeFirst(count)
            FaultPoint.hit("classify.before-save")
            try await inputs.saveClassifications(
                ClassificationBatch(classifications: table.items, rows: batch, configDigest: digest)
            )
            FaultPoint.hit("classify.saved")
            saved += batch.count
        }
    }
}

/// What a run saved of one slice, and the analysts' moves still to apply there.
struct SliceEmission {
    /// Records analysts moved to another life situation, by id.
    var moves: [RecordID: RecordDecision]
    /// The moved records whose rows were saved in this run.
    var moved: Set<RecordID> = []
    /// Rows saved.
    var rows = 0
    /// Records the classifier left unassigned (before moves).
    var unassigned = 0

    init(moves: [RecordID: RecordDecision]) {
        self.moves = moves
    }
}
