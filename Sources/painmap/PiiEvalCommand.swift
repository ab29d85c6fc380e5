import ArgumentParser
import Foundation
import PainmapCore
import PainmapPipeline
import PainmapPrivacy
import PainmapPrivacyEval

/// `painmap pii-eval`: measures the redactor on the project's generated corpus and on the independent one.
struct PiiEvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pii-eval",
        abstract: "Измерить распознавание персональных данных на размеченном синтетическом корпусе.",
        discussion: """
            Генерирует детерминированный корпус (по умолчанию 600 образцов на тип, треть из них ещё раз с неверной \
            контрольной суммой, 200 похожих на персональные данные образцов на тип и 5000 чистых сообщений), \
            редактирует его и печатает по типам: полноту, точность, долю ложных срабатываний, долю затронутых \
            чистых сообщений и скорость на одном ядре.
            Затем, если есть независимый корпус (--independent, по умолчанию \
            Tests/Fixtures/pii-independent/corpus.jsonl), пишет его как выгрузку ПОС, загружает во временное \
            хранилище, читает сохранённые тексты и печатает полноту по типам и категориям, долю уничтоженных \
            публичных номеров и адресов, долю затронутых чистых сообщений и скорость.
            Код выхода 1, если цели не достигнуты хотя бы на одном корпусе.
            Пример: painmap pii-eval --seed 7 --per-type 600 --clean 5000
            """
    )

    @Option(name: .long, help: "Зерно генератора корпуса.")
    var seed: UInt64 = 20_260_706

    @Option(name: .customLong("per-type"), help: "Образцов персональных данных на тип.")
    var perType = 600

    @Option(name: .long, help: "Чистых сообщений.")
    var clean = 5_000

    @Option(name: .customLong("min-seconds"), help: "Не меньше стольких секунд замера скорости.")
    var minSeconds = 2.0

    @Option(name: .long, help: "Независимый размеченный корпус (JSON Lines); пустая строка — не измерять.")
    var independent = "Tests/Fixtures/pii-independent/corpus.jsonl"

    @Option(name: .long, help: "Каталог конфигурации для загрузки независимого корпуса (по умолчанию Config).")
    var config = "Config"

    @Option(name: .long, help: "Только показать, как редактируется этот текст (можно несколько раз).")
    var redact: [String] = []

    @Option(
        name: .customLong("dump-redactions"),
        help: "Записать в файл редактирование каждого сообщения обоих корпусов и текстов --texts (JSON Lines) и выйти."
    )
    var dumpRedactions: String?

    @Option(name: .long, help: "Файл с текстами для --dump-redactions: по одному JSON-объекту с полем text на строку.")
    var texts: [String] = []

    @Flag(name: .long, help: "Вывести JSON вместо таблицы.")
    var json = false

    @Option(
        name: .customLong("show-errors"),
        help: "Показать до N пропусков и ложных срабатываний (данные корпуса вымышлены)."
    )
    var showErrors = 0

    func validate() throws {
        guard perType > 0, clean >= 0 else {
            throw ValidationError("--per-type должно быть больше 0, --clean — не меньше 0")
        }
    }

    func run() async throws {
        try await runMapped { try Redactor.requireLexicon() }
        if !redact.isEmpty {
            for text in redact { print(Redactor().redact(text).text) }
            return
        }
        let corpus = PIICorpusGenerator(seed: seed, perType: perType, clean: clean).generate()
        let redactor = Redactor()
        if let dumpRedactions {
            try dump(corpus, redactor: redactor, to: dumpRedactions)
            return
        }
        let evaluation = PIIEvaluation.run(corpus, redactor: redactor, minimumSeconds: minSeconds)
        let load =
            (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(
                separator: " "
            ) ?? "?"
        if json {
            print(try evaluation.json(), terminator: "")
        } else {
            print("corpus: seed \(seed), \(perType) per type, \(clean) clean; load average \(load)")
            print(evaluation.table(), terminator: "")
        }
        if showErrors > 0 { printErrors(corpus, redactor: redactor) }
        var met = evaluation.meetsTargets
        if !independent.isEmpty, FileManager.default.fileExists(atPath: independent) {
            met = try await evaluateIndependent(redactor: redactor, load: load) && met
        }
        if !met { throw ExitCode(1) }
    }

    /// The independent corpus through the ПОС adapter and the store; whether it meets the targets.
    private func evaluateIndependent(redactor: Redactor, load: String) async throws -> Bool {
        let messages = try IndependentMessage.load(URL(fileURLWithPath: independent))
        let configuration = try ConfigurationLoader().load(
            directory: URL(fileURLWithPath: config, isDirectory: true).standardizedFileURL
        )
        let stored = try await POSRoundTrip(configuration: configuration).storedTexts(messages.map(\.text))
        let evaluation = IndependentEvaluation.score(
            messages,
            redacted: stored,
            redactor: redactor,
            minimumSeconds: minSeconds
        )
        if showErrors > 0 {
            print(
                IndependentEvaluation.misses(messages, redacted: stored, perCategory: showErrors),
                terminator: ""
            )
        }
        if json {
            print(try evaluation.json(), terminator: "")
        } else {
            print(
                "\nindependent corpus: \(independent), \(messages.count) messages, through the ПОС adapter and the store"
            )
            print(evaluation.table(), terminator: "")
        }
        return evaluation.meetsTargets
    }

    /// Writes the redaction of every text of both corpora and of `texts` to `path`.
    private func dump(_ corpus: [LabelledMessage], redactor: Redactor, to path: String) throws {
        var all = corpus.map(\.text)
        if !independent.isEmpty, FileManager.default.fileExists(atPath: independent) {
            all += try IndependentMessage.load(URL(fileURLWithPath: independent)).map(\.text)
        }
        struct Line: Decodable { var text: String }
        for file in texts {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
                all.append(try JSONDecoder().decode(Line.self, from: Data(line)).text)
            }
        }
        try RedactionDump.lines(all, redactor: redactor).write(toFile: path, atomically: true, encoding: .utf8)
        print("\(all.count) texts redacted into \(path)")
    }

    private func printErrors(_ corpus: [LabelledMessage], redactor: Redactor) {
        var shown = 0
        for message in corpus where shown < showErrors {
            let found = redactor.find(in: message.text)
            let scalars = Array(message.text.unicodeScalars)
            func slice(_ range: Range<Int>) -> String {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[range])
                return String(view)
            }
            var problems: [String] = []
            for gold in message.spans {
                let typed = found.contains {
                    $0.type == gold.type && $0.range.overlaps(gold.range)
                        && $0.range.lowerBound <= gold.range.lowerBound && $0.range.upperBound >= gold.range.upperBound
                }
                if gold.mustRedact, !typed { problems.append("MISS \(gold.type.rawValue): «\(slice(gold.range))»") }
                if !gold.mustRedact, found.contains(where: { $0.range.overlaps(gold.range) }) {
                    problems.append("DECOY HIT \(gold.type.rawValue): «\(slice(gold.range))»")
                }
            }
            for span in found
            where !message.spans.contains(where: {
                $0.mustRedact && $0.type == span.type && $0.range.overlaps(span.range)
            }) {
                problems.append("FALSE \(span.type.rawValue): «\(slice(span.range))»")
            }
            guard !problems.isEmpty else { continue }
            shown += 1
            print("---\n\(message.text)\n  " + problems.joined(separator: "\n  "))
        }
    }
}
