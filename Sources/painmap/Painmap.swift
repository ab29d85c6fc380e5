import ArgumentParser
import Foundation
import Logging
import PainmapCore
import PainmapPipeline

/// The `painmap` command: turns citizens' feedback exports into quarterly pain maps.
@main
struct Painmap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "painmap",
        abstract: "Карта болей: загрузка обратной связи граждан, анализ и отчёты по жизненным ситуациям.",
        discussion: """
            Пример: painmap ingest SampleFeeds && painmap status
            Коды выхода: 0 готово, 64 неверный вызов, 65 данные непригодны, 66 нет входа, \
            70 внутренняя ошибка, 74 ошибка ввода-вывода, 75 хранилище занято, 78 ошибка конфигурации.
            """,
        subcommands: [
            IngestCommand.self, StatusCommand.self, QuarantineCommand.self, ConfigCommand.self, SamplesCommand.self,
            ClusterCommand.self, ClassifyCommand.self, RunCommand.self, PiiEvalCommand.self, PurgeCommand.self,
            LinksCommand.self,
            ReviewCommand.self, RenderCommand.self,
        ] + workspaceCommands
    )

    /// `serve` and `users`, in a build with the Workspace trait.
    static var workspaceCommands: [any ParsableCommand.Type] {
        #if Workspace
            [ServeCommand.self, UsersCommand.self]
        #else
            []
        #endif
    }
}

/// Options every command that touches the store or config shares.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Хранилище: путь к файлу SQLite или postgres://пользователь@хост:порт/база (по умолчанию $PAINMAP_STORE или data/painmap.sqlite)."
    )
    var store: String?

    @Option(name: .long, help: "Каталог конфигурации (по умолчанию Config).")
    var config: String = "Config"

    @Flag(name: .long, help: "Подробный журнал (на английском) в stderr.")
    var verbose = false

    /// The store named by --store, PAINMAP_STORE or the default.
    var storeLocation: StoreLocation { StoreLocation(option: store) }

    /// Fails with «нет хранилища» when a command that reads finds no SQLite file.
    func requireExistingStore() throws {
        guard storeLocation.mayHoldData else {
            throw LocatedFailure(
                .missingInput,
                message:
                    "хранилище \(storeLocation) не найдено; сначала выполните painmap ingest",
                status: .noInput
            )
        }
    }

    var configURL: URL { URL(fileURLWithPath: config, isDirectory: true).standardizedFileURL }

    func makeLogger() -> Logger {
        CLILogging.bootstrapOnce()
        var logger = Logger(label: "painmap")
        logger.logLevel = verbose ? .info : .warning
        return logger
    }
}

/// Bootstraps swift-log once per process, logging to stderr.
enum CLILogging {
    private static let done: Void = { LoggingSystem.bootstrap(StreamLogHandler.standardError) }()
    static func bootstrapOnce() { _ = done }
}

/// Runs a command body and maps failures to sysexits codes with a Russian message on stderr.
func runMapped(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let failure as any PainmapFailure {
        FileHandle.standardError.write(Data((failure.description + "\n").utf8))
        throw ExitCode(failure.exitStatus.rawValue)
    }
}
