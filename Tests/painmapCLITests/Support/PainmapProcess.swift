import Foundation
import Testing

/// What one run of a process printed and returned.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The package root (Config, SampleFeeds, scripts).
let cliPackageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// The `painmap` binary of the build that runs these tests: next to the test bundle (any `--scratch-path`),
/// else the default build folders.
func painmapBinary() throws -> URL {
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    let candidates =
        [runner.deletingLastPathComponent().appendingPathComponent("painmap")]
        + [".build/debug/painmap", ".build/release/painmap"].map { cliPackageRoot.appendingPathComponent($0) }
    return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
}

/// Runs an executable to completion and collects its output.
///
/// - Parameters:
///   - executable: The program.
///   - arguments: Its arguments.
///   - directory: The working directory (default: the package root).
///   - environment: Variables added to this process's environment.
/// - Returns: The exit status and what the process wrote to stdout and stderr.
/// - Throws: When the process cannot be started.
func runProcess(
    _ executable: URL,
    _ arguments: [String],
    in directory: URL = cliPackageRoot,
    environment: [String: String] = [:]
) throws -> CLIResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read stderr on another thread so neither pipe can fill up and stall the child.
    let errorBox = DataBox()
    let reader = Thread { errorBox.data = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorBox.isSet { usleep(1_000) }
    return CLIResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errorBox.data, as: UTF8.self)
    )
}

/// Runs the built `painmap`.
func painmap(_ arguments: [String], in directory: URL = cliPackageRoot, environment: [String: String] = [:]) throws
    -> CLIResult
{
    try runProcess(try painmapBinary(), arguments, in: directory, environment: environment)
}

/// A fresh temporary directory.
func temporaryDirectory(_ label: String = "cli") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("painmap-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Data handed from the stderr reader thread.
private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Data()
    private var set = false

    var data: Data {
        get { lock.withLock { value } }
        set {
            lock.withLock {
                value = newValue
                set = true
            }
        }
    }

    var isSet: Bool { lock.withLock { set } }
}
