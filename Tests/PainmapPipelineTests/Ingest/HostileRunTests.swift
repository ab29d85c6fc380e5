import Foundation
import Logging
import PainmapCore
import PainmapPipeline
import PainmapSQLite
import PainmapSamples
import PainmapTestSupport
import Testing

private let root = RepositoryRoot.url

/// Every hostile fixture — the committed ones in SampleFeeds/hostile and the large ones `LargeHostileFiles` writes —
/// goes through one ingest run into one store, each followed by a small good file.
///
/// Each hostile file must end with
/// its expected outcome and reason codes, and each good file after it must still be stored: a hostile file never
/// stops the run. Time and memory are not measured here (see `scripts/bench-hostile`); a file that made the reader
/// hang or exhaust memory would never reach its assertion.
@Suite struct HostileRunTests {
    @Test func everyHostileFileEndsWithItsReasonAndTheRunGoesOn() async throws {
        let directory = TemporaryDirectory.url("hostile-run")
        defer { try? FileManager.default.removeItem(at: directory) }
        let largeURLs = try LargeHostileFiles.write(to: directory.appendingPathComponent("large"))
        let committed = HostileFilesTests.expectations.map {
            ($0, root.appendingPathComponent("SampleFeeds/hostile/\($0.file)").path)
        }
        let large = zip(HostileFilesTests.large, largeURLs).map { ($0, $1.path) }
        let hostile = committed + large
        #expect(hostile.count >= 50)

        let configuration = try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
        let store = try SQLiteFeedbackStore(url: directory.appendingPathComponent("s.sqlite"))
        let resolver = FeedResolver(configuration: configuration)
        var resolutions: [FeedResolver.Resolution] = []
        var goodPaths: [String] = []
        for (index, (expected, path)) in hostile.enumerated() {
            resolutions += try resolver.resolve(paths: [path], source: expected.source)
            // A one-row ПОС export with its own id, so no two good files share a digest.
            let good = directory.appendingPathComponent("good/pos_good_\(index).csv")
            try FileManager.default.createDirectory(
                at: good.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(goodFile(id: 390_000_000 + index).utf8).write(to: good)
            resolutions += try resolver.resolve(paths: [good.path], source: .pos)
            goodPaths.append(good.path)
        }
        let report = try await IngestJob(configuration: configuration, store: store, logger: Logger(label: "test")).run(
            resolutions
        )
        try #require(report.files.count == hostile.count * 2)
        let quarantined = try await store.quarantinedRows(reason: nil)

        for (index, (expected, path)) in hostile.enumerated() {
            let file = report.files[index * 2]
            #expect(file.path == path)
            switch file.outcome {
            case .rejected(let error):
                #expect(error.code.ingestReason == expected.rejected, "\(expected.file): rejected as \(error.code)")
            case .ingested(let accounting, _):
                #expect(
                    expected.rejected == nil,
                    "\(expected.file): ingested, expected rejection \(String(describing: expected.rejected))"
                )
                #expect(accounting.isBalanced, "\(expected.file)")
                #expect(accounting.stored == expected.stored, "\(expected.file): stored \(accounting.stored)")
                let reasons = quarantined.filter { $0.file == path }.map(\.reason)
                #expect(reasons == expected.rows, "\(expected.file): quarantined \(reasons)")
            default:
                Issue.record("\(expected.file): unexpected outcome \(file.outcome)")
            }
            let good = report.files[index * 2 + 1]
            #expect(good.path == goodPaths[index])
            guard case .ingested(let accounting, _) = good.outcome, accounting.stored == 1 else {
                Issue.record("the good file after \(expected.file) was not stored: \(good.outcome)")
                continue
            }
        }
        #expect(try store.integrityCheck() == "ok")
    }

    private func goodFile(id: Int) -> String {
        let header = [
            "Номер сообщения", "Дата создания", "Дата ответа", "Срок ответа", "Код региона",
            "Муниципальное образование", "ОКТМО",
            "Категория", "Подкатегория", "Текст сообщения", "Текст ответа", "Статус", "Ответственная организация",
            "Канал поступления", "59-ФЗ", "ФИО заявителя", "Телефон заявителя", "Электронная почта заявителя",
        ]
        let row = [
            "\(id)", "14.04.2026 10:20", "", "24.04.2026 10:20", "50", "Новосибирск", "50701000", "Образование",
            "Очереди в детские сады", "Очередь в детский сад не двигается", "", "Принято",
            "Министерство образования Новосибирской области",
            "epgu_form", "нет", "", "", "",
        ]
        return header.joined(separator: ";") + "\r\n" + row.joined(separator: ";") + "\r\n"
    }
}
