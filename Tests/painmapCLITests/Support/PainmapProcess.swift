import Foundation
import PainmapTestSupport
import Testing

/// What one run of `painmap` printed and returned.
typealias CLIResult = ProcessResult

/// The package root (Config, SampleFeeds, scripts).
let cliPackageRoot = RepositoryRoot.url

/// The `painmap` binary of the build that runs these tests: next to the test bundle (any `--scratch-path`),
/// else the default build folders.
func painmapBinary() throws -> URL {
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    let candidates =
        [runner.deletingLastPathComponent().appendingPathComponent("painmap")]
        + [".build/debug/painmap", ".build/release/painmap"].map { cliPackageRoot.appendingPathComponent($0) }
    let binary: URL = try #require(candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }))
    return binary
}

/// Runs the built `painmap`.
func painmap(_ arguments: [String], in directory: URL = cliPackageRoot, environment: [String: String] = [:]) throws
    -> CLIResult
{
    try runProcess(try painmapBinary(), arguments, in: directory, environment: environment)
}

/// A fresh temporary directory, removed when the test process exits.
func temporaryDirectory(_ label: String = "cli") throws -> URL {
    TemporaryDirectory.url(label)
}
