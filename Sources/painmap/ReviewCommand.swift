import ArgumentParser
import Foundation
import PainmapCore
import PainmapPipeline
import PainmapReview

/// `painmap review`: analysts' decisions on a region-quarter's pains, with an audit trail.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Разбор «Карты болей»: решения аналитиков по болям с журналом (кто, когда, что было и стало).",
        discussion: """
            Пример: painmap review list --region 54 --quarter 2026Q3
                    painmap review status --region 54 --quarter 2026Q3 --pain kindergarten/2026Q2-01 --to "в работе" --expect 0
            Решение по устаревшей версии боли отклоняется с кодом 75 и списком изменений.
            """,
        subcommands: [
            ReviewList.self, ReviewShow.self, ReviewJunk.self, ReviewMerge.self, ReviewSplit.self, ReviewMove.self,
            ReviewRename.self,
            ReviewStatusCommand.self, ReviewAssign.self, ReviewSolution.self, ReviewComment.self, ReviewLog.self,
        ]
    )
}

/// What every `painmap review` subcommand takes: the store, the region-quarter and the output format.
struct ReviewOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Регион (2 цифры), например 54.")
    var region: String

    @Option(name: .long, help: "Квартал, например 2026Q3.")
    var quarter: String

    @Flag(name: .long, help: "Вывести JSON.")
    var json = false

    func validate() throws {
        guard Quarter(quarter) != nil else {
            throw ValidationError("квартал «\(quarter)» не распознан; пишите так: 2026Q3")
        }
        guard region.count == 2, region.allSatisfy(\.isNumber) else {
            throw ValidationError("код региона «\(region)» должен состоять из двух цифр, например 54")
        }
    }

    /// The quarter (checked by ``validate()``).
    var parsedQuarter: Quarter {
        get throws {
            guard let parsed = Quarter(quarter) else {
                throw LocatedFailure(.usage, message: "квартал «\(quarter)» не распознан", status: .usage)
            }
            return parsed
        }
    }

    func key(_ pain: String) throws -> PainKey { PainKey(region: region, quarter: try parsedQuarter, painID: pain) }

    /// Opens the store and runs `body` with a service on it; the run lock is not taken (decisions live in their own
    /// tables, so analysts may decide while a run is in progress).
    func withService<T>(_ body: (ReviewService) async throws -> T) async throws -> T {
        let configuration = try ConfigurationLoader().load(directory: global.configURL)
        guard configuration.regions.region(code: region) != nil else {
            throw LocatedFailure(.usage, message: "региона «\(region)» нет в Config/regions.yaml", status: .usage)
        }
        try global.requireExistingStore()
        return try await global.storeLocation.withStore { store in
            guard let store = store as? any FeedbackStore & DecisionStore else {
                throw LocatedFailure(
                    .storeLocation,
                    message: "хранилище \(global.storeLocation) не хранит решения",
                    status: .software
                )
            }
            return try await body(
                ReviewService(
                    store: store,
                    catalog: configuration.lifeSituations,
                    bodies: configuration.responsibleBodies
                )
            )
        }
    }

    /// Prints a decision's outcome: warnings to stderr, the audit entries to stdout.
    func print(_ outcome: ReviewOutcome) {
        for warning in outcome.warnings { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        if json {
            Swift.print(
                ReviewRendering.json([
                    "entries": outcome.entries.map(ReviewRendering.object), "warnings": outcome.warnings,
                ]),
                terminator: ""
            )
        } else {
            Swift.print(ReviewRendering.logTable(outcome.entries), terminator: "")
        }
    }
}

/// Who decides and on which version: shared by every decision subcommand.
struct DecisionOptions: ParsableArguments {
    @Option(name: .long, help: "Боль (id из painmap review list).")
    var pain: String

    @Option(name: .long, help: "Версия боли, которую вы видели; если она изменилась, решение отклоняется (код 75).")
    var expect: Int?

    @Option(name: .customLong("as"), help: "Кто принимает решение (по умолчанию $USER).")
    var actor: String?

    var who: String { actor ?? ProcessInfo.processInfo.environment["USER"] ?? "аналитик" }
}

struct ReviewList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Боли региона за квартал с решениями."
    )
    @OptionGroup var options: ReviewOptions

    func run() async throws {
        try await runMapped {
            try await options.withService { service in
                let pains = try await service.pains(region: options.region, quarter: try options.parsedQuarter)
                if options.json {
                    print(ReviewRendering.json(["pains": pains.map(ReviewRendering.object)]), terminator: "")
                } else {
                    print(TextTable.render(ReviewRendering.rows(pains)), terminator: "")
                }
            }
        }
    }
}

struct ReviewShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Боль: решения, ответственные для выбора, комментарии и журнал."
    )
    @OptionGroup var options: ReviewOptions
    @Option(name: .long, help: "Боль (id из painmap review list).") var pain: String

    func run() async throws {
        try await runMapped {
            try await options.withService { service in
                let key = try options.key(pain)
                let reviewed = try await service.pain(key)
                let log = try await service.log(region: key.region, quarter: key.quarter, painID: key.painID)
                let bodies = try await service.bodyOptions(key)
                if options.json {
                    var object = ReviewRendering.object(reviewed)
                    object["log"] = log.map(ReviewRendering.object)
                    object["body_options"] = bodies
                    print(ReviewRendering.json(object), terminator: "")
                } else {
                    print(ReviewRendering.details(reviewed, log: log, bodyOptions: bodies), terminator: "")
                }
            }
        }
    }
}

struct ReviewLog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Журнал решений региона за квартал (или одной боли)."
    )
    @OptionGroup var options: ReviewOptions
    @Option(name: .long, help: "Только эта боль.") var pain: String?

    func run() async throws {
        try await runMapped {
            try await options.withService { service in
                let log = try await service.log(
                    region: options.region,
                    quarter: try options.parsedQuarter,
                    painID: pain
                )
                if options.json {
                    print(ReviewRendering.json(["entries": log.map(ReviewRendering.object)]), terminator: "")
                } else {
                    print(ReviewRendering.logTable(log), terminator: "")
                }
            }
        }
    }
}
