import Foundation
import PainmapCore
import PainmapPipeline
import Testing

@Suite struct RunLockTests {
    let store = FileManager.default.temporaryDirectory.appendingPathComponent(
        "painmap-lock-\(UUID().uuidString)/s.sqlite"
    )

    @Test func secondRunIsRefusedWithTheHoldersPidAndCode75() throws {
        let first = try RunLock.acquire(store: store)
        #expect {
            _ = try RunLock.acquire(store: store)
        } throws: { error in
            guard let busy = error as? LocatedFailure else { return false }
            return busy.code == .storeBusy && busy.exitStatus == .tempFail
                && busy.description.contains("pid \(getpid())")
                && busy.description.contains("--wait")
        }
        withExtendedLifetime(first) {}
    }

    @Test func lockIsFreeAgainAfterRelease() throws {
        do { _ = try RunLock.acquire(store: store) }
        let again = try RunLock.acquire(store: store)
        #expect(FileManager.default.fileExists(atPath: again.url.path))
    }

    @Test func waitingGivesUpAfterTheTimeout() throws {
        let first = try RunLock.acquire(store: store)
        let error = #expect(throws: LocatedFailure.self) {
            _ = try RunLock.acquire(store: store, wait: true, timeout: .milliseconds(500))
        }
        #expect(error?.code == .storeBusy)
        withExtendedLifetime(first) {}
    }

    @Test func aKilledHolderLeavesNoStaleLock() throws {
        // A child process takes the lock with flock(1) and is killed with SIGKILL; the kernel frees it.
        let lockPath = RunLock.lockURL(forStore: store).path
        try FileManager.default.createDirectory(
            at: store.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        child.arguments = ["--no-fork", lockPath, "sleep", "30"]  // flock execs sleep: one process holds the lock
        try child.run()
        var heldByChild = false
        for _ in 0..<50 {
            usleep(100_000)
            if (try? RunLock.acquire(store: store)) == nil {
                heldByChild = true
                break
            }
        }
        #expect(heldByChild)
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        var acquired = false
        for _ in 0..<100 where !acquired {
            if (try? RunLock.acquire(store: store)) != nil { acquired = true } else { usleep(100_000) }
        }
        #expect(acquired)
    }
}
