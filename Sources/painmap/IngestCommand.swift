import ArgumentParser
import Foundation
import PainmapCore
import PainmapPipeline

/// `painmap ingest`: reads export files into the store.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Загрузить выгрузки (файлы или каталоги) в хранилище.",
        discussion: """
            Макет каждого файла берётся из Config/feeds.yaml по paths; --source задаёт источник явно.
            Уже загруженные файлы (по SHA-256) пропускаются; каждая строка сохраняется, \
            попадает в карантин с причиной или учитывается как дубль.
            Пример: painmap ingest SampleFeeds
                    painmap ingest --source hotline выгрузки/122_октябрь.csv
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Источник: pos, site, hotline, portal, survey.")
    var source: SourceKind?

    @Flag(name: .long, help: "Если хранилище занято другим запуском, ждать его окончания (иначе выход с кодом 75).")
    var wait = false

    @Argument(help: "Файлы или каталоги.")
    var paths: [String]

    func run() async throws {
        try await runMapped {
            let logger = global.makeLogger()
            let configuration = try ConfigurationLoader().load(directory: global.configURL)
            let report = try await global.storeLocation.withStore(exclusive: true, wait: wait) { store in
                let resolutions = try FeedResolver(configuration: configuration).resolve(paths: paths, source: source)
                let progress = ProgressBar(label: "файлов")
                let report = try await IngestJob(configuration: configuration, store: store, logger: logger)
                    .run(resolutions) { done, total in progress.update(done, total) }
                progress.finish()
                return report
            }
            print(report.table, terminator: "")
            if report.hasFailures {
                throw CommandFailure(
                    "часть файлов не загружена (см. выше); исправьте их или конфигурацию и повторите — загруженное сохранено",
                    status: .dataError
                )
            }
        }
    }
}

extension SourceKind: ExpressibleByArgument {}
extension QuarantineReason: ExpressibleByArgument {}
