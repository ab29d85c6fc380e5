import Foundation

/// Runs headless Chromium (Debian's `chromium` package) on a local file.
struct Chromium {
    /// What one run printed.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let executable: URL

    /// `PAINMAP_CHROMIUM`, else the first of `chromium`, `chromium-browser`, `google-chrome` on `PATH`.
    static var installed: Chromium? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["PAINMAP_CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) {
            return Chromium(executable: URL(fileURLWithPath: path))
        }
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in directories {
                let path = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) {
                    return Chromium(executable: URL(fileURLWithPath: path))
                }
            }
        }
        return nil
    }

    /// CI sets `CI`; there a missing browser is a failure, not a skip.
    static var isCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"] ?? ""
        return !value.isEmpty && value != "0" && value.lowercased() != "false"
    }

    /// Runs Chromium headless with console logging on stderr, in a fresh profile under `directory`.
    func run(_ arguments: [String], in directory: URL, timeout: TimeInterval = 120) throws -> Output {
        let profile = directory.appendingPathComponent("profile-\(UUID())")
        let stdoutURL = directory.appendingPathComponent("stdout-\(UUID()).txt")
        let stderrURL = directory.appendingPathComponent("stderr-\(UUID()).txt")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
        let stderrHandle = try FileHandle(forWritingTo: stderrURL)
        let process = Process()
        process.executableURL = executable
        process.arguments =
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
            ] + arguments
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            finished.wait()
        }
        try stdoutHandle.close()
        try stderrHandle.close()
        return Output(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        )
    }

    /// Console lines Chromium logged for the page: script errors, CSP violations, failed loads.
    static func consoleProblems(in log: String) -> [String] {
        log.components(separatedBy: "\n").filter { line in
            line.contains(":CONSOLE") || line.contains("Refused to") || line.contains("Content Security Policy")
                || line.contains("Uncaught") || line.contains("net::ERR_")
        }
    }
}
