import ArgumentParser
import Foundation
import PainmapCore
import PainmapPipeline

/// `painmap quarantine`: rows set aside, with file, line and reason (never their content).
struct QuarantineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine",
        abstract: "Показать строки в карантине: файл, строка, причина (без содержимого).",
        discussion: "Пример: painmap quarantine --reason bad_date"
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Только эта причина (bad_encoding, bad_date, unknown_region, …).")
    var reason: QuarantineReason?

    @Flag(name: .long, help: "Вывести JSON.")
    var json = false

    func run() async throws {
        try await runMapped {
            try global.requireExistingStore()
            let entries = try await global.storeLocation.withStore { try await $0.quarantinedRows(reason: reason) }
            if json {
                print(StatusRendering.json(entries))
            } else {
                var rows = [["файл", "строка", "столбец", "причина", "что исправить"]]
                for entry in entries {
                    rows.append([
                        entry.file, entry.line == 0 ? "весь файл" : "\(entry.line)", entry.column ?? "",
                        entry.reason.rawValue, entry.message,
                    ])
                }
                print(TextTable.render(rows), terminator: "")
                print("всего: \(entries.count)")
            }
        }
    }
}
