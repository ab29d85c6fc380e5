import Foundation
import PainmapCore
import PainmapIngest
import PainmapTestSupport
import Testing

/// Blocks cut with `nextBlock` and read elsewhere give what reading row by row gives; positions lead back to rows.
@Suite struct DelimitedTextReaderBlockTests {
    /// A file with everything that moves row boundaries: CRLF, blank lines, line breaks and `""` inside quotes,
    /// text after a closing quote, a quote inside an unquoted field, short rows and no final newline.
    static let tricky = Array(
        ("id,text,topic\r\n"
            + "1,\"очередь в \"\"сад\"\"\r\nвторая строка\",sad\r\n"
            + "\r\n"
            + "2,талон к врачу,doc\n"
            + "\n\n"
            + "3,\"батареи\"холодные,heat\n"
            + "4,ab\"c,other\n"
            + "5\n"
            + "6,\"три\nстроки\nподряд\",x\n"
            + "7,последняя,y").utf8
    )

    private func rowByRow(_ url: URL, columns: [Int]? = nil, encoding: DeclaredEncoding = .utf8) throws
        -> [DelimitedTextReader.Row]
    {
        var reader = try DelimitedTextReader(url: url, encoding: encoding)
        _ = try reader.next()
        var rows: [DelimitedTextReader.Row] = []
        while let row = try reader.next(decoding: columns) { rows.append(row) }
        return rows
    }

    private func inBlocks(
        _ url: URL,
        rowLimit: Int,
        columns: [Int]? = nil,
        encoding: DeclaredEncoding = .utf8
    ) throws -> (rows: [DelimitedTextReader.Row], blocks: Int) {
        var reader = try DelimitedTextReader(url: url, encoding: encoding)
        _ = try reader.next()
        var rows: [DelimitedTextReader.Row] = []
        var blocks = 0
        while let block = try reader.nextBlock(rowLimit: rowLimit, maxRowBytes: 1 << 20) {
            blocks += 1
            var blockReader = DelimitedTextReader(block: block)
            var count = 0
            while let row = try blockReader.next(decoding: columns) {
                #expect(row.line >= block.firstLine)
                rows.append(row)
                count += 1
            }
            #expect(count == block.rowCount)
        }
        return (rows, blocks)
    }

    @Test(arguments: [1, 2, 3, 100])
    func blocksReadAsTheFileDoes(rowLimit: Int) throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("tricky.csv", Self.tricky)
        let expected = try rowByRow(url)
        #expect(expected.count == 7)
        #expect(expected.map(\.line) == [2, 5, 8, 9, 10, 11, 14])
        let cut = try inBlocks(url, rowLimit: rowLimit)
        #expect(cut.rows == expected)
        #expect(cut.blocks == (7 + rowLimit - 1) / rowLimit)
    }

    @Test func byteOrderMarkAndPositionsLeadBackToTheirRows() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("bom.csv", [0xEF, 0xBB, 0xBF] + Self.tricky)
        let rows = try rowByRow(url)
        var reader = try DelimitedTextReader(url: url)
        _ = try reader.next()
        let decoding = reader.decoding
        #expect(decoding.decidedEncoding == "utf-8-bom")
        for row in rows.reversed() {
            var again = try DelimitedTextReader(url: url, resumingAt: row.position, decoding: decoding)
            #expect(try again.next() == row)
        }
        #expect(rows[0].position.offset == 3 + "id,text,topic\r\n".utf8.count)
    }

    @Test func blockTakesTheEncodingDecisionItsReaderHasNotTakenYet() throws {
        // ASCII header and first rows; the first Cyrillic row (in CP1251) is in the third block.
        let directory = try TemporaryDirectory()
        var bytes = Array("id,text\n1,a\n2,b\n3,c\n4,d\n".utf8)
        bytes += Array("5,".utf8) + [0xF1, 0xE0, 0xE4, 0x0A]  // «сад» in CP1251
        bytes += Array("6,e\n".utf8)
        let url = try directory.write("legacy.csv", bytes)
        var reader = try DelimitedTextReader(url: url, encoding: .cp1251)
        _ = try reader.next()
        let start = reader.decoding
        #expect(start.decidedEncoding == nil)
        var decoding = start
        var texts: [String] = []
        while let block = try reader.nextBlock(rowLimit: 2, maxRowBytes: 1 << 20) {
            var blockReader = DelimitedTextReader(block: block)
            while let row = try blockReader.next() { texts.append(row.fields[1]) }
            #expect(decoding.agrees(with: blockReader.decoding))
            decoding = decoding.adopting(blockReader.decoding)
        }
        #expect(texts == ["a", "b", "c", "d", "сад", "e"])
        #expect(decoding.decidedEncoding == "cp1251")
        #expect(reader.decoding.decidedEncoding == nil, "cutting blocks decodes nothing")
    }

    @Test func disagreeingDecisionsAreDetected() throws {
        // A UTF-8 row decides UTF-8; a later block read from the undecided start decides CP1251 on its own.
        let directory = try TemporaryDirectory()
        var bytes = Array("id,text\n1,сад\n2,b\n".utf8)
        bytes += Array("3,".utf8) + [0xF1, 0xE0, 0xE4, 0x0A]
        let url = try directory.write("mixed.csv", bytes)
        var reader = try DelimitedTextReader(url: url, encoding: .cp1251)
        _ = try reader.next()
        var endings: [DelimitedTextReader.Decoding] = []
        while let block = try reader.nextBlock(rowLimit: 2, maxRowBytes: 1 << 20) {
            var blockReader = DelimitedTextReader(block: block)
            while try blockReader.next() != nil {}
            endings.append(blockReader.decoding)
        }
        #expect(endings.map(\.decidedEncoding) == ["utf-8", "cp1251"])
        #expect(!endings[0].agrees(with: endings[1]))
        // Row by row, the file is UTF-8 and the CP1251 row is an error on its line.
        var serial = try DelimitedTextReader(url: url, encoding: .cp1251)
        _ = try serial.next()
        _ = try serial.next()
        _ = try serial.next()
        #expect(throws: LocatedFailure.self) { try serial.next() }
    }

    @Test func rowLongerThanTheBlockCapStopsCutting() throws {
        let directory = try TemporaryDirectory()
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 5_000)
        let url = try directory.write("long.csv", Array("id,text\n1,a\n2,\"".utf8) + long + Array("\"\n".utf8))
        var reader = try DelimitedTextReader(url: url)
        _ = try reader.next()
        #expect(try reader.nextBlock(rowLimit: 1, maxRowBytes: 1_000)?.rowCount == 1)
        do {
            _ = try reader.nextBlock(rowLimit: 1, maxRowBytes: 1_000)
            Issue.record("the long row was taken")
        } catch {
            #expect(error.code == .fieldTooLong)
            #expect(error.location?.line == 3)
        }
    }
}
