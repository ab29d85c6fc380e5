#if Workspace
    import ArgumentParser
    import Foundation
    import PainmapCore
    import PainmapPipeline
    import PainmapWorkspace

    /// `painmap serve`: the analysts' web workspace.
    struct ServeCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Рабочее место аналитиков в браузере: боли по кварталам, регионам и ситуациям, записи, решения.",
            discussion: """
                Пример: painmap serve --store out/demo/painmap.sqlite --out out/demo/reports --listen 127.0.0.1:8080
                Учётные записи: painmap users add ИМЯ --role analyst --regions 54. Страницы показывают только \
                обезличенный текст и проходят ту же проверку на персональные данные, что и отчёты. Блокировку \
                запуска не берёт: квартальный запуск может идти одновременно. За обратным прокси с TLS: \
                --behind-proxy (см. docs/workspace.md).
                """
        )

        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: "Каталог отчётов, который пишет painmap run --out (по умолчанию out/reports).")
        var out: String = "out/reports"

        @Option(name: .long, help: "Адрес и порт (по умолчанию 127.0.0.1:8080; порт 0 — любой свободный).")
        var listen: String = "127.0.0.1:8080"

        @Flag(name: .customLong("secure-cookies"), help: "Всегда ставить cookie флаг Secure (доступ только по HTTPS).")
        var secureCookies = false

        @Flag(
            name: .customLong("behind-proxy"),
            help: "За обратным прокси: адрес клиента из X-Forwarded-For, Secure при X-Forwarded-Proto: https."
        )
        var behindProxy = false

        @Option(name: .customLong("records-per-page"), help: "Записей на странице боли (по умолчанию 20).")
        var recordsPerPage = 20

        func validate() throws {
            guard WorkspaceOptions.listen(listen) != nil else {
                throw ValidationError("--listen «\(listen)»: пишите адрес:порт, например 127.0.0.1:8080")
            }
            guard (1...500).contains(recordsPerPage) else { throw ValidationError("--records-per-page: от 1 до 500") }
        }

        func run() async throws {
            try await runMapped {
                try global.requireExistingStore()
                let logger = global.makeLogger()
                let configuration = try ConfigurationLoader().load(directory: global.configURL)
                guard let address = WorkspaceOptions.listen(listen) else { throw ExitCode(64) }
                let options = WorkspaceOptions(
                    host: address.host,
                    port: address.port,
                    reportsDirectory: URL(fileURLWithPath: out, isDirectory: true).standardizedFileURL,
                    secureCookies: secureCookies,
                    behindProxy: behindProxy,
                    recordsPerPage: recordsPerPage
                )
                // Never exclusive: the workspace only reads what runs wrote, and writes decisions in transactions.
                try await global.storeLocation.withStore(exclusive: false) { store in
                    let server = try WorkspaceServer(
                        store: store,
                        configuration: configuration,
                        options: options,
                        logger: logger
                    )
                    try await server.run { port in
                        // Unbuffered: scripts and tests wait for this line to learn the port.
                        FileHandle.standardOutput.write(
                            Data("painmap serve: рабочее место открыто на http://\(address.host):\(port)/\n".utf8)
                        )
                    }
                }
            }
        }
    }
#endif
