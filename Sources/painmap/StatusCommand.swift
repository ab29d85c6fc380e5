import ArgumentParser
import Foundation
import PainmapCore
import PainmapPipeline

/// `painmap status`: what the store holds.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Показать учёт строк по источникам, регионам и кварталам.",
        discussion: "Пример: painmap status --json | jq .totals"
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Вывести JSON (totals, by_source, by_region_quarter, quarantine_by_reason, files).")
    var json = false

    func run() async throws {
        try await runMapped {
            try global.requireExistingStore()
            let status = try await global.storeLocation.withStore { try await $0.status() }
            print(json ? StatusRendering.json(status) : StatusRendering.table(status), terminator: "")
        }
    }
}
