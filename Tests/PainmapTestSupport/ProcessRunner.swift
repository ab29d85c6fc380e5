public import Foundation
import Synchronization

/// What one run of a process printed and returned.
public struct ProcessResult: Sendable {
    /// The exit status.
    public var status: Int32
    /// Everything written to stdout.
    public var stdout: String
    /// Everything written to stderr.
    public var stderr: String
}

/// Runs an executable to completion and collects its output, waiting on events only (pipes closed, process exited).
///
/// - Parameters:
///   - executable: The program.
///   - arguments: Its arguments.
///   - directory: The working directory (default: the repository root).
///   - environment: Variables added to this process's environment.
/// - Returns: The exit status and what the process wrote to stdout and stderr.
/// - Throws: When the process cannot be started.
public func runProcess(
    _ executable: URL,
    _ arguments: [String],
    in directory: URL = RepositoryRoot.url,
    environment: [String: String] = [:]
) throws -> ProcessResult {
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
    // Read stderr on another thread so neither pipe can fill up and stall the child; join it on its end of file.
    let errorData = Mutex(Data())
    let errorRead = DispatchSemaphore(value: 0)
    let reader = Thread {
        let data = err.fileHandleForReading.readDataToEndOfFile()
        errorData.withLock { $0 = data }
        errorRead.signal()
    }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    errorRead.wait()
    return ProcessResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errorData.withLock { $0 }, as: UTF8.self)
    )
}

/// Another process holding a lock file with `flock(1)`, as a second painmap run would: started and returned only
/// once the lock is held (the holder says so on stdout), killed and reaped by ``release()`` or on deinit.
public final class LockHolder: Sendable {
    private let process: Process

    /// Starts the holder and waits until it holds the lock.
    ///
    /// - Parameters:
    ///   - path: The lock file (for a store, `<store>.run.lock`).
    ///   - timeout: The longest wait for the lock, generous for a loaded machine.
    /// - Throws: ``Timeout`` when the lock is not held in time; the process's error when it cannot start.
    public init(path: String, timeout: DispatchTimeInterval = .seconds(120)) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        // `exec` keeps one process (the one killed later) holding the descriptor.
        process.arguments = ["--no-fork", path, "-c", "echo held; exec sleep 3600"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        self.process = process
        let held = DispatchSemaphore(value: 0)
        let reader = Thread {
            _ = out.fileHandleForReading.availableData  // the first line, written once flock holds the lock
            held.signal()
        }
        reader.start()
        guard held.wait(timeout: .now() + timeout) == .success else {
            release()
            throw Timeout()
        }
    }

    deinit { release() }

    /// Kills the holder and waits until it has exited, so the kernel has released the lock.
    public func release() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// The holder did not report the lock within the timeout.
    public struct Timeout: Error {}
}
