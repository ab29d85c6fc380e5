public import Foundation
import PainmapCore

#if canImport(Glibc)
    import Glibc
#endif

/// Writes files so that readers see either the old complete file or the new complete one.
///
/// The bytes go to `<name>.tmp.<pid>.<n>` in the same directory, are flushed with `fsync`, renamed
/// over the final name with `rename(2)` (atomic within a file system), and the directory is synced so
/// the rename survives a power loss (RELIABILITY.md G7). A failure removes the temporary file and
/// leaves the previous file untouched.
public struct AtomicFileWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes `data` to `url` atomically, creating intermediate directories.
    /// - Throws: ``CommandFailure`` with ``ExitStatus/ioError`` (disk full, permissions), naming the file.
    public func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("не удалось создать каталог \(directory.path)", status: .ioError)
        }
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        )
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("создать", url) }
        var written = 0
        let ok: Bool = data.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += result
            }
            return fsync(descriptor) == 0
        }
        let errorNumber = errno
        close(descriptor)
        guard ok else {
            unlink(temporary.path)
            errno = errorNumber
            throw failure("записать", url)
        }
        FaultPoint.hit("report.temp-written")
        guard rename(temporary.path, url.path) == 0 else {
            let error = failure("переименовать временный файл в", url)
            unlink(temporary.path)
            throw error
        }
        let directoryDescriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        FaultPoint.hit("report.renamed")
    }

    private func failure(_ action: String, _ url: URL) -> CommandFailure {
        let reason = String(cString: strerror(errno))
        let hint = errno == ENOSPC || errno == EFBIG ? "; освободите место — прежний файл не изменён" : ""
        return CommandFailure("не удалось \(action) \(url.path): \(reason)\(hint)", status: .ioError)
    }
}
