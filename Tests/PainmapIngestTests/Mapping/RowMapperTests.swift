import Foundation
import PainmapCore
import PainmapPipeline
import PainmapTestSupport
import Testing

@testable import PainmapIngest

@Suite struct RowMapperTests {
    let configuration: PainmapConfiguration

    init() throws {
        configuration = try ConfigurationLoader().load(directory: RepositoryRoot.url.appendingPathComponent("Config"))
    }

    @Test func headersMatchWhateverTheWhiteSpace() {
        // A header wrapped in its cell (Alt+Enter), a no-break space, a byte-order mark, another case.
        for header in [
            "Дата\nрегистрации", "Дата\u{00A0}регистрации", "\u{FEFF} дата  регистрации ", "ДАТА\r\nРЕГИСТРАЦИИ",
        ] {
            #expect(RowMapper.headerKey(header) == RowMapper.headerKey("Дата регистрации"), "\(header)")
        }
        #expect(RowMapper.headerKey("Дата регистрации") != RowMapper.headerKey("Датарегистрации"))
    }

    @Test func missingRequiredColumnNamesWhatWasFoundAndExpected() throws {
        let feed = try #require(configuration.feed(named: "pos-csv"))
        let location = SourceLocation(path: "SampleFeeds/pos/x.csv", line: 1)
        #expect {
            _ = try RowMapper(
                feed: feed,
                regions: configuration.regions,
                header: ["Номер сообщения", "Дата создания", "Код региона"],
                location: location
            )
        } throws: { error in
            guard let error = error as? LocatedFailure else { return false }
            return error.code == .ingest(.missingColumns) && error.exitStatus == .dataError
                && error.description.hasPrefix("SampleFeeds/pos/x.csv:1: ошибка: ")
                && error.message.contains("«Текст сообщения»") && error.message.contains("найдены: «Номер сообщения»")
        }
    }

    @Test func datesInTheFutureOrBefore2000AreQuarantined() throws {
        let feed = try #require(configuration.feed(named: "pos-csv"))
        let header = ["Номер сообщения", "Дата создания", "Код региона", "Текст сообщения"]
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let mapper = try RowMapper(
            feed: feed,
            regions: configuration.regions,
            header: header,
            location: SourceLocation(path: "x"),
            now: now
        )
        for date in ["01.01.1900 10:00", "01.01.2099 10:00"] {
            let result = mapper.map([.text("1"), .text(date), .text("50"), .text("текст")], line: 2, raw: [])
            guard case .failure(let row) = result else {
                Issue.record("\(date) accepted")
                continue
            }
            #expect(row.reason == .dateOutOfRange && row.column == "Дата создания")
        }
    }

    @Test func statusIsMappedAndConstantsFillMissingFields() throws {
        let feed = try #require(configuration.feed(named: "hotline-122-csv"))
        let header = ["Номер звонка", "Дата звонка", "Субъект РФ", "Краткое содержание", "Результат"]
        let mapper = try RowMapper(
            feed: feed,
            regions: configuration.regions,
            header: header,
            location: SourceLocation(path: "x")
        )
        let result = mapper.map(
            [
                .text("7"), .text("05.04.2026 10:20"), .text("Камчатский край"), .text("Заявитель сообщает…"),
                .text("Консультация оказана"),
            ],
            line: 2,
            raw: []
        )
        let record = try result.get()
        #expect(record.region == "41" && record.status == .answered && record.channel == "122")
    }
}
