import Foundation
import PainmapTestSupport
import Testing

@testable import PainmapIngest

@Suite struct CSVReaderTests {
    func rows(_ text: String, delimiter: Character = ";", maxField: Int = 1000) throws -> [CSVReader.Row] {
        let directory = try TemporaryDirectory()
        let file = try directory.write("x.csv", text: text)
        var reader = try CSVReader(
            url: file,
            delimiter: UInt8(ascii: delimiter.unicodeScalars.first ?? ";"),
            maxFieldBytes: maxField
        )
        var result: [CSVReader.Row] = []
        while let row = try reader.next() { result.append(row) }
        return result
    }

    func strings(_ row: CSVReader.Row) -> [String] { row.fields.map { String(decoding: $0, as: UTF8.self) } }

    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let parsed = try rows("a;b;c\n1;\"x;y\";\"он сказал \"\"нет\"\"\"\n2;\"две\nстроки\";z\n")
        #expect(parsed.count == 3)
        #expect(strings(parsed[1]) == ["1", "x;y", "он сказал \"нет\""])
        #expect(strings(parsed[2]) == ["2", "две\nстроки", "z"])
        #expect(parsed.map(\.line) == [1, 2, 3])
    }

    @Test func lineNumbersCountPhysicalLinesAcrossMultilineFields() throws {
        let parsed = try rows("h\n\"a\nb\nc\"\nnext\n")
        #expect(parsed.map(\.line) == [1, 2, 5])
    }

    @Test func crlfAndBlankLinesAndMissingFinalNewline() throws {
        let parsed = try rows("a,b\r\n1,2\r\n\r\n3,4", delimiter: ",")
        #expect(parsed.map(strings) == [["a", "b"], ["1", "2"], ["3", "4"]])
    }

    @Test func unterminatedQuoteIsFlaggedNotSwallowedSilently() throws {
        let parsed = try rows("a;b\n1;\"never closed\n2;3\n")
        #expect(parsed.last?.issue == .unterminatedQuote)
    }

    @Test func overlongFieldIsCutAndFlagged() throws {
        let long = String(repeating: "я", count: 5000)
        let parsed = try rows("a;b\n1;\(long)\n2;ok\n", maxField: 100)
        #expect(parsed[1].issue == .fieldTooLong(fieldIndex: 1))
        #expect(parsed[1].fields[1].count == 100)
        #expect(strings(parsed[2]) == ["2", "ok"])
    }

    @Test func quoteFollowedByCombiningMarkStillClosesTheField() throws {
        // A Character-based tokenizer would see «"» + U+031D as one grapheme and miss the quote.
        let parsed = try rows("a;b\n\"x\"\u{031D};y\n")
        #expect(parsed[1].fields.count == 2)
    }

    @Test func byteOrderMarkIsRemovedAndRecorded() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("bom.csv", [0xEF, 0xBB, 0xBF] + Array("id;t\n1;x\n".utf8))
        var reader = try CSVReader(url: file, delimiter: UInt8(ascii: ";"), maxFieldBytes: 100)
        let header = try #require(try reader.next())
        #expect(reader.sawBOM)
        #expect(strings(header) == ["id", "t"])
    }

    @Test func largeFileStreamsAcrossChunkBoundaries() throws {
        var text = "id;text\n"
        for index in 0..<30_000 { text += "\(index);\"строка номер \(index); с разделителем\"\n" }
        let parsed = try rows(text)
        #expect(parsed.count == 30_001)
        #expect(strings(parsed[29_999]) == ["29998", "строка номер 29998; с разделителем"])
    }

    @Test(arguments: [
        "a;b;c\n1;\"x;y\";\"он сказал \"\"нет\"\"\"\n2;\"две\nстроки\";z\n",
        "h\n\"a\nb\nc\"\nnext\n",
        "a;b\r\n1;2\r\n\r\n\n3;4",
        "h\n\"\"\n\r\n;\n\"\"\"\"\nx\"y\"z;\"q\"r\n\n",
        "\u{FEFF}h\n1\n\n2\n",
        "a;b\n1;\"never closed\n2;3\n",
    ])
    func skippingVisitsTheSameRowsAsReading(text: String) throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("x.csv", text: text)
        var reading = try CSVReader(url: file, delimiter: UInt8(ascii: ";"), maxFieldBytes: 1000)
        var skipping = try CSVReader(url: file, delimiter: UInt8(ascii: ";"), maxFieldBytes: 1000)
        var read: [Int] = []
        while let row = try reading.next() { read.append(row.line) }
        var skipped: [Int] = []
        while let line = try skipping.skipRow() { skipped.append(line) }
        #expect(skipped == read)
        #expect(!read.isEmpty)
    }
}
