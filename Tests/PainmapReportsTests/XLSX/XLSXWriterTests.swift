import Foundation
import PainmapCore
import PainmapIngest
import PainmapReports
import PainmapTestSupport
import Testing
import ZIPFoundation

@Suite struct XLSXWriterTests {
    static let utc = TimeZone(secondsFromGMT: 0) ?? .current

    static func readBack(_ data: Data, sheetName: String? = nil) throws -> [XLSXRow] {
        var reader = try XLSXReader(data: data, sheetName: sheetName)
        var rows: [XLSXRow] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    /// The decompressed parts of a package, in archive order.
    static func parts(_ data: Data) throws -> [(path: String, text: String, modified: Date)] {
        let archive = try Archive(data: data, accessMode: .read)
        return try archive.map { entry in
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            return (
                entry.path, try #require(String(data: bytes, encoding: .utf8)),
                entry.fileAttributes[.modificationDate] as? Date ?? .distantPast
            )
        }
    }

    static func temporaryDirectory() throws -> URL {
        let directory = TemporaryDirectory.url("xlsxw")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func roundTripThroughTheReader() throws {
        let seen = Date(timeIntervalSince1970: 1_780_218_000.25)  // 2026-05-31T09:00:00.250Z
        let early = Date(timeIntervalSince1970: -2_207_779_200)  // 1900-01-15, before Excel's phantom 29 February
        let sheet = XLSXSheet(
            name: "Боли",
            rows: [
                [.text("Тема"), .text("Обращений"), .text("Доля"), .text("Последнее")],
                [.text("Ямы во дворах «Северный»"), .integer(412), .number(0.375), .date(seen)],
                [.text("a & b < c > d \" e ' f"), .integer(-7), .number(-1e-5), .empty, .text("ё")],
                [.empty, .empty, .number(1e20), .date(early)],
                [],
                [.text("  пробелы вокруг  "), .text("строка 1\nстрока 2\r\nстрока 3")],
            ]
        )
        let rows = try Self.readBack(XLSXWriter().data([sheet]))
        #expect(rows.map(\.number) == [1, 2, 3, 4, 6])
        #expect(rows[0].cells == [.text("Тема"), .text("Обращений"), .text("Доля"), .text("Последнее")])
        #expect(rows[1].cells.prefix(3) == [.text("Ямы во дворах «Северный»"), .number("412"), .number("0.375")])
        #expect(
            rows[2].cells == [.text("a & b < c > d \" e ' f"), .number("-7"), .number("-1e-05"), .empty, .text("ё")]
        )
        #expect(rows[3].cells.prefix(3) == [.empty, .empty, .number("1e+20")])
        #expect(rows[4].cells == [.text("  пробелы вокруг  "), .text("строка 1\nстрока 2\r\nстрока 3")])

        guard case .date(let serial) = rows[1].cells[3], case .date(let earlySerial) = rows[3].cells[3] else {
            Issue.record("dates were not read back as dates")
            return
        }
        #expect(XLSXReader.date(fromSerial: serial, timeZone: Self.utc) == seen)
        #expect(earlySerial == 15)
        #expect(XLSXReader.date(fromSerial: earlySerial, timeZone: Self.utc) == early)
    }

    /// Text that begins like a formula, and what a reader gets back: the text as written (an inline string is a
    /// typed string, never evaluated), with the quote-prefix style when it starts with a formula trigger.
    static let injectionPayloads: [(payload: String, expected: String, quoted: Bool)] = [
        ("=cmd|'/c calc'!A1", "=cmd|'/c calc'!A1", true),
        ("=HYPERLINK(\"http://evil.invalid\",\"Нажмите\")", "=HYPERLINK(\"http://evil.invalid\",\"Нажмите\")", true),
        ("+7 912 345-67-89", "+7 912 345-67-89", true),
        ("-2+3+cmd|' /C calc'!D2", "-2+3+cmd|' /C calc'!D2", true),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", true),
        ("\t=1+1", "\t=1+1", true),
        ("\r=1+1", "\r=1+1", true),
        ("\u{0}=1+1", "=1+1", true),  // NUL cannot be stored in XML; what remains starts with «=»
        ("Обычный текст", "Обычный текст", false),
        (" =не первый символ", " =не первый символ", false),
        ("1-2", "1-2", false),
        ("'уже с апострофом", "'уже с апострофом", false),
    ]

    @Test(arguments: injectionPayloads)
    func textIsATypedStringNeverAFormula(_ payload: String, _ expected: String, _ quoted: Bool) throws {
        let data = try XLSXWriter().data([XLSXSheet(name: "S", rows: [[.text("Заголовок")], [.text(payload)]])])
        let rows = try Self.readBack(data)
        #expect(rows.last?.cells == [.text(expected)])
        let sheet = try #require(try Self.parts(data).first { $0.path == "xl/worksheets/sheet1.xml" })
        #expect(!sheet.text.contains("<f>"))
        #expect(sheet.text.contains("<c r=\"A2\" s=\"3\" t=\"inlineStr\">") == quoted)
        let styles = try #require(try Self.parts(data).first { $0.path == "xl/styles.xml" })
        #expect(styles.text.contains("quotePrefix=\"1\""))
    }

    @Test func everySheetPrintsOnA4LandscapeOnePageWideWithItsHeaderRepeated() throws {
        let data = try XLSXWriter().data([
            XLSXSheet(name: "Сводка", rows: [[.text("a")]]), XLSXSheet(name: "Д'ети", rows: [[.text("b")]]),
        ])
        let parts = try Self.parts(data)
        for path in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
            let sheet = try #require(parts.first { $0.path == path })
            #expect(sheet.text.contains("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"))
            #expect(
                sheet.text.contains(
                    "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
                )
            )
        }
        let workbook = try #require(parts.first { $0.path == "xl/workbook.xml" })
        #expect(
            workbook.text.contains(
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'Сводка'!$1:$1</definedName>"
            )
        )
        #expect(
            workbook.text.contains(
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">'Д''ети'!$1:$1</definedName>"
            )
        )
    }

    @Test func charactersIllegalInXMLAreDropped() throws {
        let text = "a\u{1}\u{8}\u{B}\u{C}\u{1F}b\u{FFFE}\u{FFFF}c\u{7F}d\u{1F600}"
        let rows = try Self.readBack(XLSXWriter().data([XLSXSheet(name: "S", rows: [[.text(text)]])]))
        #expect(rows.first?.cells == [.text("abc\u{7F}d\u{1F600}")])
    }

    @Test func overlongTextIsCutToTheCellLimit() throws {
        let text = String(repeating: "я", count: 40_000)
        let rows = try Self.readBack(XLSXWriter().data([XLSXSheet(name: "S", rows: [[.text(text)]])]))
        guard case .text(let stored) = rows.first?.cells.first else {
            Issue.record("no text read back")
            return
        }
        #expect(stored.utf16.count == 32_767)
        #expect(stored.hasSuffix("я…"))
    }

    @Test func outputIsByteDeterministic() throws {
        let sheets = [
            XLSXSheet(
                name: "Боли",
                rows: [
                    [.text("Тема"), .text("Дата")], [.text("Яма"), .date(Date(timeIntervalSince1970: 1_780_218_000))],
                ],
                columnWidths: [30, 18]
            ),
            XLSXSheet(name: "Итоги", rows: [[.integer(1), .number(2.5)]]),
        ]
        let first = try XLSXWriter().data(sheets)
        let second = try XLSXWriter().data(sheets)
        #expect(first == second)

        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.xlsx")
        let b = directory.appendingPathComponent("b.xlsx")
        try XLSXWriter().write(sheets, to: a)
        try XLSXWriter().write(sheets, to: b)
        #expect(try Data(contentsOf: a) == first)
        #expect(try Data(contentsOf: b) == first)

        let parts = try Self.parts(first)
        #expect(
            parts.map(\.path) == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
            ]
        )
        #expect(parts.allSatisfy { $0.modified == Date(timeIntervalSince1970: 315_532_800) })
    }

    @Test func packageIsTheOneZIPFoundationsArchiveWrote() throws {
        // Workbooks were packaged by ZIPFoundation's `Archive` until Core's ZIPWriter took over; the bytes must not
        // change (reports are compared byte for byte across releases), so the old packaging is the oracle here.
        let sheets = [
            XLSXSheet(
                name: "Боли",
                rows: [
                    [.text("Тема"), .text("Обращений")], [.text(String(repeating: "Яма во дворе. ", count: 3_000))],
                ],
                columnWidths: [40, 12]
            ),
            XLSXSheet(name: "Итоги", rows: [[.integer(1), .number(2.5)]]),
        ]
        let written = try XLSXWriter().data(sheets)
        let archive = try Archive(accessMode: .create)
        for part in try Self.parts(written) {
            let bytes = Data(part.text.utf8)
            try archive.addEntry(
                with: part.path,
                type: .file,
                uncompressedSize: Int64(bytes.count),
                modificationDate: Date(timeIntervalSince1970: 315_532_800),
                permissions: 0o644,
                compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
            )
        }
        #expect(try #require(archive.data) == written)
    }

    @Test func everyPartIsWellFormedXML() throws {
        let data = try XLSXWriter().data([XLSXSheet(name: "A & <B>", rows: [[.text("x & <y>")]], columnWidths: [12])])
        for part in try Self.parts(data) {
            var reader = try XMLStreamReader(data: Data(part.text.utf8))
            var count = 0
            while try reader.next() != nil { count += 1 }
            #expect(count > 0, "\(part.path)")
        }
    }

    @Test func headerIsBoldAndFrozenAndWidthsAreSet() throws {
        let data = try XLSXWriter().data([
            XLSXSheet(
                name: "S",
                rows: [[.text("Тема"), .integer(1)], [.text("Яма"), .integer(2)]],
                columnWidths: [40, 0, .nan, 300]
            )
        ])
        let parts = try Self.parts(data)
        let sheet = try #require(parts.first { $0.path == "xl/worksheets/sheet1.xml" }?.text)
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(
            sheet.contains(
                "<cols><col min=\"1\" max=\"1\" width=\"40\" customWidth=\"1\"/><col min=\"4\" max=\"4\" width=\"255\" customWidth=\"1\"/></cols>"
            )
        )
        #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\">"))
        #expect(sheet.contains("<c r=\"B1\" s=\"1\"><v>1</v></c>"))
        #expect(sheet.contains("<c r=\"A2\" t=\"inlineStr\">"))
        let styles = try #require(parts.first { $0.path == "xl/styles.xml" }?.text)
        #expect(styles.contains("formatCode=\"dd.mm.yyyy hh:mm\""))
        #expect(styles.contains("<font><b/>"))
    }

    static let sheetNameCases: [(requested: [String], expected: [String])] = [
        (["Итоги: 2 кв.", "итоги: 2 кв.", ""], ["Итоги_ 2 кв.", "итоги_ 2 кв. (2)", "Лист3"]),
        (["a[b]c*d?e/f\\g:h"], ["a_b_c_d_e_f_g_h"]),
        (["'в кавычках'", "''", "History", "history"], ["в кавычках", "Лист2", "Лист3", "Лист4"]),
        ([String(repeating: "Ж", count: 40)], [String(repeating: "Ж", count: 31)]),
        (
            [String(repeating: "Ж", count: 40), String(repeating: "ж", count: 35)],
            [String(repeating: "Ж", count: 31), String(repeating: "ж", count: 27) + " (2)"]
        ),
        ([String(repeating: "a", count: 30) + "😀"], [String(repeating: "a", count: 30)]),
        (["Лист2", ""], ["Лист2", "Лист2 (2)"]),
        (["tab\there\u{0}"], ["tabhere"]),
    ]

    @Test(arguments: sheetNameCases)
    func sheetNamesAreSanitized(_ requested: [String], _ expected: [String]) throws {
        #expect(XLSXWriter.sanitizedSheetNames(requested) == expected)
        let sheets = requested.map { XLSXSheet(name: $0, rows: [[.text("x")]]) }
        let reader = try XLSXReader(data: XLSXWriter().data(sheets))
        #expect(reader.sheetNames == expected)
    }

    @Test func sheetsAreReadableByName() throws {
        let data = try XLSXWriter().data([
            XLSXSheet(name: "Первый", rows: [[.text("1")]]),
            XLSXSheet(name: "Второй", rows: [[.text("2")]]),
        ])
        #expect(try Self.readBack(data, sheetName: "Второй").first?.cells == [.text("2")])
    }

    @Test func invalidContentThrows() throws {
        let writer = XLSXWriter()
        #expect(throws: LocatedFailure.workbookNoSheets) { try writer.data([]) }
        #expect(throws: LocatedFailure.workbookNonFiniteNumber(sheet: 1, row: 2, column: 3)) {
            try writer.data([
                XLSXSheet(name: "A", rows: []),
                XLSXSheet(name: "B", rows: [[], [.empty, .empty, .number(.nan)]]),
            ])
        }
        #expect(throws: LocatedFailure.workbookDateOutOfRange(sheet: 0, row: 1, column: 1)) {
            try writer.data([XLSXSheet(name: "A", rows: [[.date(Date(timeIntervalSince1970: -2_300_000_000))]])])
        }
        #expect(throws: LocatedFailure.workbookTooManyColumns(sheet: 0, row: 1)) {
            try writer.data([XLSXSheet(name: "A", rows: [Array(repeating: .integer(1), count: 16_385)])])
        }
    }

    @Test func writeReplacesAtomicallyAndLeavesNoTemporaryFiles() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("report.xlsx")
        try Data("old".utf8).write(to: report)
        try XLSXWriter().write([XLSXSheet(name: "S", rows: [[.text("новый")]])], to: report)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.xlsx"])
        var reader = try XLSXReader(contentsOf: report)
        #expect(try reader.next()?.cells == [.text("новый")])

        // A failing write keeps the old file and leaves nothing behind.
        #expect(throws: LocatedFailure.workbookNoSheets) { try XLSXWriter().write([], to: report) }
        let missing = directory.appendingPathComponent("no-such-dir").appendingPathComponent("r.xlsx")
        let failure = #expect(throws: LocatedFailure.self) {
            try XLSXWriter().write([XLSXSheet(name: "S", rows: [])], to: missing)
        }
        #expect(failure?.code == .io && failure?.exitStatus == .ioError)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.xlsx"])
    }
}
