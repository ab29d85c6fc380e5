import Foundation
import ZIPFoundation

/// Builds `.xlsx` packages part by part, so tests control every byte a reader sees.
enum XLSXFixture {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// Zips `parts` (path, bytes) in order, deflated unless `method` says otherwise.
    static func zip(_ parts: [(path: String, bytes: Data)], method: CompressionMethod = .deflate) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            try archive.addEntry(
                with: part.path,
                type: .file,
                uncompressedSize: Int64(part.bytes.count),
                compressionMethod: method,
                provider: { position, size in
                    part.bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            )
        }
        return archive.data ?? Data()
    }

    /// A workbook with one worksheet per entry of `sheets` (name, `<sheetData>` inner XML), plus optional shared
    /// strings and styles; parts can be replaced or dropped through `overrides` (a `nil` value drops the part).
    static func workbook(
        sheets: [(name: String, rows: String)],
        sharedStrings: String? = nil,
        styles: String? = nil,
        workbookProperties: String = "",
        overrides: [String: String?] = [:]
    ) throws -> Data {
        try zip(
            workbookParts(
                sheets: sheets,
                sharedStrings: sharedStrings,
                styles: styles,
                workbookProperties: workbookProperties,
                overrides: overrides
            )
        )
    }

    /// The parts (path, uncompressed bytes) of the workbook ``workbook(sheets:sharedStrings:styles:workbookProperties:overrides:)``
    /// zips, for tests that write the archive themselves.
    static func workbookParts(
        sheets: [(name: String, rows: String)],
        sharedStrings: String? = nil,
        styles: String? = nil,
        workbookProperties: String = "",
        overrides: [String: String?] = [:]
    ) -> [(path: String, bytes: Data)] {
        var parts: [(String, String)] = []
        parts.append(("[Content_Types].xml", contentTypes(sheetCount: sheets.count)))
        parts.append(
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="\(packageRelationships)">\
                <Relationship Id="rId1" Type="\(relationshipType)officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """
            )
        )
        let sheetElements = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        parts.append(
            (
                "xl/workbook.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="\(main)" xmlns:r="\(relationshipsNamespace)">\(workbookProperties)\
                <sheets>\(sheetElements.joined())</sheets></workbook>
                """
            )
        )
        var relationships = sheets.indices.map { index in
            "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipType)worksheet\" "
                + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        if sharedStrings != nil {
            relationships.append(
                "<Relationship Id=\"rIdS\" Type=\"\(relationshipType)sharedStrings\" Target=\"sharedStrings.xml\"/>"
            )
        }
        if styles != nil {
            relationships.append(
                "<Relationship Id=\"rIdT\" Type=\"\(relationshipType)styles\" Target=\"styles.xml\"/>"
            )
        }
        parts.append(
            (
                "xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"\(packageRelationships)\">"
                    + relationships.joined() + "</Relationships>"
            )
        )
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet.rows)))
        }
        if let sharedStrings {
            parts.append(("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\">\(sharedStrings)</sst>"))
        }
        if let styles {
            parts.append(("xl/styles.xml", "<styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>"))
        }
        var result: [(path: String, bytes: Data)] = []
        for (path, text) in parts {
            if let override = overrides[path] {
                if let override { result.append((path, Data(override.utf8))) }
            } else {
                result.append((path, Data(text.utf8)))
            }
        }
        for (path, text) in overrides where !parts.contains(where: { $0.0 == path }) {
            if let text { result.append((path, Data(text.utf8))) }
        }
        return result
    }

    static func worksheet(_ rows: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="\(main)" xmlns:r="\(relationshipsNamespace)"><sheetData>\(rows)</sheetData></worksheet>
        """
    }

    static func contentTypes(sheetCount: Int) -> String {
        let sheets = (1...max(sheetCount, 1)).map { index in
            "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            \(sheets.joined())</Types>
            """
    }

    /// Rewrites the uncompressed size that the local header and the central directory declare for `path`,
    /// making a part lie about its size as a zip bomb would.
    static func declaringUncompressedSize(_ size: UInt32, for path: String, in zip: Data) -> Data {
        var bytes = [UInt8](zip)
        let wanted = Array(path.utf8)
        func uint32(_ offset: Int) -> UInt32 {
            (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
        }
        func uint16(_ offset: Int) -> Int { Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 }
        func write(_ value: UInt32, at offset: Int) {
            for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
        }
        func name(at start: Int, length: Int) -> [UInt8]? {
            start + length <= bytes.count ? Array(bytes[start..<(start + length)]) : nil
        }
        var offset = 0
        while offset + 46 <= bytes.count {
            let signature = uint32(offset)
            if signature == 0x0403_4B50, name(at: offset + 30, length: uint16(offset + 26)) == wanted {
                write(size, at: offset + 22)
            } else if signature == 0x0201_4B50, name(at: offset + 46, length: uint16(offset + 28)) == wanted {
                write(size, at: offset + 24)
            }
            offset += 1
        }
        return Data(bytes)
    }

    /// One entry of ``rawZip(_:zip64:)``: the payload is written exactly as given, whatever `method` says.
    struct RawEntry {
        var path: String
        var method: UInt16
        /// General-purpose flags; bit 11 (UTF-8 names) by default, bit 0 marks the entry encrypted.
        var flags: UInt16 = 0x0800
        var payload: Data
        var uncompressedSize: Int
        var crc32: UInt32
        /// The compressed size to declare, if not the payload's length.
        var declaredCompressedSize: Int?

        /// An entry whose payload is `bytes` deflated by ZIPFoundation (method 8), with honest sizes and CRC-32.
        static func deflated(_ path: String, _ bytes: Data) throws -> RawEntry {
            var payload = Data()
            let crc = try Data.compress(
                size: Int64(bytes.count),
                bufferSize: 16 << 10,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) },
                consumer: { payload.append($0) }
            )
            return RawEntry(path: path, method: 8, payload: payload, uncompressedSize: bytes.count, crc32: crc)
        }

        /// An entry stored as is (method 0), with honest sizes and CRC-32.
        static func stored(_ path: String, _ bytes: Data) -> RawEntry {
            RawEntry(
                path: path,
                method: 0,
                payload: bytes,
                uncompressedSize: bytes.count,
                crc32: bytes.crc32(checksum: 0)
            )
        }
    }

    /// Writes a ZIP archive by hand: a local header and the payload per entry, then the central directory and its
    /// end record.
    ///
    /// Sizes and CRC-32 are written as the entries declare them, so a test can make them lie. With
    /// `zip64`, the central directory gives every size and offset in the ZIP64 extra field and a ZIP64 end record
    /// with its locator precedes the classic one, whose fields then read 0xFFFF…
    static func rawZip(_ entries: [RawEntry], zip64: Bool = false) -> Data {
        var archive = Data()
        var directory = Data()
        func append16(_ value: UInt16, to data: inout Data) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        func append32(_ value: UInt32, to data: inout Data) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        func append64(_ value: UInt64, to data: inout Data) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        for entry in entries {
            let name = Data(entry.path.utf8)
            let offset = archive.count
            let compressedSize = entry.declaredCompressedSize ?? entry.payload.count
            append32(0x0403_4B50, to: &archive)
            append16(20, to: &archive)  // version needed
            append16(entry.flags, to: &archive)
            append16(entry.method, to: &archive)
            append32(0, to: &archive)  // time, date
            append32(entry.crc32, to: &archive)
            append32(UInt32(compressedSize), to: &archive)
            append32(UInt32(entry.uncompressedSize), to: &archive)
            append16(UInt16(name.count), to: &archive)
            append16(0, to: &archive)  // extra length
            archive.append(name)
            archive.append(entry.payload)

            append32(0x0201_4B50, to: &directory)
            append16(0x0314, to: &directory)  // made by Unix, version 2.0
            append16(zip64 ? 45 : 20, to: &directory)
            append16(entry.flags, to: &directory)
            append16(entry.method, to: &directory)
            append32(0, to: &directory)
            append32(entry.crc32, to: &directory)
            append32(zip64 ? .max : UInt32(compressedSize), to: &directory)
            append32(zip64 ? .max : UInt32(entry.uncompressedSize), to: &directory)
            append16(UInt16(name.count), to: &directory)
            append16(zip64 ? 28 : 0, to: &directory)  // extra
            append16(0, to: &directory)  // comment
            append16(0, to: &directory)  // disk
            append16(0, to: &directory)  // internal attributes
            append32(0o100644 << 16, to: &directory)  // a regular file
            append32(zip64 ? .max : UInt32(offset), to: &directory)
            directory.append(name)
            if zip64 {
                append16(1, to: &directory)
                append16(24, to: &directory)
                append64(UInt64(entry.uncompressedSize), to: &directory)
                append64(UInt64(compressedSize), to: &directory)
                append64(UInt64(offset), to: &directory)
            }
        }
        let directoryOffset = archive.count
        archive.append(directory)
        if zip64 {
            let recordOffset = archive.count
            append32(0x0606_4B50, to: &archive)
            append64(44, to: &archive)  // size of the rest of the record
            append16(45, to: &archive)
            append16(45, to: &archive)
            append32(0, to: &archive)
            append32(0, to: &archive)
            append64(UInt64(entries.count), to: &archive)
            append64(UInt64(entries.count), to: &archive)
            append64(UInt64(directory.count), to: &archive)
            append64(UInt64(directoryOffset), to: &archive)
            append32(0x0706_4B50, to: &archive)
            append32(0, to: &archive)
            append64(UInt64(recordOffset), to: &archive)
            append32(1, to: &archive)
        }
        append32(0x0605_4B50, to: &archive)
        append16(0, to: &archive)
        append16(0, to: &archive)
        append16(zip64 ? .max : UInt16(entries.count), to: &archive)
        append16(zip64 ? .max : UInt16(entries.count), to: &archive)
        append32(zip64 ? .max : UInt32(directory.count), to: &archive)
        append32(zip64 ? .max : UInt32(directoryOffset), to: &archive)
        append16(0, to: &archive)
        return archive
    }

    /// `bytes` as a raw deflate stream of stored blocks (RFC 1951 §3.2.4).
    ///
    /// Without `final` no block is marked the
    /// last: an inflater gets every byte of the data back, then waits for a block that never comes.
    static func storedDeflateBlocks(_ bytes: Data, final: Bool) -> Data {
        var stream = Data()
        var start = bytes.startIndex
        repeat {
            let end = min(start + 65_535, bytes.endIndex)
            let length = UInt16(end - start)
            stream.append(final && end == bytes.endIndex ? 0x01 : 0x00)  // BFINAL, BTYPE 00 (stored), byte-padded
            stream.append(contentsOf: [
                UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8),
            ])
            stream.append(bytes[start..<end])
            start = end
        } while start < bytes.endIndex
        return stream
    }
}
