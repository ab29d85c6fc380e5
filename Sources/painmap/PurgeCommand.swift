import ArgumentParser
import Foundation
import PainmapCore
import PainmapPipeline

/// `painmap purge`: deletes personal data older than a date.
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Удалить сохранённые персональные данные записей, поступивших раньше даты.",
        discussion: """
            Удаляет распознанные при загрузке идентификаторы (таблица redacted_identifier) и сохранённые \
            исходные тексты (record_original) записей, поступивших до даты; обезличенные записи, классификации, \
            боли и все счётчики остаются, поэтому отчёты не меняются. Печатает, сколько строк удалено в каждой \
            таблице (без значений). Квартальный запуск делает то же сам по retention_days из Config/privacy.yaml.
            Пример: painmap purge --before 2023-10-01
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Дата ГГГГ-ММ-ДД (UTC): удаляются данные записей, поступивших раньше.")
    var before: String

    @Flag(name: .long, help: "Если хранилище занято другим запуском, ждать его окончания (иначе выход с кодом 75).")
    var wait = false

    func validate() throws {
        guard PurgeCommand.date(before) != nil else {
            throw ValidationError("--before: нужна дата в виде ГГГГ-ММ-ДД, например 2023-10-01")
        }
    }

    func run() async throws {
        try await runMapped {
            guard let cutoff = PurgeCommand.date(before) else { throw ExitCode.validationFailure }
            try global.requireExistingStore()
            let logger = global.makeLogger()
            let report = try await global.storeLocation.withStore(exclusive: true, wait: wait) { store in
                try await RetentionJob(store: store, logger: logger).purge(before: cutoff)
            }
            print("| таблица | удалено строк |\n|---|---|")
            for (table, rows) in report.byTable { print("| \(table) | \(rows) |") }
        }
    }

    /// Midnight UTC of a `yyyy-MM-dd` date.
    static func date(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        var components = DateComponents()
        components.year = parts[0]
        components.month = parts[1]
        components.day = parts[2]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        guard let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == parts[0], back.month == parts[1], back.day == parts[2] else { return nil }
        return date
    }
}
