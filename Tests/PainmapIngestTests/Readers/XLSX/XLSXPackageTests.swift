import Foundation
import PainmapCore
import PainmapIngest
import PainmapReports
import Testing

/// How parts come out of the ZIP archive: stored and deflated entries, and every way an entry's data can be
/// broken (a deflate stream that never ends, a cut stream, a wrong CRC-32 or size, a missing local header, other
/// compression methods, encryption), on archives whose every header field the test sets (`ZIPWriter`).
@Suite struct XLSXPackageTests {
    static let sheetPart = "xl/worksheets/sheet1.xml"
    static let row =
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Яма во дворе</t></is></c><c r=\"B1\"><v>7</v></c></row>"
    static let expected = [XLSXRow(number: 1, cells: [.text("Яма во дворе"), .number("7")])]

    /// The parts of a one-sheet workbook, deflated, with the worksheet's entry made by `sheet`.
    static func archive(zip64: Bool = false, sheet: ([UInt8]) throws -> ZIPWriter.Entry) throws -> Data {
        let parts = XLSXFixture.workbookParts(sheets: [("Sheet1", row)])
        let entries = try parts.map { part in
            part.path == sheetPart
                ? try sheet([UInt8](part.bytes)) : try ZIPWriter.Entry.deflated(part.path, [UInt8](part.bytes))
        }
        return Data(ZIPWriter.archive(entries, zip64: zip64))
    }

    @Test func handWrittenArchiveReads() throws {
        let data = try Self.archive { try .deflated(Self.sheetPart, $0) }
        #expect(try XLSXReaderTests.rows(data) == Self.expected)
    }

    @Test func storedPartsAreRead() throws {
        // Every part stored (method 0)…
        let parts = XLSXFixture.workbookParts(sheets: [("Sheet1", Self.row)])
        #expect(try XLSXReaderTests.rows(XLSXFixture.zip(parts, deflate: false)) == Self.expected)
        // …and a stored worksheet among deflated parts.
        let mixed = try Self.archive { .stored(Self.sheetPart, $0) }
        #expect(try XLSXReaderTests.rows(mixed) == Self.expected)
    }

    @Test func zip64DirectoryIsRead() throws {
        let data = try Self.archive(zip64: true) { try .deflated(Self.sheetPart, $0) }
        #expect(try XLSXReaderTests.rows(data) == Self.expected)
    }

    /// A worksheet entry whose deflate stream holds the XML in stored blocks, followed by `tail`.
    static func storedBlocksEntry(final: Bool, tail: [UInt8] = []) -> ([UInt8]) -> ZIPWriter.Entry {
        { bytes in
            ZIPWriter.Entry(
                path: sheetPart,
                method: 8,
                payload: XLSXFixture.storedDeflateBlocks(bytes, final: final) + tail,
                crc32: ZIPWriter.crc32(bytes),
                uncompressedSize: UInt64(bytes.count)
            )
        }
    }

    @Test func deflateStreamWithoutEndBlockIsCorrupt() throws {
        // Sizes and CRC-32 are honest and every byte inflates; only the final block is missing.
        #expect(try XLSXReaderTests.rows(Self.archive(sheet: Self.storedBlocksEntry(final: true))) == Self.expected)
        let data = try Self.archive(sheet: Self.storedBlocksEntry(final: false))
        #expect(XLSXReaderTests.error(data) == XLSXReaderTests.Failure(.xlsxCorruptPart, Self.sheetPart))
    }

    @Test func deflateBlockRunningPastTheEntryIsCorrupt() throws {
        // The shape of the fuzzer's workbook that hung ZIPFoundation (FUZZING.md): the stream ends with the header of
        // a 65,535-byte stored block whose bytes are not in the entry. ZIPFoundation fed the inflater whatever
        // followed in the file (here the central directory), then, at the end of the file, empty chunks forever.
        let data = try Self.archive(sheet: Self.storedBlocksEntry(final: false, tail: [0x00, 0xFF, 0xFF, 0x00, 0x00]))
        #expect(XLSXReaderTests.error(data) == XLSXReaderTests.Failure(.xlsxCorruptPart, Self.sheetPart))
    }

    @Test func truncatedDeflateStreamIsCorrupt() throws {
        let data = try Self.archive { bytes in
            var entry = try ZIPWriter.Entry.deflated(Self.sheetPart, bytes)
            entry.payload = Array(entry.payload.prefix(entry.payload.count / 2))
            return entry
        }
        #expect(XLSXReaderTests.error(data) == XLSXReaderTests.Failure(.xlsxCorruptPart, Self.sheetPart))
    }

    @Test func garbageDeflateStreamIsCorrupt() throws {
        let data = try Self.archive { bytes in
            var entry = try ZIPWriter.Entry.deflated(Self.sheetPart, bytes)
            entry.payload = [UInt8](repeating: 0xFF, count: entry.payload.count)  // block type 11: reserved, an error
            return entry
        }
        #expect(XLSXReaderTests.error(data) == XLSXReaderTests.Failure(.xlsxCorruptPart, Self.sheetPart))
    }

    @Test func wrongChecksumIsCorrupt() throws {
        let deflated = try Self.archive { bytes in
            var entry = try ZIPWriter.Entry.deflated(Self.sheetPart, bytes)
            entry.crc32 ^= 1
            return entry
        }
        #expect(XLSXReaderTests.error(deflated) == XLSXReaderTests.Failure(.xlsxCorruptPart, Self.sheetPart))
        let stored = try Self.archive { bytes in
            var entry = ZIPWriter.Entry.stored(Self.sheetPart, bytes)
            entry.crc32 ^= 1
            return entry
        }
        #expect(XLSXReaderTests.error(stored) == XLSXReaderTests.Failure(.xlsxCorruptPart, Self.sheetPart))
    }

    @Test func storedPartWhoseSizesDisagreeIsCorrupt() throws {
        let data = try Self.archive { bytes in
            var entry = ZIPWriter.Entry.stored(Self.sheetPart, bytes)
            entry.uncompressedSize -= 1
            return entry
        }
        #expect(XLSXReaderTests.error(data) == XLSXReaderTests.Failure(.xlsxCorruptPart, Self.sheetPart))
    }

    @Test func dataRunningPastTheArchiveIsCorrupt() throws {
        let data = try Self.archive { bytes in
            var entry = try ZIPWriter.Entry.deflated(Self.sheetPart, bytes)
            entry.declaredCompressedSize = 1 << 20
            return entry
        }
        #expect(XLSXReaderTests.error(data) == XLSXReaderTests.Failure(.xlsxCorruptPart, Self.sheetPart))
    }

    @Test func missingLocalHeaderIsCorrupt() throws {
        var bytes = [UInt8](try Self.archive { try .deflated(Self.sheetPart, $0) })
        // The worksheet's local header is the last "PK\3\4" before the central directory; break its signature.
        let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        let local = try #require(
            (0..<(bytes.count - 4)).last { Array(bytes[$0..<($0 + 4)]) == signature }
        )
        bytes[local + 3] = 0x05
        #expect(XLSXReaderTests.error(Data(bytes)) == XLSXReaderTests.Failure(.xlsxCorruptPart, Self.sheetPart))
    }

    @Test(arguments: [UInt16(12), 14, 93, 99])  // bzip2, LZMA, Zstandard, AES
    func otherCompressionMethodsAreRefused(_ method: UInt16) throws {
        let data = try Self.archive { bytes in
            var entry = ZIPWriter.Entry.stored(Self.sheetPart, bytes)
            entry.method = method
            return entry
        }
        #expect(XLSXReaderTests.error(data) == XLSXReaderTests.Failure(.xlsxUnsupportedCompression, Self.sheetPart))
        #expect(XLSXReaderTests.failure(data)?.message.contains("№\(method),") == true)
    }

    @Test func encryptedPartIsRefused() throws {
        let data = try Self.archive { bytes in
            var entry = try ZIPWriter.Entry.deflated(Self.sheetPart, bytes)
            entry.flags |= 1
            return entry
        }
        #expect(XLSXReaderTests.error(data) == XLSXReaderTests.Failure(.xlsxEncryptedPart, Self.sheetPart))
    }

    @Test func hugeOffsetsAreRefusedWithoutOverflow() throws {
        let data = [UInt8](try Self.archive(zip64: true) { try .deflated(Self.sheetPart, $0) })
        // Layout of the tail: …, the worksheet's ZIP64 extra field (its local header offset last), the ZIP64 end
        // record (56 bytes), its locator (20: the record's offset at +8), the classic end record (22).
        let huge: [UInt8] = [0xF0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]
        var localOffset = data
        localOffset.replaceSubrange((data.count - 106)..<(data.count - 98), with: huge)
        #expect(XLSXReaderTests.error(Data(localOffset)) == XLSXReaderTests.Failure(.xlsxCorruptPart, Self.sheetPart))
        var recordOffset = data
        recordOffset.replaceSubrange((data.count - 34)..<(data.count - 26), with: huge)
        #expect(XLSXReaderTests.error(Data(recordOffset)) == XLSXReaderTests.Failure(.xlsxNotZip))
    }

    @Test func brokenCentralDirectoryIsNotZip() throws {
        let data = try Self.archive { try .deflated(Self.sheetPart, $0) }
        // The end record points one byte past where the directory starts.
        var shifted = [UInt8](data)
        let offsetField = shifted.count - 6
        shifted[offsetField] &+= 1
        #expect(XLSXReaderTests.error(Data(shifted)) == XLSXReaderTests.Failure(.xlsxNotZip))
        // An archive cut off inside its central directory, end record gone.
        #expect(XLSXReaderTests.error(data.prefix(data.count - 40)) == XLSXReaderTests.Failure(.xlsxNotZip))
    }
}
