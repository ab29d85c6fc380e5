/// Writes ZIP archives (PKWARE APPNOTE 6.3) from entries whose payloads are already in their final form: painmap's
/// one ZIP builder.
///
/// Report workbooks (`XLSXWriter`, payloads deflated by ZIPFoundation's zlib stream), the hostile sample workbooks
/// (stored entries, names that leave the package, sizes that lie) and the tests' hand-made archives (any method and
/// flags, ZIP64) all come from here. Nothing is compressed or checked here, so Core needs no zlib and an entry can
/// declare whatever a test wants a reader to meet. The bytes depend on the entries alone: each entry carries its DOS
/// time and date, so no clock is read.
///
/// Layout: per entry a local header (no extra field) and the payload, then the central directory and the end
/// record; with `zip64`, every central size and offset moves to a ZIP64 extra field and a ZIP64 end record with its
/// locator precede the classic end record, whose fields then read 0xFFFF….
public enum ZIPWriter {
    /// One entry: its header fields and payload, written exactly as given.
    public struct Entry: Sendable, Hashable {
        /// The entry's name inside the archive, UTF-8.
        public var path: String
        /// The compression method field: 0 stored, 8 deflated; any value is written as given.
        public var method: UInt16
        /// The bytes written after the local header (stored bytes or a raw deflate stream).
        public var payload: [UInt8]
        /// The CRC-32 of the uncompressed data.
        public var crc32: UInt32
        /// The uncompressed size the headers declare.
        public var uncompressedSize: UInt64
        /// The compressed size the headers declare; the payload's length when `nil`.
        public var declaredCompressedSize: UInt64?
        /// General-purpose flags; bit 11 (UTF-8 name) by default, bit 0 marks the entry encrypted.
        public var flags: UInt16 = 0x0800
        /// MS-DOS modification time (`hour << 11 | minute << 5 | second / 2`); 00:00 by default.
        public var modificationTime: UInt16 = 0
        /// MS-DOS modification date (`(year - 1980) << 9 | month << 5 | day`); 1980-01-01 by default.
        public var modificationDate: UInt16 = 0x0021
        /// The central directory's "version made by": Unix, 2.1 by default (what ZIPFoundation writes).
        public var versionMadeBy: UInt16 = 0x0315
        /// The central directory's external attributes: a regular file, mode 0644, by default.
        public var externalAttributes: UInt32 = 0o100644 << 16

        /// Creates an entry with the default header fields.
        ///
        /// - Parameters:
        ///   - path: The name inside the archive.
        ///   - method: The compression method field.
        ///   - payload: The bytes written after the local header.
        ///   - crc32: The CRC-32 of the uncompressed data.
        ///   - uncompressedSize: The uncompressed size to declare.
        public init(path: String, method: UInt16, payload: [UInt8], crc32: UInt32, uncompressedSize: UInt64) {
            self.path = path
            self.method = method
            self.payload = payload
            self.crc32 = crc32
            self.uncompressedSize = uncompressedSize
        }

        /// An entry stored as is (method 0), with honest sizes and CRC-32.
        ///
        /// - Parameters:
        ///   - path: The name inside the archive.
        ///   - bytes: The entry's data.
        /// - Returns: The entry.
        public static func stored(_ path: String, _ bytes: [UInt8]) -> Entry {
            Entry(
                path: path,
                method: 0,
                payload: bytes,
                crc32: ZIPWriter.crc32(bytes),
                uncompressedSize: UInt64(bytes.count)
            )
        }
    }

    private static let crcTable: [UInt32] = (0..<256).map { index -> UInt32 in
        var c = UInt32(index)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The CRC-32 (ISO-HDLC, ZIP's checksum) of `bytes`, table-driven.
    ///
    /// - Parameter bytes: The uncompressed data of an entry.
    /// - Returns: Its checksum.
    public static func crc32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    private static let localHeaderSignature: UInt32 = 0x0403_4B50
    private static let centralHeaderSignature: UInt32 = 0x0201_4B50
    private static let endSignature: UInt32 = 0x0605_4B50
    private static let zip64EndSignature: UInt32 = 0x0606_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50

    /// The bytes of an archive holding `entries` in order.
    ///
    /// - Parameters:
    ///   - entries: The entries, in archive order; names are not checked (a test may want `../evil`).
    ///   - zip64: Write the central directory's sizes and offsets in ZIP64 extra fields and add a ZIP64 end record,
    ///     as a writer must past 4 GiB or 65,535 entries; without it the classic fields are used (and truncated, so
    ///     keep archives below those limits).
    /// - Returns: The complete archive.
    public static func archive(_ entries: [Entry], zip64: Bool = false) -> [UInt8] {
        var archive = LittleEndianBuffer()
        var directory = LittleEndianBuffer()
        let versionNeeded: UInt16 = zip64 ? 45 : 20
        for entry in entries {
            let name = Array(entry.path.utf8)
            let offset = UInt64(archive.bytes.count)
            let compressedSize = entry.declaredCompressedSize ?? UInt64(entry.payload.count)
            archive.append32(localHeaderSignature)
            archive.append16(20)  // version needed: the local header carries no ZIP64 field
            archive.append16(entry.flags)
            archive.append16(entry.method)
            archive.append16(entry.modificationTime)
            archive.append16(entry.modificationDate)
            archive.append32(entry.crc32)
            archive.append32(UInt32(truncatingIfNeeded: compressedSize))
            archive.append32(UInt32(truncatingIfNeeded: entry.uncompressedSize))
            archive.append16(UInt16(truncatingIfNeeded: name.count))
            archive.append16(0)  // extra field length
            archive.bytes += name
            archive.bytes += entry.payload

            directory.append32(centralHeaderSignature)
            directory.append16(entry.versionMadeBy)
            directory.append16(versionNeeded)
            directory.append16(entry.flags)
            directory.append16(entry.method)
            directory.append16(entry.modificationTime)
            directory.append16(entry.modificationDate)
            directory.append32(entry.crc32)
            directory.append32(zip64 ? .max : UInt32(truncatingIfNeeded: compressedSize))
            directory.append32(zip64 ? .max : UInt32(truncatingIfNeeded: entry.uncompressedSize))
            directory.append16(UInt16(truncatingIfNeeded: name.count))
            directory.append16(zip64 ? 28 : 0)  // extra field length
            directory.append16(0)  // comment length
            directory.append16(0)  // disk number
            directory.append16(0)  // internal attributes
            directory.append32(entry.externalAttributes)
            directory.append32(zip64 ? .max : UInt32(truncatingIfNeeded: offset))
            directory.bytes += name
            if zip64 {
                directory.append16(1)  // ZIP64 extended information
                directory.append16(24)
                directory.append64(entry.uncompressedSize)
                directory.append64(compressedSize)
                directory.append64(offset)
            }
        }
        let directoryOffset = UInt64(archive.bytes.count)
        let directorySize = UInt64(directory.bytes.count)
        let count = UInt64(entries.count)
        archive.bytes += directory.bytes
        if zip64 {
            let recordOffset = UInt64(archive.bytes.count)
            archive.append32(zip64EndSignature)
            archive.append64(44)  // size of the rest of the record
            archive.append16(45)  // version made by
            archive.append16(45)  // version needed
            archive.append32(0)  // this disk
            archive.append32(0)  // the directory's disk
            archive.append64(count)
            archive.append64(count)
            archive.append64(directorySize)
            archive.append64(directoryOffset)
            archive.append32(zip64LocatorSignature)
            archive.append32(0)  // the record's disk
            archive.append64(recordOffset)
            archive.append32(1)  // disks
        }
        archive.append32(endSignature)
        archive.append16(0)  // this disk
        archive.append16(0)  // the directory's disk
        archive.append16(zip64 ? .max : UInt16(truncatingIfNeeded: count))
        archive.append16(zip64 ? .max : UInt16(truncatingIfNeeded: count))
        archive.append32(zip64 ? .max : UInt32(truncatingIfNeeded: directorySize))
        archive.append32(zip64 ? .max : UInt32(truncatingIfNeeded: directoryOffset))
        archive.append16(0)  // comment length
        return archive.bytes
    }
}

/// Bytes with little-endian integer appends, for ``ZIPWriter``.
private struct LittleEndianBuffer {
    var bytes: [UInt8] = []

    mutating func append16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func append32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func append64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
