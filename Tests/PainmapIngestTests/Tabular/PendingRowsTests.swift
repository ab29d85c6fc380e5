import Foundation
import PainmapCore
import PainmapPipeline
import PainmapTestSupport
import Testing

@testable import PainmapIngest

/// Rows cut into blocks for the ingest lanes (``RowReader/nextPendingBatch(maxCount:)``) come out exactly as rows read
/// one by one.
@Suite struct PendingRowsTests {
    let configuration: PainmapConfiguration

    init() throws {
        configuration = try ConfigurationLoader().load(directory: RepositoryRoot.url.appendingPathComponent("Config"))
    }

    /// Every outcome of a file, as (line, record or quarantined row), and the summary.
    private struct Pulled: Equatable {
        var records: [Int: FeedbackRecord] = [:]
        var quarantined: [QuarantinedRow] = []
        var order: [Int] = []
        var encoding = ""

        mutating func add(_ outcome: RowOutcome<FeedbackRecord>) {
            switch outcome {
            case .record(let record, let line):
                records[line] = record
                order.append(line)
            case .quarantined(let row):
                quarantined.append(row)
                order.append(-row.line)
            }
        }
    }

    private func pull(_ file: FeedFile, pending: Int?) throws -> Pulled {
        var reader = try POSAdapter(regions: configuration.regions).open(file)
        var pulled = Pulled()
        if let pending {
            while let batch = try reader.nextPendingBatch(maxCount: pending) {
                for outcome in batch.outcomes() { pulled.add(outcome) }
            }
        } else {
            while let outcome = try reader.next() { pulled.add(outcome) }
        }
        pulled.encoding = reader.summary.encoding
        return pulled
    }

    @Test(arguments: ["utf-8", "cp1251"])
    func blocksYieldWhatRowByRowReadingYields(_ encoding: String) throws {
        var lines = ["Номер сообщения;Дата создания;Код региона;Текст сообщения;Статус"]
        // ASCII rows first: the encoding is decided only by the first row with other bytes.
        for id in 0..<40 { lines.append("a\(id);05.04.2026 10:20;50;queue \(id);ok") }
        for id in 0..<600 {
            switch id % 50 {
            case 7: lines.append("\(id);05.04.2026;50;\"две\nстроки; и \"\"кавычки\"\"\";Принято")
            case 11: lines.append("\(id);не дата;50;текст;Принято")
            case 13: lines.append("\(id);05.04.2026;50;лишнее;поле;Принято")
            case 17: lines.append("")
            case 19: lines.append("\(id);05.04.2026;50;;Принято")
            case 23: lines.append("\(id);05.04.2026;50;\(String(repeating: "я", count: 40_000));Принято")
            case 29: lines.append("\(id);05.04.2026;50;много полей" + String(repeating: ";", count: 4_200))
            case 31: lines.append("\(id);05.04.2026;50;\"\"\"в кавычках\"\" и после\"\r;Принято")
            default: lines.append("\(id);0\(1 + id % 9).05.2026 1\(id % 10):00;54;очередь в МФЦ №\(id);Дан ответ")
            }
        }
        lines.append("last;05.04.2026;50;\"кавычка не закрыта;Принято")
        let text = lines.joined(separator: "\r\n")
        var bytes: [UInt8] =
            encoding == "cp1251" ? [UInt8](try #require(text.data(using: .windowsCP1251))) : Array(text.utf8)
        // A byte that is neither UTF-8 nor CP1251 (0x98 is unassigned) in one late row.
        let marker = Array("очередь в МФЦ №301".utf8)
        if encoding == "utf-8", let at = bytes.firstRange(of: marker) { bytes[at.lowerBound] = 0xFF }
        // A NUL byte (UTF-16 read as bytes, a binary file) in another.
        if let at = bytes.firstRange(of: Array("queue 33".utf8)) { bytes[at.lowerBound] = 0 }
        if let at = bytes.firstRange(of: Array("408;".utf8)) { bytes[at.lowerBound + 4] = 0 }
        if encoding == "cp1251",
            let at = bytes.firstRange(of: [UInt8](try #require("№301".data(using: .windowsCP1251))))
        {
            bytes[at.lowerBound] = 0x98
        }
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("pos.csv")
        try Data(bytes).write(to: url)
        var feed = try #require(configuration.feed(named: "pos-csv"))
        feed.encoding = .cp1251
        feed.maxFieldBytes = 1_000  // the 80,000-byte field is too long, and its row longer than a block may hold
        let file = FeedFile(url: url, displayPath: "pos.csv", feed: feed)
        let rowByRow = try pull(file, pending: nil)
        #expect(rowByRow.encoding == encoding)
        #expect(rowByRow.records.count > 500)
        #expect(
            Set(rowByRow.quarantined.map(\.reason)).isSuperset(of: [
                .badDate, .wrongFieldCount, .missingRequired, .fieldTooLong, .badEncoding, .unterminatedQuote,
            ])
        )
        for size in [1, 7, 256] {
            #expect(try pull(file, pending: size) == rowByRow, "batches of \(size)")
        }
    }

    @Test func aFileWithOnlyAHeaderIsStillRejected() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("pos.csv", text: "Номер сообщения;Дата создания;Код региона;Текст сообщения\n")
        let feed = try #require(configuration.feed(named: "pos-csv"))
        var reader = try POSAdapter(regions: configuration.regions).open(
            FeedFile(url: url, displayPath: "pos.csv", feed: feed)
        )
        #expect { _ = try reader.nextPendingBatch(maxCount: 256) } throws: { error in
            (error as? LocatedFailure)?.code == .ingest(.emptyFile)
        }
    }
}
