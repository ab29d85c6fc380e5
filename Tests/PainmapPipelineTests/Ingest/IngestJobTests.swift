import Foundation
import Logging
import PainmapCore
import PainmapPipeline
import PainmapSQLite
import PainmapTestSupport
import Testing

private let root = RepositoryRoot.url

private func temporaryStore() throws -> SQLiteFeedbackStore {
    let directory = TemporaryDirectory.url("pipeline")
    return try SQLiteFeedbackStore(url: directory.appendingPathComponent("s.sqlite"))
}

private func loadConfiguration() throws -> PainmapConfiguration {
    try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
}

private func ingest(_ paths: [String], source: SourceKind? = nil, into store: SQLiteFeedbackStore) async throws
    -> IngestReport
{
    let configuration = try loadConfiguration()
    let resolutions = try FeedResolver(configuration: configuration).resolve(paths: paths, source: source)
    return try await IngestJob(configuration: configuration, store: store, logger: Logger(label: "test")).run(
        resolutions
    )
}

@Suite struct IngestJobTests {
    @Test func sampleFeedsFillAllFiveSourcesTwoRegionsTwoQuarters() async throws {
        let store = try temporaryStore()
        let report = try await ingest([root.appendingPathComponent("SampleFeeds").path], into: store)
        let unmatched = report.files.filter { if case .unmatched = $0.outcome { return true } else { return false } }
            .map(\.path)
        // Every sample export has a layout; only hostile/ fixtures and the generator's manifest are left out.
        #expect(unmatched.allSatisfy { $0.contains("/hostile/") || $0.hasSuffix("manifest.json") }, "\(unmatched)")
        #expect(!report.hasFailures)
        let status = try await store.status()
        for kind in SourceKind.allCases {
            #expect((status.bySource[kind]?.stored ?? 0) > 0, "\(kind) has records")
        }
        #expect(Set(status.records.map(\.region)) == ["41", "54"])
        #expect(Set(status.records.map(\.quarter.description)) == ["2026Q2", "2026Q3"])
        for file in try await store.ingestedFiles() where file.outcome == .done {
            #expect(file.accounting.isBalanced, "\(file.path)")
        }
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func reingestingTheSameFilesAddsNothing() async throws {
        let store = try temporaryStore()
        let path = root.appendingPathComponent("SampleFeeds").path
        _ = try await ingest([path], into: store)
        let before = try await store.status()
        let again = try await ingest([path], into: store)
        #expect(again.totals == FileAccounting())
        #expect(try await store.status() == before)
    }

    @Test func aFileIsHashedBesideItsReadingAndACopyUnderAnotherNameAddsNothing() async throws {
        let directory = TemporaryDirectory.url("copy")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let bytes = Array(
            "Номер сообщения;Дата создания;Код региона;Текст сообщения\n1;05.04.2026 10:20;50;ok\n2;не дата;50;x\n".utf8
        )
        let original = directory.appendingPathComponent("a.csv")
        try Data(bytes).write(to: original)
        let store = try temporaryStore()
        let first = try await ingest([original.path], source: .pos, into: store)
        #expect(first.totals == FileAccounting(read: 2, stored: 1, quarantined: 1))
        #expect(try await store.ingestedFiles().map(\.digest) == [SHA256.hex(of: bytes)])
        let before = try await store.status()
        // The same bytes under another name: read and hashed, then rolled back by the store.
        let copy = directory.appendingPathComponent("b.csv")
        try Data(bytes).write(to: copy)
        let again = try await ingest([copy.path], source: .pos, into: store)
        #expect(again.totals == FileAccounting())
        #expect(again.files.map(\.path) == [copy.path])
        if case .skipped = again.files.first?.outcome {} else { Issue.record("not skipped: \(again.files)") }
        #expect(try await store.status() == before)
        #expect(try await store.ingestedFiles().map(\.path) == [original.path])
        // The same path again: hashed first and skipped unread.
        let third = try await ingest([original.path], source: .pos, into: store)
        if case .skipped = third.files.first?.outcome {} else { Issue.record("not skipped: \(third.files)") }
        #expect(try await store.status() == before)
    }

    @Test func utf8BomAndCP1251CopiesStoreIdenticalText() async throws {
        let rows =
            [
                "Номер сообщения;Дата создания;Код региона;Текст сообщения;Статус",
                "1;05.04.2026 10:20;50;\"Ёлочка, «детсад» № 5 — очередь; и \"\"всё\"\"\";Принято",
                "2;06.04.2026 11:00;30;\"Не работает запись\nв МФЦ\";Дан ответ",
            ].joined(separator: "\r\n") + "\r\n"
        let directory = TemporaryDirectory.url("enc")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let variants: [(String, [UInt8])] = [
            ("utf8.csv", Array(rows.utf8)),
            ("bom.csv", [0xEF, 0xBB, 0xBF] + Array(rows.utf8)),
            ("cp1251.csv", [UInt8](try #require(rows.data(using: .windowsCP1251)))),
        ]
        var texts: [[String]] = []
        var encodings: [String] = []
        for (name, bytes) in variants {
            let url = directory.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            let store = try temporaryStore()
            _ = try await ingest([url.path], source: .pos, into: store)
            texts.append(try await store.records(region: nil, quarter: nil).map(\.text))
            encodings.append(try await store.ingestedFiles().first?.encoding ?? "")
        }
        #expect(texts[0].count == 2)
        #expect(texts[0] == texts[1] && texts[1] == texts[2])
        #expect(texts[0].contains("Ёлочка, «детсад» № 5 — очередь; и \"всё\""))
        #expect(!texts.joined().joined().contains("\u{FFFD}"))
        #expect(encodings == ["utf-8", "utf-8-bom", "cp1251"])
    }

    @Test func realRatesMessagesStoreTheirValidFormsThroughTheStore() async throws {
        let fixtures = root.appendingPathComponent("Tests/Fixtures/exports")
        let store = try temporaryStore()
        let report = try await ingest(
            ["mkgu_queue_signed_v002.xml", "smev3_rates_request.xml"].map { fixtures.appendingPathComponent($0).path },
            source: .portal,
            into: store
        )
        #expect(!report.hasFailures)
        let files = try await store.ingestedFiles().sorted { $0.path < $1.path }
        #expect(files.map(\.encoding) == ["utf-8+xmldsig", "utf-8"])
        #expect(
            files.map(\.accounting) == [
                FileAccounting(read: 4, stored: 2, quarantined: 2), FileAccounting(read: 3, stored: 2, quarantined: 1),
            ]
        )
        let reasons = try await store.quarantinedRows(reason: nil).map(\.reason)
        #expect(reasons.sorted { $0.rawValue < $1.rawValue } == [.badDate, .badIdentifier, .badIdentifier])
        #expect(try await store.records(region: "54", quarter: nil).count == 4)
    }

    @Test func aBadFileIsRejectedAndTheRunGoesOn() async throws {
        let directory = TemporaryDirectory.url("bad")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("Номер;Текст\n1;x\n".utf8).write(to: directory.appendingPathComponent("a_missing.csv"))
        try Data("Номер сообщения;Дата создания;Код региона;Текст сообщения\n1;05.04.2026 10:20;50;ok\n".utf8)
            .write(to: directory.appendingPathComponent("b_good.csv"))
        let store = try temporaryStore()
        let report = try await ingest([directory.path], source: .pos, into: store)
        #expect(report.hasFailures)
        #expect(report.totals.stored == 1)
        let rejected = try await store.quarantinedRows(reason: .missingColumns)
        #expect(rejected.count == 1 && rejected[0].file.hasSuffix("a_missing.csv") && rejected[0].line == 0)
    }
}
