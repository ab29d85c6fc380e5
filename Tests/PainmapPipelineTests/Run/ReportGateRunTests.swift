import Foundation
import Logging
import PainmapCore
import PainmapReports
import PainmapSQLite
import PainmapTestSupport
import Testing

@testable import PainmapPipeline

/// The zero-leak gate in a run: a canary that slips past the redactor stops the region's reports from being written.
@Suite struct ReportGateRunTests {
    @Test func aCanaryInTheOrganisationFieldStopsTheRegionAndNamesTheRecord() async throws {
        // Twelve kindergarten complaints; the export's «Ответственная организация» carries a private phone, and one
        // message also names it in its text (redacted there, so recorded: the gate can then name that record).
        var csv = "Номер сообщения;Дата создания;Код региона;Категория;Текст сообщения;Ответственная организация\n"
        for number in 1...12 {
            let text =
                number == 1
                ? "Очередь в детский сад не движется второй год, перезвоните мне 8 913 555-12-34"
                : "Очередь в детский сад не движется уже \(number) месяцев, номер в очереди не меняется"
            csv +=
                "90000\(number);1\(number % 9).08.2026 10:00;50;Образование;\(text);Детсад № 5, заведующая, тел. 8 913 555-12-34\n"
        }
        let folder = try FeedFolderFixture(label: "gate", csv: csv, fileName: "canary_54_2026q3.csv")
        let (configuration, store) = (folder.configuration, folder.store)
        let out = folder.root.appendingPathComponent("out")
        let job = RunJob(
            configuration: configuration,
            store: store,
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        )
        let report = try await job.run(RunJob.Options(quarter: try #require(Quarter("2026Q3")), outputDirectory: out))

        #expect(report.refusedRegions == ["54"])
        #expect(!report.leaks.isEmpty)
        #expect(
            report.leaks.contains { $0.type == .phone && $0.recordID != nil },
            "the recorded phone names its record"
        )
        #expect(
            report.leaks.allSatisfy {
                $0.file.hasPrefix("2026Q3/54/") || $0.file == "2026Q3/index.html" || $0.file == "2026Q3/index.json"
            }
        )
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("2026Q3/54/kindergarten.html").path))
        let message = PersonalDataLeak(findings: report.leaks).description
        #expect(
            message.contains("2026Q3/54/") && message.contains("телефон") && !message.contains("555-12-34")
                && !message.contains("5551234")
        )
        #expect(PersonalDataLeak(findings: report.leaks).exitStatus == .dataError)
    }

    /// A full name is compared as the recorded word sequence (one word alone could be a street or a common word), and
    /// such a sequence still stops the region: here an export whose «Ответственная организация» names a person
    /// (a field that is not redacted) whom one message also names in its text (redacted there, so recorded).
    ///
    /// The
    /// surname alone, as a street in other messages («на ул. Иванова»), must not stop anything by itself — the second
    /// run, without the person in the organisation field, writes the region.
    @Test(arguments: [true, false])
    func aRecordedMultiWordNameInAFieldThatIsNotRedactedStopsTheRegion(_ named: Bool) async throws {
        var csv = "Номер сообщения;Дата создания;Код региона;Категория;Текст сообщения;Ответственная организация\n"
        let organisation =
            named
            ? "ИП Иванова Анна Геннадьевна, кружок робототехники" : "Дом детского творчества, кружок робототехники"
        for number in 1...12 {
            let text =
                number == 1
                ? "Кружков всего два и оба забиты, дети болтаются на улице Иванова Анна Геннадьевна"
                : "Кружков всего два и оба забиты, дети после уроков болтаются на ул. Иванова уже \(number) месяцев"
            csv += "91000\(number);1\(number % 9).08.2026 10:00;50;Образование;\(text);\(organisation)\n"
        }
        let folder = try FeedFolderFixture(label: "gate", csv: csv, fileName: "canary_54_2026q3.csv")
        let (configuration, store) = (folder.configuration, folder.store)
        let out = folder.root.appendingPathComponent("out")
        let job = RunJob(
            configuration: configuration,
            store: store,
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        )
        let report = try await job.run(RunJob.Options(quarter: try #require(Quarter("2026Q3")), outputDirectory: out))

        let identifiers = try await store.redactedIdentifiers(region: "54", quarter: nil)
        #expect(
            identifiers.contains { $0.type == .fullName && $0.normalized == "иванова анна геннадьевна" },
            "the signature after «на улице» is redacted"
        )
        if named {
            #expect(report.refusedRegions == ["54"])
            #expect(report.leaks.contains { $0.type == .fullName && $0.recordID != nil })
            #expect(!PersonalDataLeak(findings: report.leaks).description.contains("Иванова"))
        } else {
            #expect(report.refusedRegions.isEmpty, "\(report.leaks)")
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("2026Q3/54/index.html").path))
        }
    }
}
