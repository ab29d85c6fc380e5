import PainmapCore

/// The list of entries of a ZIP archive, read from its central directory (APPNOTE 4.3.12–4.3.16), ZIP64 included.
///
/// Every offset and length is checked against the archive's size before it is read, so a truncated or crafted
/// directory is refused as ``LocatedFailure/xlsxNotZip`` rather than read out of bounds. Only the directory is parsed
/// here; an entry's local header and data are read when the entry is decompressed
/// (``ZIPEntry/contents(in:maxBytes:part:)``).
///
/// painmap reads the directory itself rather than through ZIPFoundation because ZIPFoundation's public `Entry`
/// exposes neither the compression method nor the local header's offset, which bounded inflation needs.
struct ZIPCentralDirectory {
    let entries: [ZIPEntry]

    private static let endSignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let zip64EndSignature: UInt32 = 0x0606_4B50
    private static let entrySignature: UInt32 = 0x0201_4B50
    private static let endRecordSize = 22
    private static let entryHeaderSize = 46

    /// Parses the central directory of the archive in `archive`.
    ///
    /// - Throws: ``LocatedFailure/xlsxNotZip`` when no end-of-central-directory record is found, the archive spans
    ///   several disks, or the directory does not fit in the archive or does not parse.
    init(archive: UnsafeRawBufferPointer) throws(LocatedFailure) {
        let bytes = LittleEndianBytes(archive)
        guard let end = Self.endRecordOffset(in: bytes),
            let disk = bytes.uint16(at: end + 4), let directoryDisk = bytes.uint16(at: end + 6),
            var count = bytes.uint16(at: end + 10).map(UInt64.init),
            var size = bytes.uint32(at: end + 12).map(UInt64.init),
            var offset = bytes.uint32(at: end + 16).map(UInt64.init),
            disk == 0, directoryDisk == 0
        else { throw .xlsxNotZip }

        // A ZIP64 archive keeps the real count, size and offset in a second record that a locator just before the
        // classic end record points at.
        if end >= 20, bytes.uint32(at: end - 20) == Self.zip64LocatorSignature {
            guard let recordOffset = bytes.uint64(at: end - 12).flatMap(Int.init(exactly:)),
                bytes.uint32(at: recordOffset) == Self.zip64EndSignature,
                let zip64Count = bytes.uint64(at: recordOffset + 32),
                let zip64Size = bytes.uint64(at: recordOffset + 40),
                let zip64Offset = bytes.uint64(at: recordOffset + 48)
            else { throw .xlsxNotZip }
            (count, size, offset) = (zip64Count, zip64Size, zip64Offset)
        }
        guard let start = Int(exactly: offset), let length = Int(exactly: size),
            start <= bytes.count, length <= bytes.count - start,
            count <= UInt64(length / Self.entryHeaderSize)
        else { throw .xlsxNotZip }

        var entries: [ZIPEntry] = []
        entries.reserveCapacity(Int(count))
        var position = start
        for _ in 0..<count {
            guard let (entry, next) = Self.entry(at: position, in: bytes), next <= start + length else {
                throw .xlsxNotZip
            }
            entries.append(entry)
            position = next
        }
        self.entries = entries
    }

    /// Finds the end-of-central-directory record: the last signature, scanning back over a comment of up to
    /// 65,535 bytes, whose comment length fits the archive.
    private static func endRecordOffset(in bytes: LittleEndianBytes) -> Int? {
        guard bytes.count >= endRecordSize else { return nil }
        let lowest = max(0, bytes.count - endRecordSize - Int(UInt16.max))
        var offset = bytes.count - endRecordSize
        while offset >= lowest {
            if bytes.uint32(at: offset) == endSignature, let comment = bytes.uint16(at: offset + 20),
                offset + endRecordSize + Int(comment) <= bytes.count
            {
                return offset
            }
            offset -= 1
        }
        return nil
    }

    /// Parses the central directory header at `offset`; returns the entry and the offset of the next header.
    private static func entry(at offset: Int, in bytes: LittleEndianBytes) -> (ZIPEntry, Int)? {
        guard bytes.uint32(at: offset) == entrySignature,
            let madeBy = bytes.uint16(at: offset + 4),
            let flags = bytes.uint16(at: offset + 8),
            let method = bytes.uint16(at: offset + 10),
            let crc32 = bytes.uint32(at: offset + 16),
            let compressed32 = bytes.uint32(at: offset + 20),
            let uncompressed32 = bytes.uint32(at: offset + 24),
            let nameLength = bytes.uint16(at: offset + 28).map(Int.init),
            let extraLength = bytes.uint16(at: offset + 30).map(Int.init),
            let commentLength = bytes.uint16(at: offset + 32).map(Int.init),
            let externalAttributes = bytes.uint32(at: offset + 38),
            let localOffset32 = bytes.uint32(at: offset + 42)
        else { return nil }
        let nameStart = offset + entryHeaderSize
        let extraStart = nameStart + nameLength
        let next = extraStart + extraLength + commentLength
        guard next <= bytes.count, let name = bytes.slice(at: nameStart, count: nameLength) else { return nil }

        // Fields too large for 32 bits read 0xFFFFFFFF and are given, in this order, in the ZIP64 extra field.
        var sizes = [UInt64(uncompressed32), UInt64(compressed32), UInt64(localOffset32)]
        if sizes.contains(UInt64(UInt32.max)) {
            guard var cursor = zip64FieldOffset(in: bytes, from: extraStart, count: extraLength) else { return nil }
            let fieldEnd = cursor + Int(bytes.uint16(at: cursor - 2) ?? 0)
            for index in sizes.indices where sizes[index] == UInt64(UInt32.max) {
                guard cursor + 8 <= fieldEnd, let value = bytes.uint64(at: cursor) else { return nil }
                sizes[index] = value
                cursor += 8
            }
        }

        // Names are UTF-8 in every OPC package; a name that is not decodes byte for byte (Latin-1), which keeps
        // ASCII names exact and cannot fail.
        let path =
            String(validating: name, as: UTF8.self) ?? String(String.UnicodeScalarView(name.map(Unicode.Scalar.init)))
        let entry = ZIPEntry(
            path: path,
            kind: kind(path: path, madeBy: madeBy, externalAttributes: externalAttributes),
            method: method,
            isEncrypted: flags & 1 != 0,
            crc32: crc32,
            compressedSize: sizes[1],
            uncompressedSize: sizes[0],
            localHeaderOffset: sizes[2]
        )
        return (entry, next)
    }

    /// The offset of the data of the ZIP64 extended information extra field (header id 1) within the `count`
    /// bytes of extra fields at `start`, or `nil` if there is none.
    private static func zip64FieldOffset(in bytes: LittleEndianBytes, from start: Int, count: Int) -> Int? {
        var offset = start
        while offset + 4 <= start + count, let id = bytes.uint16(at: offset), let size = bytes.uint16(at: offset + 2) {
            if id == 1 { return offset + 4 + Int(size) <= start + count ? offset + 4 : nil }
            offset += 4 + Int(size)
        }
        return nil
    }

    /// Decides file, directory or link the way ZIP tools (and ZIPFoundation) do: a Unix or macOS host's file mode
    /// in the upper half of the external attributes, else a trailing slash or the MS-DOS directory attribute.
    private static func kind(path: String, madeBy: UInt16, externalAttributes: UInt32) -> ZIPEntry.Kind {
        let host = madeBy >> 8
        let slash = path.hasSuffix("/")
        switch host {
        case 3, 19:  // Unix, OS X
            switch (externalAttributes >> 16) & 0o170000 {
            case 0o100000: return .file
            case 0o040000: return .directory
            case 0o120000: return .symbolicLink
            default: return slash ? .directory : .file
            }
        case 0:  // MS-DOS
            return slash || externalAttributes >> 4 == 1 ? .directory : .file
        default:
            return slash ? .directory : .file
        }
    }
}
