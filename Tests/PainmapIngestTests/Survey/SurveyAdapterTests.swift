import Foundation
import PainmapCore
import PainmapPipeline
import PainmapTestSupport
import Testing

@testable import PainmapIngest

@Suite struct SurveyAdapterTests {
    let configuration: PainmapConfiguration

    init() throws {
        configuration = try ConfigurationLoader().load(directory: RepositoryRoot.url.appendingPathComponent("Config"))
    }

    let header =
        "Анкета №;Дата опроса;Регион;Муниципалитет;Жизненная ситуация;Услуга;Офис МФЦ;Удобство записи (1-5);Понятность информации (1-5);Комфорт в офисе (1-5);Вежливость сотрудников (1-5);Сроки получения результата (1-5);Что вызвало трудности?;Ваши предложения"

    @Test func likertAnswersBecomeScoresAndFreeTextBecomesText() throws {
        let csv =
            header + "\n"
            + "A1;05.04.2026;54;Бердск;Оформление в детский сад;Запись в ДОУ;МФЦ Бердск;2;5;;4;1;Долго ждали ответа;Сделайте онлайн-запись\n"
            + "A2;06.04.2026;54;Бердск;Поиск работы;;;5;5;5;5;5;;\n"
            + "A3;07.04.2026;54;Бердск;Поиск работы;;;7;5;5;5;5;;\n"
        let directory = try TemporaryDirectory()
        let url = try directory.write("survey.csv", text: csv)
        let feed = try #require(configuration.feed(named: "survey-csv"))
        let sink = try CollectedRows(
            SurveyAdapter(regions: configuration.regions, questionnaires: configuration.questionnaires),
            FeedFile(url: url, displayPath: "survey.csv", feed: feed)
        )
        #expect(sink.records.count == 2)
        let first = sink.records[0]
        #expect(first.ratings.map(\.criterion) == [.queue, .information, .politeness, .time])
        #expect(first.ratings.map(\.score) == [2, 5, 4, 1])
        #expect(first.text == "Долго ждали ответа\nСделайте онлайн-запись")
        #expect(first.lifeSituationHint == "Оформление в детский сад")
        #expect(sink.records[1].text.isEmpty)  // no free text: stored for its scores
        #expect(sink.quarantined.map(\.reason) == [.badScore])
        #expect(sink.quarantined.first?.column == "Удобство записи (1-5)")
    }

    @Test func missingQuestionnaireColumnRejectsTheFile() throws {
        let csv = "Анкета №;Дата опроса;Регион\nA1;05.04.2026;54\n"
        let directory = try TemporaryDirectory()
        let url = try directory.write("survey.csv", text: csv)
        let feed = try #require(configuration.feed(named: "survey-csv"))
        #expect {
            _ = try CollectedRows(
                SurveyAdapter(regions: configuration.regions, questionnaires: configuration.questionnaires),
                FeedFile(url: url, displayPath: "survey.csv", feed: feed)
            )
        } throws: { error in
            (error as? LocatedFailure)?.code == .ingest(.missingColumns)
                && (error as? LocatedFailure)?.message.contains("Удобство записи") == true
        }
    }
}
