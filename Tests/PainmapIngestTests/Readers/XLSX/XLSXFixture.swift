import Foundation
import ZIPFoundation

/// Builds `.xlsx` packages part by part, so tests control every byte a reader sees.
enum XLSXFixture {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// Zips `parts` (path, bytes) in order, deflated.
    static func zip(_ parts: [(path: String, bytes: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            try archive.addEntry(
                with: part.path,
                type: .file,
                uncompressedSize: Int64(part.bytes.count),
                compressionMethod: .deflate,
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
        return try zip(result)
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
}
