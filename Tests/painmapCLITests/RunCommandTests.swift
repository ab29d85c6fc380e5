import Foundation
import PainmapTestSupport
import Testing

/// `painmap run` and the cron wrapper as an operator runs them.
@Suite struct RunCommandTests {
    /// The refusal does not wait for the lock: the holder keeps it for an hour, so a run that waited would hang.
    @Test func aRunWhileAnotherHoldsTheStoreExits75AtOnce() throws {
        let directory = try temporaryDirectory("run-lock")
        let store = directory.appendingPathComponent("s.sqlite")
        let holder = try LockHolder(path: store.path + ".run.lock")
        defer { holder.release() }
        let result = try painmap([
            "run", "--store", store.path, "--quarter", "2026Q3", "--out", directory.appendingPathComponent("out").path,
        ])
        #expect(result.status == 75)
        #expect(result.stderr.contains("уже идёт запуск"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }

    @Test func unknownQuarterAndRegionAreUsageErrors() throws {
        #expect(try painmap(["run", "--quarter", "2026Q5"]).status == 64)
        #expect(try painmap(["run", "--quarter", "current", "--region", "5"]).status == 64)
        let directory = try temporaryDirectory("run-usage")
        let result = try painmap([
            "run", "--quarter", "2026Q3", "--region", "00", "--no-ingest", "--store",
            directory.appendingPathComponent("s.sqlite").path,
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("00"))
    }

    @Test func cronWrapperLogsAndPassesTheLockCodeThrough() throws {
        let directory = try temporaryDirectory("run-cron")
        let store = directory.appendingPathComponent("data/painmap.sqlite")
        try FileManager.default.createDirectory(
            at: store.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        let holder = try LockHolder(path: store.path + ".run.lock")  // returns once the lock is held
        defer { holder.release() }
        let result = try runProcess(
            URL(fileURLWithPath: "/bin/bash"),
            [cliPackageRoot.appendingPathComponent("scripts/cron/painmap-quarterly").path],
            environment: [
                "PAINMAP_BIN": try painmapBinary().path, "PAINMAP_HOME": cliPackageRoot.path,
                "PAINMAP_STORE": store.path,
                "PAINMAP_OUT": directory.appendingPathComponent("out").path,
                "PAINMAP_LOG_DIR": directory.appendingPathComponent("log").path,
            ]
        )
        #expect(result.status == 75)
        #expect(result.stderr.contains("занято"))
        let logs = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("log").path)
        #expect(logs.count == 1)
        let log = try String(contentsOf: directory.appendingPathComponent("log/\(logs[0])"), encoding: .utf8)
        #expect(log.contains("--quarter previous"))
        #expect(log.contains("exit 75"))
    }
}
