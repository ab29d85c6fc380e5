import ArgumentParser
import Foundation
import PainmapCore
import PainmapSamples

/// `painmap samples`: regenerates SampleFeeds or writes a large ПОС export for benchmarks.
struct SamplesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "Сгенерировать образцы выгрузок (детерминированно) или большой файл ПОС для замеров.",
        discussion: """
            Пример: painmap samples --out SampleFeeds
                    painmap samples --records 1000000 --out bench-out/pos_1m.csv
                    painmap samples --large-hostile --out bench-out/hostile-large
            """)

    @Option(name: .long, help: "Каталог SampleFeeds или, с --records, путь к CSV.")
    var out: String

    @Option(name: .long, help: "Число строк ПОС для большого файла (режим замеров).")
    var records: Int?

    @Option(name: .long, help: "Коды регионов КЛАДР для большого файла, через запятую.")
    var regions: String = "54,41"

    @Option(name: .long, help: "Квартал большого файла.")
    var quarter: String = "2026Q3"

    @Option(name: .long, help: "Зерно генератора.")
    var seed: UInt64 = 2026

    @Flag(name: .customLong("large-hostile"), help: "Записать в каталог --out большие повреждённые файлы (10–20 МБ), которые не хранятся в SampleFeeds.")
    var largeHostile = false

    @Option(name: .long, help: "Множитель объёма SampleFeeds (1 — обычный набор, 80 — около 100 тыс. записей региона 54 за квартал).")
    var scale: Double = 1

    func validate() throws {
        guard scale > 0, scale.isFinite, scale <= 1_000 else { throw ValidationError("--scale должен быть в диапазоне (0; 1000]") }
    }

    func run() async throws {
        try await runMapped {
            var options = SampleGenerator.Options()
            options.seed = seed
            options.scale = scale
            let generator = SampleGenerator(options: options)
            let url = URL(fileURLWithPath: out)
            if largeHostile {
                let files = try LargeHostileFiles.write(to: url)
                print("записано повреждённых файлов: \(files.count) → \(out)")
            } else if let records {
                guard records > 0 else { throw CommandFailure("--records должно быть больше нуля", status: .usage) }
                try generator.writeBulkPOS(records: records, regions: regions.split(separator: ",").map(String.init), quarter: quarter, to: url)
                print("записано строк ПОС: \(records) → \(out)")
            } else {
                let manifest = try generator.writeSampleFeeds(to: url)
                print("образцы записаны в \(out): \(manifest)")
            }
        }
    }
}
