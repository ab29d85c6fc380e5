import Foundation
import PainmapCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output written to a temporary file beside its destination and renamed over it when complete.
///
/// A reader of the destination sees the old file or the whole new one, never a half-written file; a run that
/// fails leaves the destination untouched. The file and its directory are synced, as ``PainmapReports``'
/// `AtomicFileWriter` does; unlike that writer, which takes the whole content as one `Data`, writes here are
/// buffered (1 MiB), so a million-row assignments file (≈ 250 MB with labels) streams out instead of being held
/// in memory.
struct AtomicOutputFile {
    private static let bufferSize = 1 << 20

    /// The final path.
    let destination: URL
    private let temporary: URL
    private let handle: FileHandle
    private let displayPath: String
    private var buffer: [UInt8] = []

    /// Creates the temporary file.
    ///
    /// - Parameters:
    ///   - destination: The file to replace.
    ///   - displayPath: The path as the user gave it, for messages.
    /// - Throws: ``CSVClusterJob/Failure`` (`unwritableOutput`) when the directory does not accept a new file.
    init(destination: URL, displayPath: String) throws {
        self.destination = destination
        self.displayPath = displayPath
        let directory = destination.deletingLastPathComponent()
        let unique = "\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: .min ... .max))"
        temporary = directory.appendingPathComponent(".\(destination.lastPathComponent).\(unique).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: temporary)
        else {
            throw Self.failure(
                displayPath,
                "не удаётся создать файл в каталоге \(directory.path); проверьте, что он есть и доступен для записи"
            )
        }
        self.handle = handle
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Appends bytes, flushing the buffer when full.
    mutating func write(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Flushes, syncs and renames the file over the destination.
    ///
    /// - Throws: ``CSVClusterJob/Failure`` (`unwritableOutput`) when writing or renaming fails; the temporary
    ///   file is removed.
    mutating func commit() throws {
        do {
            try flush()
            try handle.synchronize()
            try handle.close()
        } catch {
            discard()
            throw Self.failure(displayPath, "запись не удалась (нет места на диске или нет прав)")
        }
        guard rename(temporary.path, destination.path) == 0 else {
            discard()
            throw Self.failure(displayPath, "не удаётся заменить файл; проверьте права на каталог")
        }
        // Sync the directory too, so the rename itself survives a power loss.
        let directory = open(destination.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    /// Closes and removes the temporary file.
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            discard()
            throw Self.failure(displayPath, "запись не удалась (нет места на диске или нет прав)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func failure(_ path: String, _ message: String) -> CSVClusterJob.Failure {
        CSVClusterJob.Failure(code: .unwritableOutput, location: SourceLocation(path: path), message: message)
    }
}
