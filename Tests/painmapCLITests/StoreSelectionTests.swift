import Foundation
import PainmapTestSupport
import Testing

/// `--store postgres://…` picks the PostgreSQL store in a build with the trait, and says how to get one without it.
@Suite struct StoreSelectionTests {
    @Test func aPostgresURLOpensThePostgresStoreOrSaysHowToBuildIt() throws {
        // Nothing listens on port 1 of the loopback.
        let result = try runPainmap([
            "status", "--store", "postgres://painmap:secret@127.0.0.1:1/painmap?sslmode=disable",
        ])
        #if PostgreSQL
            #expect(result.status == 75, "\(result.stderr)")
            #expect(result.stderr.contains("нет соединения с PostgreSQL 127.0.0.1:1"), "\(result.stderr)")
        #else
            #expect(result.status == 78, "\(result.stderr)")
            #expect(result.stderr.contains("--traits PostgreSQL"), "\(result.stderr)")
        #endif
        #expect(!result.stderr.contains("secret"))
    }

    @Test func PAINMAP_STOREIsReadWhenNoOptionIsGiven() throws {
        let result = try runPainmap(
            ["quarantine"],
            environment: ["PAINMAP_STORE": "postgresql://painmap@127.0.0.1:1/painmap"]
        )
        #expect(result.status == 75 || result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("PostgreSQL"))
    }

    private func runPainmap(_ arguments: [String], environment: [String: String] = [:]) throws -> (
        status: Int32, stderr: String
    ) {
        let process = Process()
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        let root = RepositoryRoot.url
        let candidates = [
            runner.deletingLastPathComponent().appendingPathComponent("painmap"),
            root.appendingPathComponent(".build/debug/painmap"),
        ]
        let executable: URL = try #require(
            candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        )
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
