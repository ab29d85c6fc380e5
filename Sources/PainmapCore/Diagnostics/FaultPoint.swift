import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Named checkpoints for crash-consistency testing (`scripts/fault-inject`); inert unless an environment variable
/// is set.
///
/// - `PAINMAP_FAULT_AT=N` kills the process with `SIGKILL` when the N-th checkpoint (counting from 1, in the order
///   they are reached) is hit — the same effect as `kill -9` from outside at that instant, but reproducible.
/// - `PAINMAP_FAULT_AT=LABEL` (not a number) kills it at the first checkpoint with that label, such as
///   `run.region-files-written` (the multi-worker test kills a worker between a region's files and its pains).
/// - `PAINMAP_FAULT_TRACE=FILE` appends one line `N label` per checkpoint to `FILE`, so a script can count the
///   checkpoints of a run and pick kill points spread over its phases.
///
/// With neither variable set, ``hit(_:)`` is one load of a constant and a branch. Checkpoints sit at the points where
/// a crash matters: rows inside a file's transaction, just before a commit, classification batches, pains stored,
/// and each report file before and after its temporary copy is written and renamed.
public enum FaultPoint {
    private final class State: @unchecked Sendable {
        let target: Int
        let label: String?
        let trace: Int32
        let lock = NSLock()
        var count = 0

        init?(environment: [String: String]) {
            let value = environment["PAINMAP_FAULT_AT"]
            let target = value.flatMap { Int($0) } ?? 0
            let label = value.flatMap { Int($0) == nil && !$0.isEmpty ? $0 : nil }
            let trace =
                environment["PAINMAP_FAULT_TRACE"].map { open($0, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644) }
                ?? -1
            guard target > 0 || label != nil || trace >= 0 else { return nil }
            self.target = target
            self.label = label
            self.trace = trace
        }
    }

    private static let state = State(environment: ProcessInfo.processInfo.environment)

    /// Marks a checkpoint; kills the process here if it is the one `PAINMAP_FAULT_AT` names.
    ///
    /// - Parameter label: What the program is about to do or has just done (`ingest.row`, `report.renamed`).
    @inline(__always)
    public static func hit(_ label: StaticString) {
        guard let state else { return }
        record(label, state)
    }

    private static func record(_ label: StaticString, _ state: State) {
        state.lock.lock()
        state.count += 1
        let count = state.count
        if state.trace >= 0 {
            let line = Array("\(count) \(label)\n".utf8)
            _ = line.withUnsafeBytes { write(state.trace, $0.baseAddress, $0.count) }
        }
        if count == state.target || state.label.map({ $0 == "\(label)" }) == true { kill(getpid(), SIGKILL) }
        state.lock.unlock()
    }
}
