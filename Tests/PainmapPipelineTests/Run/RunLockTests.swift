import Foundation
import PainmapCore
import PainmapPipeline
import PainmapTestSupport
import Testing

@Suite struct RunLockTests {
    let store = TemporaryDirectory.url("lock").appendingPathComponent("s.sqlite")

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
        let child = try LockHolder(path: lockPath)  // returns once the child holds the lock
        #expect((try? RunLock.acquire(store: store)) == nil, "held by the child")
        child.release()  // SIGKILL, then waits until the child has exited
        #expect((try? RunLock.acquire(store: store)) != nil, "the kernel released the dead holder's lock")
    }
}
