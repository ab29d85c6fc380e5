public import Foundation
import Synchronization

/// A fresh directory for one test, removed when the value is deinitialized and in any case when the test process
/// exits (directories made with ``url(_:)`` are removed only then).
public final class TemporaryDirectory: Sendable {
    /// The directory.
    public let url: URL

    /// Creates a directory `painmap-<label>-<uuid>` under the system's temporary directory.
    ///
    /// - Parameter label: A word naming the test, to find leftovers of a crashed run.
    /// - Throws: When the directory cannot be created.
    public init(_ label: String = "test") throws {
        url = Self.url(label)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes bytes to a file in the directory.
    ///
    /// - Parameters:
    ///   - name: The file name.
    ///   - bytes: Its content.
    /// - Returns: The file's URL.
    /// - Throws: When the file cannot be written.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    /// Writes UTF-8 text to a file in the directory.
    ///
    /// - Parameters:
    ///   - name: The file name.
    ///   - text: Its content.
    /// - Returns: The file's URL.
    /// - Throws: When the file cannot be written.
    @discardableResult
    public func write(_ name: String, text: String) throws -> URL { try write(name, Array(text.utf8)) }

    /// A new directory `painmap-<label>-<uuid>`, created now and removed when the test process exits.
    ///
    /// For fixtures that hand a path around rather than keep an object alive.
    /// - Parameter label: A word naming the test.
    /// - Returns: The directory (creation errors surface when it is used).
    public static func url(_ label: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("painmap-\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        Cleanup.register(url.path)
        return url
    }
}

/// The directories to remove at exit, with the `atexit` hook installed once.
private enum Cleanup {
    static let paths = Mutex<[String]>([])
    static let installed: Void = { atexit { Cleanup.removeAll() } }()

    static func register(_ path: String) {
        _ = installed
        paths.withLock { $0.append(path) }
    }

    static func removeAll() {
        for path in paths.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
    }
}
