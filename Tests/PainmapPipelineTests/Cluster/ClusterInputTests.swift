import Foundation
import PainmapClustering
import PainmapCore
import PainmapIngest
import Testing

@testable import PainmapPipeline

/// The two ways of reading a file — blocks parsed by the tasks, rows parsed by the reading thread — give the
/// same input, whatever the chunk size; quotes come back from row positions exactly.
@Suite struct ClusterInputTests {
    /// CRLF, blank lines, line breaks and `""` in quotes, a short row, a BOM, no final newline.
    static let text =
        ("id,text,topic\r\n"
            + "1,\"Очередь в \"\"детский сад\"\"\r\nне движется\",sad\r\n"
            + "\r\n"
            + "2,Талонов к врачу нет,doc\n"
            + "\n"
            + "3,Батареи холодные,heat\n"
            + "4\n"
            + "5,\"Очередь в детский сад\nстоит\",sad\n"
            + "6,Талонов к врачу нет,doc\n"
            + "7,\"Очередь в \"\"детский сад\"\"\r\nне движется\",sad\n"
            + "8,Батареи холодные,heat")
    static let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)

    private func read(_ url: URL, inBlocks: Bool, chunkSize: Int) async throws -> ClusterInput {
        var reader = try DelimitedTextReader(url: url)
        _ = try reader.next()
        let input = try await ClusterInput.read(
            &reader,
            inBlocks: inBlocks,
            columns: .init(id: 0, text: 1, truth: 2),
            threadCount: 2,
            chunkSize: chunkSize
        )
        return try #require(input)
    }

    @Test(arguments: [1, 2, 3, 4_096])
    func blocksAndRowsGiveTheSameInput(chunkSize: Int) async throws {
        let directory = try ClusterJobFixture.temporaryDirectory()
        let url = directory.appendingPathComponent("input.csv")
        try Data(Self.bytes).write(to: url)
        let rows = try await read(url, inBlocks: false, chunkSize: 4_096)
        let blocks = try await read(url, inBlocks: true, chunkSize: chunkSize)
        #expect(blocks.ids == ["1", "2", "3", "4", "5", "6", "7", "8"])
        #expect(blocks.ids == rows.ids)
        #expect(blocks.truth == rows.truth)
        #expect(blocks.documentOfRow == rows.documentOfRow)
        #expect(blocks.firstRow == rows.firstRow)
        #expect(blocks.firstRowPosition == rows.firstRowPosition)
        #expect(blocks.documents.words == rows.documents.words)
        #expect(blocks.documents.wordOffsets == rows.documents.wordOffsets)
        #expect(blocks.documents.weights == rows.documents.weights)
        #expect(blocks.documents.surfaces == rows.documents.surfaces)
        #expect(blocks.decoding == rows.decoding)
        #expect(blocks.documentOfRow[3] == -1, "the short row has no text")
        #expect(blocks.documentOfRow[0] == blocks.documentOfRow[6], "same words, one document")

        let quoted = try blocks.texts(
            ofRows: Set(blocks.firstRow),
            open: { try DelimitedTextReader(url: url, resumingAt: $0, decoding: $1) },
            columns: .init(id: 0, text: 1, truth: 2),
            path: url.path
        )
        #expect(quoted[0]?.text == "Очередь в \"детский сад\"\r\nне движется")
        #expect(quoted[4]?.text == "Очередь в детский сад\nстоит")
        #expect(quoted.count == 4)
        #expect(quoted[1]?.id == "2")
    }

    @Test func changedFileIsReportedWhenQuotesAreRead() async throws {
        let directory = try ClusterJobFixture.temporaryDirectory()
        let url = directory.appendingPathComponent("input.csv")
        try Data(Self.bytes).write(to: url)
        let input = try await read(url, inBlocks: true, chunkSize: 2)
        let changed = Self.text.replacingOccurrences(of: "\r\n1,", with: "\r\n9,")
        try Data([0xEF, 0xBB, 0xBF] + Array(changed.utf8)).write(to: url)
        #expect(throws: LocatedFailure.self) {
            try input.texts(
                ofRows: [0],
                open: { try DelimitedTextReader(url: url, resumingAt: $0, decoding: $1) },
                columns: .init(id: 0, text: 1, truth: 2),
                path: url.path
            )
        }
    }
}
