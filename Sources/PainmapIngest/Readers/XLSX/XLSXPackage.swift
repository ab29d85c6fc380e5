import Foundation
import ZIPFoundation

/// Read-only access to the parts of an XLSX package (a ZIP archive), with size caps.
///
/// Nothing is ever extracted to disk: parts are decompressed into memory, and only the few parts the reader
/// asks for by name. An archive with an entry whose name leaves the package (`../../evil`, `/etc/passwd`,
/// `..\evil`) is refused all the same (``XLSXReadError/unsafeEntry(_:)``): Excel and LibreOffice never write one,
/// so it is a crafted file, and refusing it keeps such names out of every later tool that might extract it. Every
/// other entry, whatever its name, type or size, is ignored.
///
/// Zip bombs are stopped twice: a part whose declared uncompressed size exceeds the cap is refused before
/// decompression, and the bytes actually produced are counted while decompressing, so a header that lies about
/// the size cannot make the reader allocate past the cap.
struct XLSXPackage {
    private let archive: Archive
    private let maxPartBytes: Int

    init(contentsOf url: URL, maxPartBytes: Int) throws(XLSXReadError) {
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch is POSIXError {
            throw .unreadable
        } catch {
            throw .notZip
        }
        self.maxPartBytes = maxPartBytes
        try Self.refuseUnsafeEntries(archive)
    }

    init(data: Data, maxPartBytes: Int) throws(XLSXReadError) {
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .notZip
        }
        self.maxPartBytes = maxPartBytes
        try Self.refuseUnsafeEntries(archive)
    }

    /// Throws ``XLSXReadError/unsafeEntry(_:)`` for the first entry whose name is absolute or climbs out with `..`.
    private static func refuseUnsafeEntries(_ archive: Archive) throws(XLSXReadError) {
        for entry in archive {
            let path = entry.path
            let segments = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
            if path.hasPrefix("/") || path.hasPrefix("\\") || segments.contains("..") || path.contains(":") {
                throw .unsafeEntry(String(path.prefix(200)))
            }
        }
    }

    /// Returns the decompressed bytes of a part, or `nil` if the package has no such file entry.
    ///
    /// OPC part names are case-insensitive, so an exact match is tried first and then a case-insensitive one.
    func part(_ name: String) throws(XLSXReadError) -> Data? {
        let wanted = name.lowercased()
        guard let entry = archive[name] ?? archive.first(where: { $0.path.lowercased() == wanted }),
            entry.type == .file
        else { return nil }
        guard entry.uncompressedSize <= UInt64(maxPartBytes) else { throw .zipBomb(part: name) }

        struct CapExceeded: Error {}
        let cap = maxPartBytes
        var data = Data()
        data.reserveCapacity(Int(min(entry.uncompressedSize, 16 << 20)))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= cap else { throw CapExceeded() }
                data.append(chunk)
            }
        } catch is CapExceeded {
            throw .zipBomb(part: name)
        } catch {
            throw .corruptPart(name)
        }
        guard UInt64(data.count) == entry.uncompressedSize else { throw .corruptPart(name) }
        return data
    }

    /// Returns the decompressed bytes of a part the workbook cannot do without.
    func requiredPart(_ name: String) throws(XLSXReadError) -> Data {
        guard let data = try part(name) else { throw .missingPart(name) }
        return data
    }
}
