import Foundation
import Logging
import PainmapCore
import PainmapSQLite
import PainmapTestSupport
import Testing

@testable import PainmapPipeline
@testable import PainmapReports

/// The quarter overview's zero-leak gate checks the identifiers recorded in every region (the overview quotes every
/// region's pains): each recorded one is found with its record, a pattern nobody recorded too, each once.
@Suite struct OverviewGateTests {
    @Test func everyRegionsIdentifiersAreCheckedAndEachFindingIsReportedOnce() async throws {
        // ОКАТО 50 is region 54, ОКАТО 46 is region 50: one recorded phone in each.
        var csv = "Номер сообщения;Дата создания;Код региона;Категория;Текст сообщения\n"
        csv += "920001;10.08.2026 10:00;50;Образование;Очередь в детский сад не движется, перезвоните 8 913 555-12-34\n"
        csv += "920002;11.08.2026 10:00;46;Образование;Место в садике так и не дали, мой номер 8 916 777-22-11\n"
        csv += "920003;12.08.2026 10:00;46;Образование;Очередь в детский сад стоит на месте второй год\n"
        let folder = try FeedFolderFixture(label: "overview-gate", csv: csv, fileName: "overview_2026q3.csv")
        let (root, configuration, store) = (folder.root, folder.configuration, folder.store)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let files = FeedResolver(configuration: configuration).configuredFiles().map {
            FeedResolver.Resolution.feed($0)
        }
        _ = try await IngestJob(configuration: configuration, store: store, logger: logger).run(files)
        let recorded54 = try await store.redactedIdentifiers(region: "54", quarter: nil)
        let recorded50 = try await store.redactedIdentifiers(region: "50", quarter: nil)
        #expect(recorded54.contains { $0.type == .phone } && recorded50.contains { $0.type == .phone })

        let out = root.appendingPathComponent("out")
        let page = ReportTreeWriter.PendingFile(
            url: out.appendingPathComponent("2026Q3/index.html"),
            data: Data(
                """
                <html><body><p>Боль: перезвоните 8 913 555-12-34</p><p>И ещё 8 916 777-22-11, и 8 916 777-22-11</p>
                <p>Пишите ivan.petrov@example.ru</p></body></html>
                """.utf8
            ),
            lifeSituation: nil
        )
        let job = RunJob(configuration: configuration, store: store, logger: logger)
        let findings = try await job.leaks(inOverview: [page], relativeTo: out)

        let phones = findings.filter { $0.type == .phone }
        #expect(phones.count == 2, "\(findings)")
        #expect(
            Set(phones.compactMap(\.recordID))
                == Set((recorded54 + recorded50).filter { $0.type == .phone }.map(\.recordID))
        )
        #expect(findings.filter { $0.type == .email }.count == 1)
        #expect(findings.filter { $0.type == .email }.allSatisfy { $0.recordID == nil })
        #expect(Set(findings.map { [$0.file, $0.type.rawValue, $0.masked] }).count == findings.count)
        #expect(findings.allSatisfy { $0.file == "2026Q3/index.html" })
    }
}
