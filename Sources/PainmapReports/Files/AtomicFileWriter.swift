public import Foundation
import PainmapCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that readers see either the old complete file or the new complete one.
///
/// The bytes go to `.<name>.tmp.<pid>.<n>` in the same directory, are flushed with `fsync`, renamed
/// over the final name with `rename(2)` (atomic within a file system), and the directory is synced so
/// the rename survives a power loss (RELIABILITY.md G7). A failure removes the temporary file and
/// leaves the previous file untouched. Reports are written whole (``write(_:to:)``); large outputs such as
/// `painmap cluster` assignments stream through an ``Output`` (``begin(_:)``) in 1 MiB buffers.
public struct AtomicFileWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes `data` to `url` atomically, creating intermediate directories.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - url: The final path.
    /// - Throws: ``LocatedFailure`` (``FailureCode/io``, ``ExitStatus/ioError``) (disk full, permissions), naming the file.
    public func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw LocatedFailure(.io, message: "не удалось создать каталог \(directory.path)", status: .ioError)
        }
        do {
            let output = try begin(url)
            try output.write(data)
            try output.synchronize()
            FaultPoint.hit("report.temp-written")
            try output.rename()
            FaultPoint.hit("report.renamed")
        } catch {
            let action: String
            switch error.step {
            case .create: action = "создать"
            case .write: action = "записать"
            case .rename: action = "переименовать временный файл в"
            }
            let reason = String(cString: strerror(error.errorNumber))
            let full = error.errorNumber == ENOSPC || error.errorNumber == EFBIG
            let hint = full ? "; освободите место — прежний файл не изменён" : ""
            throw LocatedFailure(.io, message: "не удалось \(action) \(url.path): \(reason)\(hint)", status: .ioError)
        }
    }

    /// Opens a temporary file beside `url` for an output written in pieces; its directory must exist.
    ///
    /// - Parameter url: The final path.
    /// - Returns: The open output; ``Output/commit()`` renames it into place, dropping it unrenamed removes it.
    /// - Throws: ``Failure`` (``Failure/Step/create``) when the directory does not accept a new file.
    public func begin(_ url: URL) throws(Failure) -> Output {
        try Output(destination: url)
    }
}

extension AtomicFileWriter {
    /// Why an atomic write failed: the step and the system's error number; the previous file is untouched.
    public struct Failure: Error, Sendable {
        /// The step that failed.
        public enum Step: Sendable {
            /// Creating the temporary file.
            case create
            /// Writing or syncing it.
            case write
            /// Renaming it over the destination.
            case rename
        }

        /// The step that failed.
        public let step: Step
        /// `errno` at the failure.
        public let errorNumber: Int32
    }

    /// A temporary file that becomes the destination when committed; dropped uncommitted, it is removed.
    public final class Output {
        private static let bufferSize = 1 << 20

        /// The final path.
        public let destination: URL
        private let temporary: String
        private var descriptor: Int32
        private var buffer: [UInt8] = []
        private var renamed = false

        fileprivate init(destination: URL) throws(Failure) {
            self.destination = destination
            let directory = destination.deletingLastPathComponent()
            let name = ".\(destination.lastPathComponent).tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
            temporary = directory.appendingPathComponent(name).path
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw Failure(step: .create, errorNumber: errno) }
            buffer.reserveCapacity(Self.bufferSize)
        }

        deinit {
            if !renamed { discard() }
        }

        /// Appends bytes, writing the buffer out when it is full.
        ///
        /// - Parameter bytes: The bytes to append.
        /// - Throws: ``Failure`` (``Failure/Step/write``); the temporary file is removed.
        public func write(_ bytes: some Sequence<UInt8>) throws(Failure) {
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.bufferSize { try flush() }
        }

        /// Writes out, syncs and renames the file over the destination, then syncs the directory.
        ///
        /// - Throws: ``Failure`` (``Failure/Step/write`` or ``Failure/Step/rename``); the temporary file is removed.
        public func commit() throws(Failure) {
            try synchronize()
            try rename()
        }

        /// Closes and removes the temporary file (nothing once renamed).
        public func discard() {
            guard !renamed else { return }
            if descriptor >= 0 {
                close(descriptor)
                descriptor = -1
            }
            unlink(temporary)
        }

        /// Writes out the buffer, syncs and closes the temporary file.
        func synchronize() throws(Failure) {
            try flush()
            guard fsync(descriptor) == 0 else { throw failed(.write) }
            close(descriptor)
            descriptor = -1
        }

        /// Renames the synced temporary file over the destination and syncs the directory.
        func rename() throws(Failure) {
            guard systemRename(temporary, destination.path) == 0 else { throw failed(.rename) }
            renamed = true
            // Sync the directory too, so the rename itself survives a power loss.
            let directory = open(destination.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if directory >= 0 {
                fsync(directory)
                close(directory)
            }
        }

        private func flush() throws(Failure) {
            guard !buffer.isEmpty else { return }
            var written = 0
            let ok = buffer.withUnsafeBytes { bytes in
                while written < bytes.count {
                    let result = systemWrite(descriptor, bytes.baseAddress.map { $0 + written }, bytes.count - written)
                    if result < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    written += result
                }
                return true
            }
            guard ok else { throw failed(.write) }
            buffer.removeAll(keepingCapacity: true)
        }

        /// The failure of `step` with the current `errno`, after removing the temporary file.
        private func failed(_ step: Failure.Step) -> Failure {
            let failure = Failure(step: step, errorNumber: errno)
            discard()
            return failure
        }
    }
}

// The system calls, reachable from ``AtomicFileWriter/Output`` whose methods share their names.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func systemRename(_ from: String, _ to: String) -> Int32 {
    rename(from, to)
}
