import ArgumentParser
import Foundation
import PainmapCore
import PainmapPipeline

/// `painmap classify`: a life situation and a journey stage for every stored record.
struct ClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Отнести записи к жизненным ситуациям и этапам пути (Config/life-situations.yaml).",
        discussion: """
            Классифицирует новые и изменившиеся записи, а после правки Config/life-situations.yaml — все записи \
            заново; --all классифицирует всё. Печатает по каждому региону и кварталу таблицу «ситуация × этап» \
            и долю записей «Не определена».
            Пример: painmap classify --region 54 --quarter 2026Q3
                    painmap classify --json | jq '.slices[].unassigned_share'
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Только регион с этим кодом ФИАС/КЛАДР (две цифры), например 54.")
    var region: String?

    @Option(name: .long, help: "Только этот квартал, например 2026Q3.")
    var quarter: String?

    @Flag(name: .long, help: "Классифицировать все записи заново, а не только новые и изменившиеся.")
    var all = false

    @Flag(name: .long, help: "Вывести JSON (config_digest, classified, slices).")
    var json = false

    @Flag(name: .long, help: "Если хранилище занято другим запуском, ждать его окончания (иначе выход с кодом 75).")
    var wait = false

    func validate() throws {
        if let quarter, Quarter(quarter) == nil {
            throw ValidationError("квартал «\(quarter)» не распознан; пишите так: 2026Q3")
        }
        if let region, region.count != 2 || !region.allSatisfy(\.isNumber) {
            throw ValidationError("код региона «\(region)» должен состоять из двух цифр ФИАС/КЛАДР, например 54")
        }
    }

    func run() async throws {
        try await runMapped {
            let logger = global.makeLogger()
            let configuration = try ConfigurationLoader().load(directory: global.configURL)
            if let region, configuration.regions.region(code: region) == nil {
                throw CommandFailure("региона «\(region)» нет в Config/regions.yaml", status: .usage)
            }
            try global.requireExistingStore()
            let report = try await global.storeLocation.withStore(exclusive: true, wait: wait) { store in
                try await ClassifyJob(configuration: configuration, store: store, logger: logger)
                    .run(region: region, quarter: quarter.flatMap(Quarter.init), all: all)
            }
            print(json ? report.json : report.table, terminator: "")
        }
    }
}
