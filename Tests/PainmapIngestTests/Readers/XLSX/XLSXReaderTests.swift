import Foundation
import PainmapCore
import PainmapIngest
import PainmapTestSupport
import Testing

@Suite struct XLSXReaderTests {
    static func rows(
        _ data: Data,
        sheetName: String? = nil,
        limits: XLSXReader.Limits = .init()
    ) throws(LocatedFailure) -> [XLSXRow] {
        var reader = try XLSXReader(data: data, sheetName: sheetName, limits: limits)
        var rows: [XLSXRow] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    /// A failure's code and the part it names, for comparing with what a test expects.
    struct Failure: Equatable {
        var code: FailureCode
        var part: String?

        init(_ code: FailureCode, _ part: String? = nil) {
            self.code = code
            self.part = part
        }
    }

    static func failure(
        _ data: Data,
        sheetName: String? = nil,
        limits: XLSXReader.Limits = .init()
    ) -> LocatedFailure? {
        do {
            _ = try rows(data, sheetName: sheetName, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    static func error(
        _ data: Data,
        sheetName: String? = nil,
        limits: XLSXReader.Limits = .init()
    ) -> Failure? {
        failure(data, sheetName: sheetName, limits: limits).map { Failure($0.code, $0.location?.path) }
    }

    static func code(_ body: () throws -> Void) -> FailureCode? {
        do {
            try body()
            return nil
        } catch {
            return (error as? LocatedFailure)?.code
        }
    }

    static let sheetPart = "xl/worksheets/sheet1.xml"

    @Test func inlineStrings() throws {
        let data = try XLSXFixture.workbook(sheets: [
            (
                "Лист1",
                """
                <row r="1"><c r="A1" t="inlineStr"><is><t>Привет</t></is></c>\
                <c r="B1" t="inlineStr"><is><r><t>Жало</t></r><r><rPr><b/></rPr><t xml:space="preserve">ба </t></r></is></c>\
                <c r="C1" t="inlineStr"><is><t></t></is></c></row>
                """
            )
        ])
        let rows = try Self.rows(data)
        #expect(rows == [XLSXRow(number: 1, cells: [.text("Привет"), .text("Жалоба "), .empty])])
    }

    @Test func sharedStringsWithRichTextRuns() throws {
        let strings = """
            <si><t>Тема</t></si>\
            <si><r><rPr><b/></rPr><t>Яма </t></r><r><t>во дворе</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>\
            <si><t xml:space="preserve">  пробелы  </t></si>\
            <si><t>a &amp; b &lt; c</t></si>
            """
        let data = try XLSXFixture.workbook(
            sheets: [
                (
                    "Sheet1",
                    """
                    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\
                    <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v> 3 </v></c></row>
                    """
                )
            ],
            sharedStrings: strings
        )
        let rows = try Self.rows(data)
        #expect(
            rows == [
                XLSXRow(number: 1, cells: [.text("Тема"), .text("Яма во дворе")]),
                XLSXRow(number: 2, cells: [.text("  пробелы  "), .text("a & b < c")]),
            ]
        )
    }

    static let dateStyles = """
        <numFmts count="3"><numFmt numFmtId="164" formatCode="dd.mm.yyyy hh:mm"/>\
        <numFmt numFmtId="165" formatCode="0.00&quot; d&quot;"/><numFmt numFmtId="166" formatCode="[Red]0.00"/></numFmts>\
        <cellStyleXfs count="2"><xf numFmtId="14"/><xf numFmtId="0"/></cellStyleXfs>\
        <cellXfs count="5"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="164" xfId="0"><alignment wrapText="1"/></xf><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs>
        """

    @Test func datesFromBuiltInAndCustomFormats() throws {
        let data = try XLSXFixture.workbook(
            sheets: [
                (
                    "Sheet1",
                    """
                    <row r="1"><c r="A1" s="1"><v>46173</v></c><c r="B1" s="2"><v>46173.5</v></c>\
                    <c r="C1" s="3"><v>2</v></c><c r="D1" s="4"><v>-1.5</v></c><c r="E1"><v>46173</v></c>\
                    <c r="F1" s="99"><v>7</v></c></row>
                    """
                )
            ],
            styles: Self.dateStyles
        )
        let rows = try Self.rows(data)
        #expect(
            rows == [
                XLSXRow(
                    number: 1,
                    cells: [
                        .date(46173), .date(46173.5), .number("2"), .number("-1.5"), .number("46173"), .number("7"),
                    ]
                )
            ]
        )
        let moscow = try #require(TimeZone(identifier: "Europe/Moscow"))
        let noon = try #require(XLSXReader.date(fromSerial: 46173.5, timeZone: moscow))
        #expect(noon == Date(timeIntervalSince1970: 1_780_218_000))  // 2026-05-31T09:00:00Z
    }

    static let formatCodes: [(code: String, isDate: Bool)] = [
        ("General", false),
        ("0.00", false),
        ("#,##0 &quot;дн.&quot;", false),
        ("0\\d", false),
        ("_-* #,##0_-;-* #,##0_-", false),
        ("0.00E+00", false),
        ("@", false),
        ("[Red][&lt;0]0;0", false),
        ("yyyy-mm-dd", true),
        ("[$-419]d mmmm yyyy;@", true),
        ("[h]:mm:ss", true),
        ("mm:ss", true),
        ("DD.MM.YYYY", true),
    ]

    @Test(arguments: formatCodes)
    func customFormatCodes(_ code: String, _ isDate: Bool) throws {
        let styles = """
            <numFmts count="1"><numFmt numFmtId="200" formatCode="\(code)"/></numFmts>\
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="200"/></cellXfs>
            """
        let data = try XLSXFixture.workbook(
            sheets: [("Sheet1", "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>45000</v></c></row>")],
            styles: styles
        )
        #expect(try Self.rows(data).first?.cells == [isDate ? .date(45_000) : .number("45000")])
    }

    @Test func date1904WorkbookIsConvertedTo1900Serials() throws {
        let data = try XLSXFixture.workbook(
            sheets: [
                ("Sheet1", "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>1.25</v></c></row>")
            ],
            styles: Self.dateStyles,
            workbookProperties: "<workbookPr date1904=\"1\"/>"
        )
        var reader = try XLSXReader(data: data)
        #expect(reader.usesDate1904)
        let row = try #require(try reader.next())
        #expect(row.cells == [.date(1_462), .date(1_463.25)])
        let utc = try #require(TimeZone(secondsFromGMT: 0))
        #expect(XLSXReader.date(fromSerial: 1_462, timeZone: utc) == Date(timeIntervalSince1970: -2_082_844_800))
    }

    @Test func sparseCellsAndRows() throws {
        let data = try XLSXFixture.workbook(sheets: [
            (
                "Sheet1",
                """
                <row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c></row>\
                <row r="3"><c r="B3"><v>42</v></c></row>\
                <row><c><v>1</v></c><c><v>2</v></c><c r="E4"><v>5</v></c><c><v>6</v></c></row>\
                <row r="6"/>
                """
            )
        ])
        let rows = try Self.rows(data)
        #expect(
            rows == [
                XLSXRow(number: 1, cells: [.text("a"), .empty, .text("c")]),
                XLSXRow(number: 3, cells: [.empty, .number("42")]),
                XLSXRow(number: 4, cells: [.number("1"), .number("2"), .empty, .empty, .number("5"), .number("6")]),
                XLSXRow(number: 6, cells: []),
            ]
        )
    }

    @Test func otherCellTypes() throws {
        let data = try XLSXFixture.workbook(sheets: [
            (
                "Sheet1",
                """
                <row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#DIV/0!</v></c>\
                <c r="D1" t="str"><f>CONCAT("a","b")</f><v>ab</v></c><c r="E1"><f>1+1</f><v>2</v></c>\
                <c r="F1" s="0"/><c r="G1" t="n"><v>1.5E-3</v></c><c r="AA1"><v>.5</v></c></row>
                """
            )
        ])
        let rows = try Self.rows(data)
        let cells = try #require(rows.first?.cells)
        #expect(cells.count == 27)
        #expect(
            Array(cells.prefix(7)) == [
                .bool(true), .bool(false), .error("#DIV/0!"), .text("ab"), .number("2"), .empty, .number("1.5E-3"),
            ]
        )
        #expect(cells[26] == .number(".5"))
    }

    @Test func sheetByNameAndSheetNames() throws {
        let data = try XLSXFixture.workbook(sheets: [
            ("Обращения", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"),
            ("Итоги", "<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>"),
        ])
        let first = try XLSXReader(data: data)
        #expect(first.sheetNames == ["Обращения", "Итоги"])
        #expect(first.sheetName == "Обращения")
        #expect(try Self.rows(data, sheetName: "Итоги").first?.cells == [.number("2")])
        #expect(try Self.rows(data, sheetName: "итоги").first?.cells == [.number("2")])
        #expect(Self.error(data, sheetName: "Нет такого") == Failure(.xlsxMissingSheet))
    }

    @Test func chartSheetsAreSkippedAndTargetsResolve() throws {
        let relationships = """
            <Relationships xmlns="\(XLSXFixture.packageRelationships)">\
            <Relationship Id="rId9" Type="\(XLSXFixture.relationshipType)chartsheet" Target="chartsheets/sheet1.xml"/>\
            <Relationship Id="rId1" Type="\(XLSXFixture.relationshipType)worksheet" Target="/xl/worksheets/../worksheets/Sheet1.XML"/>\
            </Relationships>
            """
        let workbook = """
            <workbook xmlns="\(XLSXFixture.main)" xmlns:r="\(XLSXFixture.relationshipsNamespace)"><sheets>\
            <sheet name="Диаграмма" sheetId="2" r:id="rId9"/><sheet name="Данные" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
        let data = try XLSXFixture.workbook(
            sheets: [("ignored", "<row r=\"2\"><c r=\"B2\"><v>3</v></c></row>")],
            overrides: ["xl/_rels/workbook.xml.rels": relationships, "xl/workbook.xml": workbook]
        )
        var reader = try XLSXReader(data: data)
        #expect(reader.sheetNames == ["Данные"])
        #expect(try reader.next() == XLSXRow(number: 2, cells: [.empty, .number("3")]))
        #expect(try reader.next() == nil)
    }

    @Test func workbookFoundThroughPackageRelationships() throws {
        let root = """
            <Relationships xmlns="\(XLSXFixture.packageRelationships)">\
            <Relationship Id="rId1" Type="\(XLSXFixture.relationshipType)officeDocument" Target="book/main.xml"/>\
            </Relationships>
            """
        let workbook = """
            <workbook xmlns="\(XLSXFixture.main)" xmlns:r="\(XLSXFixture.relationshipsNamespace)"><sheets>\
            <sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
        let relationships = """
            <Relationships xmlns="\(XLSXFixture.packageRelationships)">\
            <Relationship Id="rId1" Type="\(XLSXFixture.relationshipType)worksheet" Target="data.xml"/></Relationships>
            """
        let data = try XLSXFixture.zip([
            ("_rels/.rels", Data(root.utf8)),
            ("book/main.xml", Data(workbook.utf8)),
            ("book/_rels/main.xml.rels", Data(relationships.utf8)),
            ("book/data.xml", Data(XLSXFixture.worksheet("<row r=\"1\"><c r=\"A1\"><v>9</v></c></row>").utf8)),
        ])
        #expect(try Self.rows(data) == [XLSXRow(number: 1, cells: [.number("9")])])
    }

    static let malformedSheets: [String] = [
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>",  // shared string index out of range
        "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>",  // bad reference
        "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>",  // past column XFD
        "<row r=\"1\"><c r=\"A1\"><v>abc</v></c></row>",  // number that is not one
        "<row r=\"1\"><c r=\"A1\"><v>0x10</v></c></row>",  // hex is no spreadsheet number
        "<row r=\"1\"><c r=\"A1\"><v>inf</v></c></row>",
        "<row r=\"1\"><c r=\"A1\" t=\"zzz\"><v>1</v></c></row>",  // unknown type
        "<row r=\"1\"><c r=\"A1\" t=\"b\"><v>2</v></c></row>",  // boolean that is not one
        "<row r=\"0\"><c r=\"A1\"><v>1</v></c></row>",  // row 0
        "<row r=\"1048577\"/>",  // past the last row
        "<c r=\"A1\"><v>1</v></c>",  // cell outside a row
        "<row r=\"1\"><c r=\"A1\" s=\"-1\"><v>1</v></c></row>",  // negative style
    ]

    @Test(arguments: malformedSheets)
    func malformedSpreadsheetML(_ rows: String) throws {
        let data = try XLSXFixture.workbook(sheets: [("Sheet1", rows)], sharedStrings: "<si><t>only</t></si>")
        let error = try #require(Self.failure(data))
        #expect(error.code == .xlsxMalformed, "\(error)")
        #expect(error.location?.path == Self.sheetPart)
        #expect((error.location?.line ?? 0) >= 1)
    }

    @Test func hostileXMLInsideAPart() throws {
        let sheet = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><worksheet><sheetData/></worksheet>"
        let data = try XLSXFixture.workbook(sheets: [("Sheet1", "")], overrides: [Self.sheetPart: sheet])
        let error = try #require(Self.failure(data))
        #expect(error.location?.path == Self.sheetPart)
        #expect(error.code == .xmlDTDForbidden)
    }

    @Test func truncatedSheetXMLFails() throws {
        let sheet = XLSXFixture.worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>").dropLast(30)
        let data = try XLSXFixture.workbook(sheets: [("Sheet1", "")], overrides: [Self.sheetPart: String(sheet)])
        var reader = try XLSXReader(data: data)
        var failure: LocatedFailure?
        do {
            while try reader.next() != nil {}
        } catch {
            failure = error
        }
        #expect(try #require(failure).code == .xmlMalformed)
    }

    @Test func tooManySharedStrings() throws {
        let data = try XLSXFixture.workbook(
            sheets: [("Sheet1", "")],
            sharedStrings: "<si><t>a</t></si><si><t>b</t></si><si><t>c</t></si>"
        )
        #expect(Self.error(data, limits: .init(maxSharedStrings: 2)) == Failure(.xlsxTooManySharedStrings))
        #expect(Self.error(data, limits: .init(maxSharedStrings: 3)) == nil)
    }

    @Test func highlyCompressiblePartAboveTheCap() throws {
        // A 2 MiB comment deflates to a few KiB and reads fine without the lowered cap.
        let padding = "<!--" + String(repeating: "x", count: 2 << 20) + "-->"
        let data = try XLSXFixture.workbook(sheets: [("Sheet1", padding)])
        #expect(data.count < 64 << 10)
        #expect(Self.error(data, limits: .init(maxPartBytes: 1 << 20)) == Failure(.xlsxZipBomb, Self.sheetPart))
        #expect(Self.error(data) == nil)
    }

    @Test func partThatLiesAboutItsSizeIsStoppedWhileDecompressing() throws {
        let padding = "<!--" + String(repeating: "x", count: 2 << 20) + "-->"
        var entries = try XLSXFixture.entries(XLSXFixture.workbookParts(sheets: [("Sheet1", padding)]))
        let sheet = try #require(entries.firstIndex { $0.path == Self.sheetPart })
        entries[sheet].uncompressedSize = 1_000
        let lying = Data(ZIPWriter.archive(entries))
        // The declared size passes the first check; counting the inflated bytes stops it.
        #expect(Self.error(lying, limits: .init(maxPartBytes: 64 << 10)) == Failure(.xlsxZipBomb, Self.sheetPart))
        // Under the cap, a size that does not match the declaration is corruption.
        #expect(Self.error(lying) == Failure(.xlsxCorruptPart, Self.sheetPart))
    }

    @Test func notAZipFile() throws {
        let directory = TemporaryDirectory.url("xlsx")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("export.xlsx")
        try Data("id;text\n1;Яма во дворе\n".utf8).write(to: csv)
        #expect(Self.code { _ = try XLSXReader(contentsOf: csv) } == .xlsxNotZip)
        let empty = directory.appendingPathComponent("empty.xlsx")
        try Data().write(to: empty)
        #expect(Self.code { _ = try XLSXReader(contentsOf: empty) } == .xlsxNotZip)
        #expect(
            Self.code { _ = try XLSXReader(contentsOf: directory.appendingPathComponent("missing.xlsx")) }
                == .xlsxUnreadable
        )
        #expect(Self.code { _ = try XLSXReader(data: Data([0x50, 0x4B, 0x03, 0x04, 0x00])) } == .xlsxNotZip)
    }

    @Test func zipWithoutWorkbook() throws {
        let data = try XLSXFixture.zip([("hello.txt", Data("hi".utf8))])
        #expect(Self.error(data) == Failure(.xlsxMissingPart, "xl/workbook.xml"))
    }

    @Test func entriesOutsideThePackageAreRefused() throws {
        for name in ["../../etc/passwd", "/etc/passwd", "xl/../../evil.xml", "..\\evil.txt"] {
            let data = try XLSXFixture.zip([("hello.txt", Data("hi".utf8)), (name, Data("x".utf8))])
            #expect(Self.error(data) == Failure(.xlsxUnsafeEntry, name))
        }
    }

    @Test func workbookWithoutItsRelationshipsOrSheet() throws {
        let noRelationships = try XLSXFixture.workbook(
            sheets: [("Sheet1", "")],
            overrides: ["xl/_rels/workbook.xml.rels": nil]
        )
        #expect(Self.error(noRelationships) == Failure(.xlsxMissingPart, "xl/_rels/workbook.xml.rels"))
        let noSheet = try XLSXFixture.workbook(sheets: [("Sheet1", "")], overrides: [Self.sheetPart: nil])
        #expect(Self.error(noSheet) == Failure(.xlsxMissingPart, Self.sheetPart))
        let noSheets = try XLSXFixture.workbook(sheets: [])
        #expect(Self.error(noSheets) == Failure(.xlsxMissingPart, "a worksheet"))
    }

    @Test func readsAFile() throws {
        let directory = TemporaryDirectory.url("xlsx")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("book.xlsx")
        try XLSXFixture.workbook(sheets: [("S", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")]).write(to: file)
        var reader = try XLSXReader(contentsOf: file)
        #expect(try reader.next() == XLSXRow(number: 1, cells: [.number("1")]))
        #expect(try reader.next() == nil)
    }

    @Test func errorDescriptionsNeverQuoteCells() throws {
        let data = try XLSXFixture.workbook(sheets: [("Sheet1", "<row r=\"1\"><c r=\"A1\"><v>Иванов</v></c></row>")])
        let error = try #require(Self.failure(data))
        #expect(!error.description.contains("Иванов"))
        #expect(error.description.contains(Self.sheetPart))
    }
}

@Suite struct XLSXDateSerialTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let serial: Double
        let expected: String?  // ISO 8601 in UTC
        var testDescription: String { "\(serial)" }
    }

    static let cases: [Case] = [
        Case(serial: 1, expected: "1900-01-01T00:00:00Z"),
        Case(serial: 59, expected: "1900-02-28T00:00:00Z"),
        Case(serial: 60, expected: nil),  // Excel's 1900-02-29, which never was
        Case(serial: 60.5, expected: nil),
        Case(serial: 61, expected: "1900-03-01T00:00:00Z"),
        Case(serial: 0.5, expected: "1899-12-31T12:00:00Z"),  // a time of day alone
        Case(serial: 25_569, expected: "1970-01-01T00:00:00Z"),
        Case(serial: 44_197.75, expected: "2021-01-01T18:00:00Z"),
        Case(serial: 44_197.999_999_999, expected: "2021-01-02T00:00:00Z"),  // float noise rounds to the millisecond
        Case(serial: 2_958_465, expected: "9999-12-31T00:00:00Z"),
        Case(serial: 2_958_466, expected: nil),
        Case(serial: -1, expected: nil),
        Case(serial: .nan, expected: nil),
        Case(serial: .infinity, expected: nil),
    ]

    @Test(arguments: cases)
    func serialToDateInUTC(_ sample: Case) throws {
        let utc = try #require(TimeZone(secondsFromGMT: 0))
        let date = XLSXReader.date(fromSerial: sample.serial, timeZone: utc)
        #expect(date.map { $0.formatted(.iso8601) } == sample.expected)
    }

    @Test func wallClockIsReadInTheGivenZone() throws {
        let yekaterinburg = try #require(TimeZone(identifier: "Asia/Yekaterinburg"))  // UTC+5
        let date = try #require(XLSXReader.date(fromSerial: 46_173.5, timeZone: yekaterinburg))
        #expect(date.formatted(.iso8601) == "2026-05-31T07:00:00Z")
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))  // summer time, UTC+2
        #expect(XLSXReader.date(fromSerial: 46_173.5, timeZone: berlin)?.formatted(.iso8601) == "2026-05-31T10:00:00Z")
    }
}
