import Foundation
import PainmapCore
import PainmapReports

/// Builds `.xlsx` packages part by part, so tests control every byte a reader sees.
enum XLSXFixture {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// Zips `parts` (path, bytes) in order with painmap's one ZIP writer, deflated unless `deflate` is false.
    static func zip(_ parts: [(path: String, bytes: Data)], deflate: Bool = true) throws -> Data {
        Data(ZIPWriter.archive(try entries(parts, deflate: deflate)))
    }

    /// The entries ``zip(_:deflate:)`` writes, for tests that change a header field before writing the archive with
    /// `ZIPWriter.archive(_:zip64:)`.
    static func entries(_ parts: [(path: String, bytes: Data)], deflate: Bool = true) throws -> [ZIPWriter.Entry] {
        try parts.map { part in
            deflate
                ? try ZIPWriter.Entry.deflated(part.path, [UInt8](part.bytes))
                : ZIPWriter.Entry.stored(part.path, [UInt8](part.bytes))
        }
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

    /// `bytes` as a raw deflate stream of stored blocks (RFC 1951 §3.2.4).
    ///
    /// Without `final` no block is marked the
    /// last: an inflater gets every byte of the data back, then waits for a block that never comes.
    static func storedDeflateBlocks(_ bytes: [UInt8], final: Bool) -> [UInt8] {
        var stream: [UInt8] = []
        var start = bytes.startIndex
        repeat {
            let end = min(start + 65_535, bytes.endIndex)
            let length = UInt16(end - start)
            stream.append(final && end == bytes.endIndex ? 0x01 : 0x00)  // BFINAL, BTYPE 00 (stored), byte-padded
            stream.append(contentsOf: [
                UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8),
            ])
            stream.append(contentsOf: bytes[start..<end])
            start = end
        } while start < bytes.endIndex
        return stream
    }
}
