import PainmapCore
import Testing

@Suite struct ZIPWriterTests {
    @Test func checksumMatchesTheCRC32CheckValue() {
        #expect(ZIPWriter.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZIPWriter.crc32([]) == 0)
    }

    @Test func storedEntryIsLaidOutAsAPPNOTESays() {
        // Derived field by field from APPNOTE 4.3.7, 4.3.12 and 4.3.16 (Python's struct.pack), not from this writer.
        let expected =
            "504b030414000008000000002100ac2a93d8020000000200000005000000612e7478746869"
            + "504b0102150314000008000000002100ac2a93d80200000002000000050000000000000000000000a48100000000612e747874"
            + "504b0506000000000100010033000000250000000000"
        let archive = ZIPWriter.archive([.stored("a.txt", Array("hi".utf8))])
        let hex: [String] = archive.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        #expect(hex.joined() == expected)
    }

    @Test func headersSayWhatTheEntrySays() {
        var entry = ZIPWriter.Entry(
            path: "x",
            method: 12,
            payload: [1, 2, 3],
            crc32: 0xDEAD_BEEF,
            uncompressedSize: 99
        )
        entry.declaredCompressedSize = 7
        entry.flags = 1
        let archive = ZIPWriter.archive([entry])
        func uint32(_ offset: Int) -> UInt32 {
            (0..<4).reduce(0) { $0 | UInt32(archive[offset + $1]) << (8 * $1) }
        }
        #expect(archive[6] == 1 && archive[8] == 12)  // flags, method
        #expect(uint32(14) == 0xDEAD_BEEF && uint32(18) == 7 && uint32(22) == 99)
        #expect(Array(archive[31..<34]) == [1, 2, 3])  // the payload as given, after the one-byte name
    }

    @Test func zip64MovesSizesAndOffsetsToTheExtraFieldAndAddsItsEndRecord() {
        let archive = ZIPWriter.archive([.stored("a", [7]), .stored("b", [8])], zip64: true)
        func uint16(_ offset: Int) -> UInt16 { UInt16(archive[offset]) | UInt16(archive[offset + 1]) << 8 }
        func uint64(_ offset: Int) -> UInt64 {
            (0..<8).reduce(0) { $0 | UInt64(archive[offset + $1]) << (8 * $1) }
        }
        // Two local entries of 32 bytes, two central entries of 46 + 1 + 28, then 56 + 20 + 22 bytes of end records.
        #expect(archive.count == 2 * 32 + 2 * 75 + 56 + 20 + 22)
        let secondCentral = 64 + 75
        #expect(uint16(secondCentral + 6) == 45 && uint16(secondCentral + 30) == 28)
        #expect(uint64(secondCentral + 47 + 20) == 32)  // the second local header's offset
        let record = archive.count - 98
        #expect(Array(archive[record..<(record + 4)]) == [0x50, 0x4B, 0x06, 0x06])
        #expect(uint64(record + 24) == 2 && uint64(record + 40) == 150 && uint64(record + 48) == 64)
        #expect(uint64(archive.count - 34) == UInt64(record))
        #expect(uint16(archive.count - 12) == .max)
    }
}
