import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A crash-test hook: `PAINMAP_FAULT_AT=<point>` makes the process kill itself (SIGKILL, no cleanup, exactly as
/// `kill -9` would) the first time it reaches that point. Off unless the variable is set; for the multi-worker test
/// (scripts/test-workers), which checks that a worker killed mid-region leaves nothing half done.
enum FaultInjection {
    /// Where a fault can be injected.
    enum Point: String {
        /// A region's report files are written, its pains not stored and its outcome not recorded yet.
        case afterRegionFiles = "after-region-files"
    }

    private static let armed: String? = ProcessInfo.processInfo.environment["PAINMAP_FAULT_AT"]

    /// Kills the process when `PAINMAP_FAULT_AT` names `point`.
    static func point(_ point: Point) {
        guard let armed, armed == point.rawValue else { return }
        FileHandle.standardError.write(Data("painmap: PAINMAP_FAULT_AT=\(armed): процесс \(getpid()) завершается сигналом SIGKILL\n".utf8))
        kill(getpid(), SIGKILL)
    }
}
