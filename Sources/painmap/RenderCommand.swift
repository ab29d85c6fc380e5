import ArgumentParser
import Foundation
import PainmapCore
import PainmapPipeline

/// `painmap render`: re-renders a region's reports with the current decisions, without clustering again.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Перерисовать отчёты региона с текущими решениями аналитиков, не пересчитывая боли.",
        discussion: "Пример: painmap render --quarter 2026Q3 --region 54 --out out/demo/reports"
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Квартал, например 2026Q3.")
    var quarter: String

    @Option(name: .long, help: "Регион (2 цифры); можно несколько раз.")
    var region: [String]

    @Option(name: .long, help: "Каталог отчётов (тот же, что у painmap run; по умолчанию out/reports).")
    var out: String = "out/reports"

    @Flag(name: .long, help: "Если хранилище занято другим запуском, ждать его окончания (иначе выход с кодом 75).")
    var wait = false

    func validate() throws {
        guard Quarter(quarter) != nil else {
            throw ValidationError("квартал «\(quarter)» не распознан; пишите так: 2026Q3")
        }
        guard !region.isEmpty else { throw ValidationError("укажите --region") }
    }

    func run() async throws {
        try await runMapped {
            guard let parsed = Quarter(quarter) else {
                throw LocatedFailure(.usage, message: "квартал не распознан", status: .usage)
            }
            try global.requireExistingStore()
            let configuration = try ConfigurationLoader().load(directory: global.configURL)
            let written = try await global.storeLocation.withStore(exclusive: true, wait: wait) { store in
                try await RenderJob(
                    store: store,
                    logger: global.makeLogger(),
                    privacy: configuration.privacy
                ).run(
                    quarter: parsed,
                    regions: region,
                    outputDirectory: URL(fileURLWithPath: out, isDirectory: true).standardizedFileURL
                )
            }
            for code in region {
                print("\(code): перерисовано файлов: \(written[code]?.count ?? 0)")
            }
        }
    }
}
