import Foundation
import PainmapCore
import PainmapPipeline
import PainmapTestSupport
import Testing

@testable import PainmapIngest

/// One agency-site export per producer family, made with the producer itself by
/// `scripts/fixtures/make-producer-fixtures.py` (Tests/Fixtures/exports/producers): every file holds the same three
/// appeals, so every producer must give the same records.
@Suite struct ProducerFixtureTests {
    let configuration: PainmapConfiguration

    init() throws {
        configuration = try ConfigurationLoader().load(directory: RepositoryRoot.url.appendingPathComponent("Config"))
    }

    static let directory = RepositoryRoot.url.appendingPathComponent("Tests/Fixtures/exports/producers")

    func read(_ name: String, feed: FeedConfiguration) throws -> (CollectedRows, FileReadSummary) {
        let file = FeedFile(url: Self.directory.appendingPathComponent(name), displayPath: name, feed: feed)
        let rows = try CollectedRows(
            SiteAdapter(regions: configuration.regions, now: Date(timeIntervalSince1970: 1_800_000_000)),
            file
        )
        return (rows, rows.summary)
    }

    func feed(_ name: String, _ change: (inout FeedConfiguration) -> Void = { _ in }) throws -> FeedConfiguration {
        var feed = try #require(configuration.feed(named: name))
        change(&feed)
        return feed
    }

    /// 15.07.2026 10:20, 16.07.2026 09:05 and 31.07.2026 23:59 in Novosibirsk (UTC+7).
    static let received = [1_784_085_600.0, 1_784_167_500.0, 1_785_517_140.0].map(Date.init(timeIntervalSince1970:))

    func expectTheThreeAppeals(_ sink: CollectedRows, _ name: String) {
        #expect(sink.quarantined.isEmpty, "\(name): \(sink.quarantined.map(\.message))")
        #expect(sink.records.map(\.sourceRecordID) == ["САЙТ-1", "САЙТ-2", "САЙТ-3"], "\(name)")
        #expect(sink.records.map(\.receivedAt) == Self.received, "\(name)")
        #expect(sink.records.allSatisfy { $0.region == "54" }, "\(name)")
        #expect(
            sink.records.first?.text
                == "Третий месяц не можем получить направление в детский сад, очередь не движется",
            "\(name)"
        )
        let second = sink.records.dropFirst().first?.text
        if name == "pandas_to_excel.xlsx" {
            // pandas (through openpyxl) writes a string that starts with «=» as a formula, `<f>В личном…</f><v>0</v>`:
            // Excel shows #NAME?, and the cell's only value is the cached 0 (README, «Real exports»).
            #expect(second == "0")
        } else {
            // A leading «=» in a text cell is text: it arrives as written.
            #expect(second?.hasPrefix("=В личном кабинете") == true, "\(name)")
        }
        #expect(sink.records.map(\.status) == [.open, .open, .answered], "\(name)")
    }

    @Test(arguments: [
        "openpyxl_title_row.xlsx", "openpyxl_summary_sheet_first.xlsx", "xlsxwriter_rich_formula.xlsx",
        "xlsxwriter_1904.xlsx", "pandas_to_excel.xlsx", "libreoffice_ru-RU.xlsx", "libreoffice_en-US.xlsx",
    ])
    func everyWorkbookProducerGivesTheSameRecords(_ name: String) throws {
        let (sink, summary) = try read(name, feed: feed("site-xlsx"))
        expectTheThreeAppeals(sink, name)
        #expect(summary.encoding == "xlsx")
    }

    @Test(arguments: [
        ("pandas_utf8_bom.csv", "utf-8-bom", "dd.MM.yyyy HH:mm"),
        ("pandas_cp1251.csv", "cp1251", "dd.MM.yyyy HH:mm"),
        ("libreoffice_cp1251.csv", "cp1251", "dd.MM.yy HH:mm"),
    ])
    func everyCSVProducerGivesTheSameRecords(_ name: String, encoding: String, dateFormat: String) throws {
        let feed = try feed("site-csv") {
            $0.delimiter = UInt8(ascii: ";")
            $0.dateFormats = [dateFormat]
        }
        let (sink, summary) = try read(name, feed: feed)
        expectTheThreeAppeals(sink, name)
        #expect(summary.encoding == encoding)
    }

    @Test func theHeaderIsFoundBelowATitleAndABlankRow() throws {
        let (sink, _) = try read("openpyxl_title_row.xlsx", feed: feed("site-xlsx"))
        // Rows 1 (title) and 2 (blank) are not data; the data rows keep their sheet row numbers.
        #expect(sink.lines == [4, 5, 6])
    }

    @Test func aLayoutMayNameTheSheet() throws {
        let (sink, _) = try read("openpyxl_summary_sheet_first.xlsx", feed: feed("site-xlsx") { $0.sheet = "данные" })
        expectTheThreeAppeals(sink, "sheet: данные")
    }

    @Test func aNamedSheetThatDoesNotExistListsTheSheets() throws {
        let error = try #require(throws: LocatedFailure.self) {
            try read("openpyxl_summary_sheet_first.xlsx", feed: feed("site-xlsx") { $0.sheet = "Обращения" })
        }
        #expect(error.code == .ingest(.missingColumns))
        #expect(error.message.contains("«Лист1», «Служебный», «Сводка», «Данные»"))
    }

    @Test func whenNoSheetMatchesTheMessageListsTheSheetsAndTheirFirstRows() throws {
        let feed = try feed("site-xlsx") { $0.columns[.text] = ColumnSpec(column: "Текст обращения") }
        let error = try #require(throws: LocatedFailure.self) {
            try read("openpyxl_summary_sheet_first.xlsx", feed: feed)
        }
        #expect(error.code == .ingest(.missingColumns))
        #expect(error.message.contains("«Лист1» — пуст"))
        #expect(error.message.contains("«Сводка» — строка 1: «Тематика», «Количество»"))
        #expect(error.message.contains("«Данные» — строка 1: «Рег. номер», «Дата регистрации»"))
        #expect(error.message.contains("«Служебный» (скрытый) — строка 1: «код», «значение»"))
        #expect(error.message.contains("«Текст обращения»"))
        #expect(!error.message.contains("разделител"))
        #expect(!error.message.contains("файл пуст"))
    }

    @Test func aWorkbookWithAnEmptyFirstSheetOnlyIsNotCalledAnEmptyFile() throws {
        let feed = try feed("site-xlsx") { $0.sheet = "Лист1" }
        let error = try #require(throws: LocatedFailure.self) {
            try read("openpyxl_summary_sheet_first.xlsx", feed: feed)
        }
        #expect(error.code == .ingest(.emptyFile))
        #expect(error.message.contains("лист «Лист1» без данных"))
        #expect(!error.message.contains("файл пуст") && !error.message.contains("разделител"))
    }
}
