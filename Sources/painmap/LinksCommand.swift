import ArgumentParser
import Foundation
import PainmapCore
import PainmapPipeline

/// `painmap links`: how many records of other channels are one complaint, and how well that matches known links.
struct LinksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Показать, сколько записей разных каналов — одна жалоба, и сверить с известными связями.",
        discussion: """
            Одна жалоба, поданная через ПОС, сайт ведомства и горячую линию, в отчётах считается один раз \
            (cross_channel в Config/analysis.yaml: почти одинаковый текст в одном регионе в пределах окна дней \
            или ссылка на номер сообщения другого канала). Команда печатает по каждому региону, сколько записей \
            объединено и сколькими связями; с --truth — точность и полноту по парам записей. Файл --truth: \
            JSON Lines, по строке {"a": "hotline:122-54-260701-0005", "b": "pos:318660389"} (канал:номер).
            Пример: painmap links --quarter 2026Q3 --truth links.jsonl --rule text
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Квартал, например 2026Q3.")
    var quarter: String

    @Option(name: .long, help: "Только регион с этим кодом (можно несколько раз).")
    var region: [String] = []

    @Option(name: .long, help: "Известные связи: JSON Lines с парами {\"a\": ключ, \"b\": ключ}.")
    var truth: String?

    @Flag(name: .long, help: "Напечатать каждую связь: ключи двух записей и правило (без текстов).")
    var pairs = false

    @Option(name: .long, help: "Правила: both (текст и номер, по умолчанию), text, reference.")
    var rule: String = CrossChannelEvaluation.Rule.both.rawValue

    func validate() throws {
        if Quarter(quarter) == nil { throw ValidationError("квартал «\(quarter)» не распознан; пишите так: 2026Q3") }
        if CrossChannelEvaluation.Rule(rawValue: rule) == nil {
            throw ValidationError("правило «\(rule)» неизвестно; допустимые: both, text, reference")
        }
    }

    func run() async throws {
        try await runMapped {
            let configuration = try ConfigurationLoader().load(directory: global.configURL)
            try global.requireExistingStore()
            let known = try truth.map { try CrossChannelEvaluation.loadLinks(URL(fileURLWithPath: $0)) }
            let quarter = try Quarter(quarter).unwrapped()
            let report = try await global.storeLocation.withStore { store in
                try await CrossChannelEvaluation(store: store, settings: configuration.analysis.crossChannel).run(
                    quarter: quarter,
                    regions: region,
                    rule: CrossChannelEvaluation.Rule(rawValue: rule) ?? .both,
                    truth: known
                )
            }
            print(report.text, terminator: "")
            if pairs { print(report.links.joined(separator: "\n")) }
        }
    }
}

extension Optional {
    /// The value; validation has already made sure there is one.
    fileprivate func unwrapped() throws -> Wrapped {
        guard let value = self else { throw LocatedFailure(.usage, message: "значение не распознано", status: .usage) }
        return value
    }
}
