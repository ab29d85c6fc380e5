import Foundation
public import PainmapCore
import ZIPFoundation

extension ZIPWriter.Entry {
    /// An entry whose payload is `bytes` deflated (method 8), with honest sizes and CRC-32.
    ///
    /// The stream is ZIPFoundation's: zlib's default level, a raw stream, memory level 9, fed in 16 KiB chunks —
    /// the bytes every report workbook has held since the first release, so a workbook stays byte-identical for
    /// identical input. Core's ``ZIPWriter`` then writes the headers; this is the one place painmap deflates.
    ///
    /// - Parameters:
    ///   - path: The name inside the archive.
    ///   - bytes: The uncompressed data.
    /// - Returns: The entry.
    /// - Throws: ``LocatedFailure/workbookPackaging`` if zlib refuses the stream.
    public static func deflated(_ path: String, _ bytes: [UInt8]) throws(LocatedFailure) -> ZIPWriter.Entry {
        var payload: [UInt8] = []
        do {
            let crc = try Data.compress(
                size: Int64(bytes.count),
                bufferSize: defaultWriteChunkSize,
                provider: { position, size in
                    let start = Int(position)
                    return Data(bytes[start..<(start + size)])
                },
                consumer: { payload.append(contentsOf: $0) }
            )
            return ZIPWriter.Entry(
                path: path,
                method: 8,
                payload: payload,
                crc32: crc,
                uncompressedSize: UInt64(bytes.count)
            )
        } catch {
            throw .workbookPackaging
        }
    }
}
