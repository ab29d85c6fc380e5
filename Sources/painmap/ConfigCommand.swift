import ArgumentParser
import Foundation
import PainmapCore
import PainmapPipeline

/// `painmap config`: configuration tools.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Работа с конфигурацией.",
        subcommands: [Check.self]
    )

    /// `painmap config check`: validates every configuration file.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Проверить Config/*.yaml и сообщить обо всех ошибках с номерами строк.",
            discussion: "Пример: painmap config check --config Config"
        )

        @Option(name: .long, help: "Каталог конфигурации (по умолчанию Config).")
        var config: String = "Config"

        func run() async throws {
            try await runMapped {
                let configuration = try ConfigurationLoader().load(
                    directory: URL(fileURLWithPath: config, isDirectory: true)
                )
                let files = FeedResolver(configuration: configuration).configuredFiles()
                print(
                    "конфигурация в порядке: макетов \(configuration.feeds.count), регионов \(configuration.regions.regions.count), анкет \(configuration.questionnaires.count), форм МКГУ \(configuration.ratingForms.count)"
                )
                for feed in configuration.feeds {
                    let count = files.filter { $0.feed.name == feed.name }.count
                    print("  \(feed.name) (\(feed.kind.rawValue), \(feed.format.rawValue)): файлов по paths — \(count)")
                }
            }
        }
    }
}
