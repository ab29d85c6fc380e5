import Foundation
import PainmapCore

/// Read-only access to the parts of an XLSX package (a ZIP archive), with size caps.
///
/// Nothing is ever extracted to disk: the file is mapped, its central directory read (``ZIPCentralDirectory``),
/// and only the few parts the reader asks for by name are decompressed into memory, with zlib
/// (``ZIPEntry/contents(in:maxBytes:part:)``): stored and deflated parts only, CRC-32 checked, input bounded by
/// the entry's compressed size, so a deflate stream that never ends fails instead of hanging. An archive with an
/// entry whose name leaves the package (`../../evil`, `/etc/passwd`, `..\evil`) is refused all the same
/// (``LocatedFailure/xlsxUnsafeEntry(_:)``): Excel and LibreOffice never write one, so it is a crafted file, and refusing
/// it keeps such names out of every later tool that might extract it. Every other entry, whatever its name, type or
/// size, is ignored.
///
/// Zip bombs are stopped twice: a part whose declared uncompressed size exceeds the cap is refused before
/// decompression, and the bytes actually produced are counted while decompressing, so a header that lies about
/// the size cannot make the reader allocate past the cap.
struct XLSXPackage {
    private let archive: Data
    private let directory: ZIPCentralDirectory
    private let maxPartBytes: Int

    init(contentsOf url: URL, maxPartBytes: Int) throws(LocatedFailure) {
        let data: Data
        do {
            // An empty file is not mapped: Foundation's fallback read of a 0-byte file leaks a 4 KiB buffer
            // (XMLStreamReader does the same; FUZZING.md).
            let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
            data = size == 0 ? Data() : try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw .xlsxUnreadable
        }
        try self.init(data: data, maxPartBytes: maxPartBytes)
    }

    init(data: Data, maxPartBytes: Int) throws(LocatedFailure) {
        archive = data
        directory = try data.withUnsafeBytes { bytes in
            Result { () throws(LocatedFailure) in try ZIPCentralDirectory(archive: bytes) }
        }.get()
        self.maxPartBytes = maxPartBytes
        try Self.refuseUnsafeEntries(directory.entries)
    }

    /// Throws ``LocatedFailure/xlsxUnsafeEntry(_:)`` for the first entry whose name is absolute or climbs out with `..`.
    private static func refuseUnsafeEntries(_ entries: [ZIPEntry]) throws(LocatedFailure) {
        for entry in entries {
            let path = entry.path
            let segments = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
            if path.hasPrefix("/") || path.hasPrefix("\\") || segments.contains("..") || path.contains(":") {
                throw .xlsxUnsafeEntry(String(path.prefix(200)))
            }
        }
    }

    /// Returns the decompressed bytes of a part, or `nil` if the package has no such file entry.
    ///
    /// OPC part names are case-insensitive, so an exact match is tried first and then a case-insensitive one.
    func part(_ name: String) throws(LocatedFailure) -> Data? {
        let wanted = name.lowercased()
        let entries = directory.entries
        guard
            let entry = entries.first(where: { $0.path == name })
                ?? entries.first(where: { $0.path.lowercased() == wanted }),
            entry.kind == .file
        else { return nil }
        guard entry.uncompressedSize <= UInt64(maxPartBytes) else { throw .xlsxZipBomb(part: name) }
        let cap = maxPartBytes
        return try archive.withUnsafeBytes { bytes in
            Result { () throws(LocatedFailure) in try entry.contents(in: bytes, maxBytes: cap, part: name) }
        }.get()
    }

    /// Returns the decompressed bytes of a part the workbook cannot do without.
    func requiredPart(_ name: String) throws(LocatedFailure) -> Data {
        guard let data = try part(name) else { throw .xlsxMissingPart(name) }
        return data
    }
}
