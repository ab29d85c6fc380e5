import ArgumentParser
import Foundation
import PainmapCore
import PainmapPipeline
import PainmapSQLite

/// `painmap status`: what the store holds.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Показать учёт строк по источникам, регионам и кварталам.",
        discussion: "Пример: painmap status --json | jq .totals")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Вывести JSON (totals, by_source, by_region_quarter, quarantine_by_reason, files).")
    var json = false

    func run() async throws {
        try await runMapped {
            guard FileManager.default.fileExists(atPath: global.storeURL.path) else {
                throw CommandFailure("хранилище \(global.storeURL.path) не найдено; сначала выполните painmap ingest", status: .noInput)
            }
            let status = try await SQLiteFeedbackStore(url: global.storeURL).status()
            print(json ? StatusRendering.json(status) : StatusRendering.table(status), terminator: "")
        }
    }
}
