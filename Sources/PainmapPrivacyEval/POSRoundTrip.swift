import Foundation
public import Logging
public import PainmapCore
import PainmapPipeline
import PainmapSQLite

/// Feeds messages through the production path — a ПОС CSV export, the ПОС adapter, ingest-time redaction and the
/// SQLite store — and reads the stored (redacted) texts back, so that an evaluation measures what a run stores.
public struct POSRoundTrip: Sendable {
    private let configuration: PainmapConfiguration
    private let logger: Logger

    /// Creates the round trip over the project's configuration (feeds, regions, privacy).
    public init(configuration: PainmapConfiguration, logger: Logger = Logger(label: "painmap.pii-eval")) {
        self.configuration = configuration
        self.logger = logger
    }

    /// The stored text of each of `texts`, in order (`nil` when the store holds no record for it).
    ///
    /// Writes one ПОС CSV (UTF-8, the feed's columns, `Номер сообщения` = the index) into a temporary directory,
    /// ingests it into a new store there, and removes the directory afterwards.
    /// - Throws: What writing the file or ingesting it throws.
    public func storedTexts(_ texts: [String]) async throws -> [String?] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "painmap-pii-eval-\(UUID().uuidString)"
        )
        let feedDirectory = directory.appendingPathComponent("export/pos")
        try FileManager.default.createDirectory(at: feedDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = feedDirectory.appendingPathComponent("pii_eval.csv")
        try Data(POSRoundTrip.csv(texts).utf8).write(to: file)
        let store = try SQLiteFeedbackStore(url: directory.appendingPathComponent("store.sqlite"))
        let resolutions = try FeedResolver(configuration: configuration).resolve(paths: [file.path], source: .pos)
        _ = try await IngestJob(configuration: configuration, store: store, logger: logger).run(resolutions)
        var byID: [String: String] = [:]
        for record in try await store.records(region: nil, quarter: nil) {
            if let id = record.sourceRecordID { byID[id] = record.text }
        }
        return texts.indices.map { byID[POSRoundTrip.recordID($0)] }
    }

    static func recordID(_ index: Int) -> String { "9\(100_000 + index)" }

    /// A ПОС export of `texts`: the header of `Config/feeds.yaml`'s `pos-csv` feed, one row per text, received on
    /// successive minutes of 1 April 2026 in Камчатский край (ОКАТО 30).
    static func csv(_ texts: [String]) -> String {
        let header = [
            "Номер сообщения", "Дата создания", "Дата ответа", "Срок ответа", "Код региона",
            "Муниципальное образование", "ОКТМО", "Категория", "Подкатегория", "Текст сообщения", "Текст ответа",
            "Статус", "Ответственная организация", "Канал поступления", "59-ФЗ",
        ]
        var lines = [header.joined(separator: ";")]
        for (index, text) in texts.enumerated() {
            let minute = index % 60
            let hour = 8 + (index / 60) % 12
            let day = 1 + index / 720
            let date = String(format: "%02d.04.2026 %02d:%02d", day, hour, minute)
            let fields = [
                recordID(index), date, "", "", "30", "Петропавловск-Камчатский городской округ", "30701000",
                "Социальное обслуживание", "Пособия", CSVField.text(text, rule: Self.textRule), "", "Принято", "",
                "epgu_form", "Нет",
            ]
            lines.append(fields.joined(separator: ";"))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The message text is always quoted, as the ПОС export quotes it.
    private static let textRule = CSVField.Rule(delimiter: UInt8(ascii: ";"), quotesAll: true)
}
