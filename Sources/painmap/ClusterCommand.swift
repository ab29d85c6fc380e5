import ArgumentParser
import Foundation
import Logging
import PainmapCore
import PainmapPipeline

/// `painmap cluster`: groups the texts of any CSV into pains, for analysts' ad-hoc questions and benchmarks.
struct ClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Сгруппировать тексты любого CSV в боли (кластеры): назначения по строкам и сводка.",
        discussion: """
            Читает CSV с заголовком, анализирует тексты (нормализация, стемминг, стоп-слова), \
            кластеризует (TF-IDF, сферический k-means, слияние близких центроидов, «Прочее») \
            и пишет --output: id,cluster,label для каждой строки в порядке входа. Строки без \
            пригодного текста получают cluster -1 и пустую метку; «Прочее» — свой номер и метку «Прочее». \
            --summary пишет JSON: размер, доля, метка, ключевые слова и 3 цитаты каждого кластера, \
            доля «Прочего», число строк без содержания, хеш назначений, параметры.
            Внимание: метки и цитаты — тексты из входного файла как есть, без обезличивания; \
            не передавайте выходные файлы дальше, если во входе есть персональные данные.
            Результат одинаков при любом --threads; файлы записываются атомарно.
            Коды выхода: 0 готово, 64 неверный вызов, 65 нет столбца, не та кодировка, пустой \
            или повреждённый файл, 66 нет входного файла, 74 не удалось записать результат.
            Примеры:
              painmap cluster --input обращения.csv --text-column "Текст обращения" \\
                --delimiter ';' --output назначения.csv --summary кластеры.json
              painmap cluster --input synth.csv --output a.csv --truth-column label --hash
            """
    )

    @Option(name: .long, help: "Входной CSV с заголовком (после разбора повторно читаются только строки цитат).")
    var input: String

    @Option(name: .customLong("id-column"), help: "Столбец с идентификатором строки.")
    var idColumn = "id"

    @Option(name: .customLong("text-column"), help: "Столбец с текстом.")
    var textColumn = "text"

    @Option(name: .long, help: "Разделитель полей: один символ ASCII или tab.")
    var delimiter = ","

    @Option(name: .long, help: "Кодировка: utf-8 (строго) или cp1251 (UTF-8 распознаётся и тогда).")
    var encoding = "utf-8"

    @Option(name: .long, help: "auto или N: число ячеек k-means до слияния, то есть не больше N болей.")
    var k = "auto"

    @Option(name: .long, help: "Куда записать назначения (CSV: id,cluster,label).")
    var output: String

    @Option(name: .long, help: "Куда записать сводку по кластерам (JSON).")
    var summary: String?

    @Option(name: .long, help: "Число потоков (по умолчанию — число ядер); на результат не влияет.")
    var threads: Int?

    @Option(name: .long, help: "Зерно генератора случайных чисел.")
    var seed: UInt64 = 42

    @Option(
        name: .customLong("duplicate-weight"),
        help:
            "Вес повторов одного текста в k-means: records (по числу записей), sqrt или one; счёт записей не меняется."
    )
    var duplicateWeight = "records"

    @Flag(
        name: .customLong("text-features"),
        help: ArgumentHelp(
            "Признаки для коротких и «грязных» текстов: синонимы и сокращения, склейка редких опечаток с частыми словами.",
            discussion: "Синонимы — из --synonyms или Config/synonyms.yaml, если такой файл есть в текущем каталоге."
        )
    )
    var textFeatures = false

    @Option(name: .long, help: "Файл синонимов (YAML) для --text-features; none — без синонимов.")
    var synonyms: String?

    @Flag(
        name: .customLong("no-spelling-fold"),
        help: "С --text-features: не склеивать редкие опечатки с частыми словами."
    )
    var noSpellingFold = false

    @Flag(
        name: .customLong("centered-merge"),
        help: ArgumentHelp(
            "Сливать ячейки k-means по отличию от среднего текста выборки, а не по общим словам.",
            discussion: "Слова, общие для всех текстов (частые в длинных письмах), тогда не склеивают разные боли."
        )
    )
    var centeredMerge = false

    @Option(
        name: .customLong("profile"),
        help: ArgumentHelp(
            "Какие тексты в файле: auto (по умолчанию), messages (короткие сообщения) или letters (длинные письма).",
            discussion:
                "letters: без рамок писем, формул просьб и названий мест, разрез по устойчивости; messages: разрез при τ. "
                + "Оба профиля группируют в латентном пространстве из 300 измерений, если разных текстов не больше "
                + "50 000. auto выбирает letters, если медиана текста — от 18 слов после анализа. "
                + "--latent-dimensions и --merge-cut, если заданы, важнее профиля."
        )
    )
    var profile = "auto"

    @Option(
        name: .customLong("merge-cut"),
        help: ArgumentHelp(
            "Где остановить слияние ячеек k-means: fixed (при τ = --merge-threshold) или stability (по умолчанию — как в профиле).",
            discussion:
                "stability: не выше τ; группа делится на свои ветви, если они устойчивее её на 5 повторно "
                + "сгруппированных подвыборках (критерий печатается)."
        )
    )
    var mergeCut: String?

    @Option(
        name: .customLong("merge-threshold"),
        help: ArgumentHelp(
            "τ: косинусное расстояние, до которого ячейки сливаются (по умолчанию 0.85).",
            discussion: "С --merge-cut stability — верхняя граница: группы делятся только ниже неё."
        )
    )
    var mergeThreshold: Double?

    @Option(
        name: .customLong("latent-dimensions"),
        help: ArgumentHelp(
            "Группировать в латентном пространстве из N измерений (LSA, усечённое SVD TF-IDF); 0 — по словам "
                + "(по умолчанию — как в профиле: 300, если разных текстов не больше 50 000).",
            discussion:
                "Слова, которые встречаются в одних и тех же письмах, сближают тексты, даже если общих слов у них нет. "
                + "Ключевые слова и заголовки остаются словами текстов."
        )
    )
    var latentDimensions: Int?

    @Flag(
        name: .customLong("keep-markup"),
        help: "Считать слова HTML-разметки (теги, стили, &nbsp;) словами текста; по умолчанию разметка удаляется."
    )
    var keepMarkup = false

    @Flag(
        name: .customLong("drop-letter-frames"),
        help: "Не считать рамку письма: приветствие и обращение в начале, «С уважением» с подписью и телефоном в конце."
    )
    var dropLetterFrames = false

    @Flag(
        name: .customLong("drop-request-formulae"),
        help: "С рамкой письма не считать и формулы просьб в тексте («прошу принять меры», «жду ответа» …)."
    )
    var dropRequestFormulae = false

    @Flag(
        name: .customLong("drop-place-names"),
        help: "Не считать названия в адресах (улица, проспект, деревня после «ул.», «пр-т», «д.» …) словами текста."
    )
    var dropPlaceNames = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Для выгрузок длинных писем: --drop-letter-frames --drop-request-formulae --drop-place-names вместе.",
            discussion: "Удаление разметки действует всегда, кроме --keep-markup."
        )
    )
    var letters = false

    @Option(
        name: .customLong("sample-above"),
        help:
            "Больше стольких различных текстов — группировать выборку из стольких, остальные строки отнести к ближайшей боли."
    )
    var sampleAbove: Int?

    @Option(name: .customLong("truth-column"), help: "Столбец с эталонной разметкой: вывести NMI и ARI.")
    var truthColumn: String?

    @Flag(name: .long, help: "Вывести хеш назначений (одинаков при любом --threads).")
    var hash = false

    @Flag(name: .long, help: "Подробный журнал (на английском, с временем этапов) в stderr.")
    var verbose = false

    func validate() throws {
        _ = try parsedK()
        _ = try parsedDelimiter()
        _ = try parsedEncoding()
        if let threads, threads < 1 { throw ValidationError("--threads: нужно целое число ≥ 1, получено \(threads)") }
        if let mergeCut, !CSVClusterJob.Options.mergeCutNames.contains(mergeCut) {
            throw ValidationError("--merge-cut: нужно fixed или stability, получено «\(mergeCut)»")
        }
        guard TextProfile(rawValue: profile) != nil else {
            throw ValidationError("--profile: нужно auto, messages или letters, получено «\(profile)»")
        }
        if let mergeThreshold, !(0...2).contains(mergeThreshold) {
            throw ValidationError("--merge-threshold: нужно число от 0 до 2, получено \(mergeThreshold)")
        }
        if let latentDimensions, !(0...1_000).contains(latentDimensions) {
            throw ValidationError("--latent-dimensions: нужно число от 0 до 1000, получено \(latentDimensions)")
        }
        if let sampleAbove, sampleAbove < 1 {
            throw ValidationError("--sample-above: нужно целое число ≥ 1, получено \(sampleAbove)")
        }
    }

    func run() async throws {
        try await runMapped {
            CLILogging.bootstrapOnce()
            var logger = Logger(label: "painmap")
            logger.logLevel = verbose ? .info : .warning
            var options = CSVClusterJob.Options(inputPath: input, outputPath: output)
            options.summaryPath = summary
            options.idColumn = idColumn
            options.textColumn = textColumn
            options.truthColumn = truthColumn
            options.delimiter = try parsedDelimiter()
            options.encoding = try parsedEncoding()
            options.k = try parsedK()
            options.seed = seed
            guard options.setDuplicateWeighting(named: duplicateWeight) else {
                throw LocatedFailure(.usage, message: "--duplicate-weight: records, sqrt или one", status: .usage)
            }
            if let threads { options.threadCount = threads }
            try options.setTextFeatures(
                enabled: textFeatures || synonyms != nil,
                synonymsPath: synonyms,
                foldsSpelling: !noSpellingFold
            )
            options.mergesCenteredCells = centeredMerge
            if let mergeCut { _ = options.setMergeCut(named: mergeCut) }
            options.profile = TextProfile(rawValue: profile) ?? .auto
            options.mergeThreshold = mergeThreshold
            options.latentDimensions = latentDimensions
            options.stripsMarkup = !keepMarkup
            options.dropsLetterFrames = letters || dropLetterFrames || dropRequestFormulae
            options.dropsRequestFormulae = letters || dropRequestFormulae
            options.dropsPlaceNames = letters || dropPlaceNames
            options.sampleAbove = sampleAbove
            let report = try await CSVClusterJob(options: options, logger: logger).run()
            print(report.text(showHash: hash), terminator: "")
        }
    }

    private func parsedK() throws -> Int? {
        if k == "auto" { return nil }
        guard let value = Int(k), value >= 1 else {
            throw ValidationError("--k: нужно auto или целое число ≥ 1, получено «\(k)»")
        }
        return value
    }

    private func parsedDelimiter() throws -> UInt8 {
        if delimiter == "tab" || delimiter == "\\t" || delimiter == "\t" { return 0x09 }
        guard delimiter.utf8.count == 1, let byte = delimiter.utf8.first, byte != 0x0A, byte != 0x0D,
            byte != UInt8(ascii: "\"")
        else {
            throw ValidationError("--delimiter: нужен один символ ASCII (, ; | или tab), получено «\(delimiter)»")
        }
        return byte
    }

    private func parsedEncoding() throws -> DeclaredEncoding {
        switch encoding.lowercased() {
        case "utf-8", "utf8": return .utf8
        case "cp1251", "windows-1251": return .cp1251
        default: throw ValidationError("--encoding: нужно utf-8 или cp1251, получено «\(encoding)»")
        }
    }
}
