import ArgumentParser
import Foundation
import PainmapCore
import PainmapPipeline

/// `painmap run`: the quarterly job (ingest → classify → cluster → reports), for cron and one-region reruns.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Квартальный запуск: загрузить выгрузки, классифицировать, найти боли и записать «Карты болей».",
        discussion: """
            Загружает все выгрузки из Config/feeds.yaml (уже загруженные файлы пропускаются), классифицирует новые \
            записи, находит боли каждой жизненной ситуации в каждом регионе, сопоставляет их с болями прошлого \
            квартала и пишет отчёты в OUT/<квартал>/<регион>/<ситуация>.{html,md,json,csv}, \
            OUT/<квартал>/<регион>/index.html и <регион>.xlsx, а также обзор OUT/<квартал>/index.html.
            --region пересчитывает только указанные регионы: файлы остальных регионов не меняются.
            --all-regions — все регионы с записями за квартал; с хранилищем PostgreSQL это режим обработчиков: \
            несколько процессов (на одном или нескольких серверах) делят регионы квартала через таблицу region_run, \
            загрузку и классификацию выполняет первый из них, обзор пишет завершивший последний регион. \
            --workers N обрабатывает N регионов одновременно в этом процессе (с любым хранилищем).
            Перед записью каждый файл проверяется на персональные данные (скрытые при загрузке идентификаторы, \
            телефоны, СНИЛС, e-mail…): регион с находкой не записывается, прежние отчёты остаются.
            Коды выхода: 0 — готово; 64 — неверные параметры; 65 — часть выгрузок с ошибками или отчёты не \
            записаны из-за персональных данных; 66 — нет данных; 75 — хранилище занято другим \
            запуском (или ждите с --wait); 78 — ошибка конфигурации.
            Пример: painmap run --quarter previous --out /srv/painmap/reports
                    painmap run --quarter 2026Q3 --region 54 --wait
                    painmap run --quarter previous --all-regions --workers 2 --store postgres://painmap@db/painmap
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Квартал: 2026Q3, current (текущий) или previous (прошлый).")
    var quarter: String

    @Option(
        name: .long,
        parsing: .singleValue,
        help: "Только этот регион (код ФИАС/КЛАДР, две цифры); можно повторять."
    )
    var region: [String] = []

    @Flag(
        name: .customLong("all-regions"),
        help: "Все регионы с записями за квартал; с PostgreSQL — режим обработчиков (регионы делятся между процессами)."
    )
    var allRegions = false

    @Option(name: .long, help: "Сколько регионов обрабатывать одновременно в этом процессе (по умолчанию 1).")
    var workers: Int = 1

    @Option(
        name: .customLong("life-situation"),
        parsing: .singleValue,
        help: "Только отчёты этой жизненной ситуации (id); можно повторять."
    )
    var lifeSituation: [String] = []

    @Option(name: .long, help: "Каталог отчётов (по умолчанию out/reports).")
    var out: String = "out/reports"

    @Flag(name: .customLong("no-ingest"), help: "Не загружать выгрузки, только пересчитать отчёты по хранилищу.")
    var noIngest = false

    @Option(name: .long, help: "Число потоков (по умолчанию — все ядра); на результат не влияет.")
    var threads: Int?

    @Flag(name: .long, help: "Если хранилище занято другим запуском, ждать его окончания (иначе выход с кодом 75).")
    var wait = false

    func validate() throws {
        guard QuarterSpecifier(quarter) != nil else {
            throw ValidationError("квартал «\(quarter)» не распознан; пишите 2026Q3, current или previous")
        }
        for code in region where code.count != 2 || !code.allSatisfy(\.isNumber) {
            throw ValidationError("код региона «\(code)» должен состоять из двух цифр ФИАС/КЛАДР, например 54")
        }
        if let threads, threads < 1 { throw ValidationError("--threads должно быть не меньше 1") }
        if workers < 1 { throw ValidationError("--workers должно быть не меньше 1") }
        if allRegions && !region.isEmpty {
            throw ValidationError("--all-regions и --region несовместимы: укажите что-то одно")
        }
    }

    func run() async throws {
        try await runMapped {
            let logger = global.makeLogger()
            let configuration = try ConfigurationLoader().load(directory: global.configURL)
            let now = Date()
            let options = RunJob.Options(
                quarter: QuarterSpecifier(quarter)?.resolve(on: now) ?? Quarter(year: 1970, number: 1)!,
                regions: region,
                lifeSituations: lifeSituation,
                outputDirectory: URL(fileURLWithPath: out, isDirectory: true).standardizedFileURL,
                ingest: !noIngest,
                generatedAt: Self.generationTime(default: now)
            )
            let report = try await global.storeLocation.withStore(exclusive: true, wait: wait) { store in
                let job = RunJob(
                    configuration: configuration,
                    store: store,
                    logger: logger,
                    threadCount: threads ?? ProcessInfo.processInfo.activeProcessorCount
                )
                // Workers of several processes share regions where the store can coordinate them.
                if allRegions, let coordinator = store.regionCoordinator {
                    return try await job.runWorker(
                        options,
                        coordinator: coordinator,
                        workers: workers,
                        host: ProcessInfo.processInfo.hostName,
                        pid: ProcessInfo.processInfo.processIdentifier
                    )
                }
                return try await job.run(options, workers: workers)
            }
            print(report.summary, terminator: "")
            if !report.leaks.isEmpty { throw PersonalDataLeak(findings: report.leaks) }
            if !report.failedRegions.isEmpty {
                throw CommandFailure(
                    "регионы \(report.failedRegions.sorted().joined(separator: ", ")) не обработаны; причины — в таблице region_run хранилища",
                    status: .software
                )
            }
            if let ingest = report.ingest, ingest.hasFailures {
                throw CommandFailure(
                    "часть выгрузок не загружена (painmap quarantine покажет причины); отчёты построены по загруженному",
                    status: .dataError
                )
            }
        }
    }

    /// `SOURCE_DATE_EPOCH` (seconds), when set, pins `generated_at` for reproducible report trees.
    static func generationTime(default now: Date) -> Date {
        guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(text)
        else { return now }
        return Date(timeIntervalSince1970: seconds)
    }
}
