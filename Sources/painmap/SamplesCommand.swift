import ArgumentParser
import Foundation
import PainmapCore
import PainmapPipeline
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
                    painmap samples --records 1000000 --regions 54,41,01,02,03 --out bench-out/pos_5r.csv
                    painmap samples --records 30000 --style portal --out bench-out/portal_30k.csv
            --style portal|letters пишет размеченный CSV (id,source,region,created_at,text,label) с текстами как у \
            настоящих: короткие сообщения портала с повторами и сокращениями или длинные письма на несколько тем; \
            для painmap cluster --truth-column label.
            Коды, кроме 54 и 41, берутся из Config/regions.yaml: записи образцовых регионов пишутся под их кодом ОКАТО.
            """
    )

    @Option(name: .long, help: "Каталог SampleFeeds или, с --records, путь к CSV.")
    var out: String

    @Option(name: .long, help: "Число строк ПОС для большого файла (режим замеров).")
    var records: Int?

    @Option(
        name: .long,
        help: "Коды регионов КЛАДР для большого файла, через запятую (54, 41 и любые из Config/regions.yaml)."
    )
    var regions: String = "54,41"

    @Option(name: .long, help: "Каталог конфигурации, откуда берутся коды ОКАТО прочих регионов (по умолчанию Config).")
    var config: String = "Config"

    @Option(name: .long, help: "Квартал большого файла.")
    var quarter: String = "2026Q3"

    @Option(name: .long, help: "С --records: portal или letters — размеченный CSV с реалистичными текстами вместо ПОС.")
    var style: String?

    @Option(name: .long, help: "Зерно генератора.")
    var seed: UInt64 = 2026

    @Flag(
        name: .customLong("large-hostile"),
        help: "Записать в каталог --out большие повреждённые файлы (10–20 МБ), которые не хранятся в SampleFeeds."
    )
    var largeHostile = false

    @Option(
        name: .long,
        help: "Множитель объёма SampleFeeds (1 — обычный набор, 80 — около 100 тыс. записей региона 54 за квартал)."
    )
    var scale: Double = 1

    func validate() throws {
        guard scale > 0, scale.isFinite, scale <= 1_000 else {
            throw ValidationError("--scale должен быть в диапазоне (0; 1000]")
        }
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
                guard records > 0 else {
                    throw LocatedFailure(.usage, message: "--records должно быть больше нуля", status: .usage)
                }
                if let style {
                    guard let parsed = RealisticTextStyle(rawValue: style) else {
                        throw LocatedFailure(
                            .usage,
                            message: "--style: portal или letters, а не «\(style)»",
                            status: .usage
                        )
                    }
                    try generator.writeRealistic(records: records, style: parsed, to: url)
                    print("записано строк (\(style)): \(records) → \(out)")
                    return
                }
                let codes = regions.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                var relabel: [String: String] = [:]
                if codes.contains(where: { $0 != "54" && $0 != "41" }) {
                    let directory = try ConfigurationLoader().load(
                        directory: URL(fileURLWithPath: config, isDirectory: true)
                    ).regions
                    for code in codes {
                        if let okato = directory.region(code: code)?.okatoPrefix { relabel[code] = okato }
                    }
                }
                try generator.writeBulkPOS(
                    records: records,
                    regions: codes,
                    quarter: quarter,
                    relabel: relabel,
                    to: url
                )
                print("записано строк ПОС: \(records) → \(out)")
            } else {
                let manifest = try generator.writeSampleFeeds(to: url)
                print("образцы записаны в \(out): \(manifest)")
            }
        }
    }
}
