public import Foundation
public import PainmapCore
import PainmapText
import Yams

/// Loads `Config/*.yaml` into one ``PainmapConfiguration`` and validates it, reporting every problem
/// with its file, line and column (`Config/feeds.yaml:14:11: ошибка: …`).
public struct ConfigurationLoader: Sendable {
    /// Creates a loader.
    public init() {}

    private struct FeedsFile: Decodable {
        var root: String?
        var feeds: [FeedConfiguration]
        enum CodingKeys: String, CodingKey, CaseIterable { case root, feeds }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let keys = try decoder.container(keyedBy: CodingKeys.self)
            root = try keys.decodeIfPresent(String.self, forKey: .root)
            feeds = try keys.decode([FeedConfiguration].self, forKey: .feeds)
        }
    }

    private struct RegionsFile: Decodable {
        var regions: [Region]
    }

    private struct SurveysFile: Decodable {
        var questionnaires: [Questionnaire]
    }

    private struct FormsFile: Decodable {
        var forms: [RatingForm]
    }

    /// Loads and validates the configuration in `directory`.
    /// - Throws: ``ConfigurationErrors`` listing every problem found.
    public func load(directory: URL) throws -> PainmapConfiguration {
        var errors: [LocatedFailure] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ConfigurationErrors([
                LocatedFailure.configuration(
                    location: SourceLocation(path: directory.path),
                    message: "каталог конфигурации не найден; укажите --config DIR"
                )
            ])
        }
        let feedsFile: FeedsFile? = decode("feeds.yaml", in: directory, errors: &errors)
        let regionsFile: RegionsFile? = decode("regions.yaml", in: directory, errors: &errors)
        let surveysFile: SurveysFile? = decode("surveys.yaml", in: directory, optional: true, errors: &errors)
        let formsFile: FormsFile? = decode("mkgu-forms.yaml", in: directory, optional: true, errors: &errors)
        let lifeSituations: LifeSituationCatalog? = decodeLifeSituations(in: directory, errors: &errors)
        let priority: PriorityConfiguration? = decode("priority.yaml", in: directory, optional: true, errors: &errors)
        let analysis: AnalysisConfiguration? = decode("analysis.yaml", in: directory, optional: true, errors: &errors)
        let privacy: PrivacyConfiguration? = decode("privacy.yaml", in: directory, optional: true, errors: &errors)
        let bodies: ResponsibleBodyDirectory? = decode(
            "responsible-bodies.yaml",
            in: directory,
            optional: true,
            errors: &errors
        )

        let feeds = feedsFile?.feeds ?? []
        let regions = regionsFile?.regions ?? []
        let feedsPath = display(directory.appendingPathComponent("feeds.yaml"))
        let regionsPath = display(directory.appendingPathComponent("regions.yaml"))
        var seen = Set<String>()
        for region in regions {
            if region.code.count != 2 || !region.code.allSatisfy(\.isNumber) {
                errors.append(
                    LocatedFailure.configuration(
                        location: SourceLocation(path: regionsPath),
                        message: "код региона «\(region.code)» должен состоять из двух цифр ФИАС/КЛАДР"
                    )
                )
            }
            if !seen.insert(region.code).inserted {
                errors.append(
                    LocatedFailure.configuration(
                        location: SourceLocation(path: regionsPath),
                        message: "код региона «\(region.code)» повторяется"
                    )
                )
            }
        }
        let questionnaires = Dictionary(
            (surveysFile?.questionnaires ?? []).map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        let forms = Dictionary(
            (formsFile?.forms ?? []).map { ($0.version, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        var names = Set<String>()
        for (index, feed) in feeds.enumerated() {
            let location = SourceLocation(path: feedsPath)
            let label = "feeds[\(index)] «\(feed.name)»"
            if !names.insert(feed.name).inserted {
                errors.append(
                    LocatedFailure.configuration(location: location, message: "\(label): имя макета повторяется")
                )
            }
            if let region = feed.fixedRegion, !seen.contains(region) {
                errors.append(
                    LocatedFailure.configuration(
                        location: location,
                        message: "\(label): region «\(region)» нет в Config/regions.yaml"
                    )
                )
            }
            if let sheet = feed.sheet, feed.format != .xlsx || sheet.isEmpty {
                errors.append(
                    LocatedFailure.configuration(
                        location: location,
                        message:
                            "\(label): sheet задаёт лист книги и нужен только с format: xlsx и непустым именем листа"
                    )
                )
            }
            switch feed.kind {
            case .survey:
                if feed.questionnaire.flatMap({ questionnaires[$0] }) == nil {
                    errors.append(
                        LocatedFailure.configuration(
                            location: location,
                            message: "\(label): анкета «\(feed.questionnaire ?? "")» не описана в Config/surveys.yaml"
                        )
                    )
                }
            case .portal:
                if feed.format != .xml {
                    errors.append(
                        LocatedFailure.configuration(
                            location: location,
                            message: "\(label): выгрузки «Ваш контроль» читаются только как format: xml"
                        )
                    )
                }
                if forms.isEmpty {
                    errors.append(
                        LocatedFailure.configuration(
                            location: location,
                            message: "\(label): нет ни одной формы в Config/mkgu-forms.yaml"
                        )
                    )
                }
            case .pos, .site, .hotline:
                if feed.format == .xml {
                    errors.append(
                        LocatedFailure.configuration(
                            location: location,
                            message: "\(label): format xml поддерживается только для portal"
                        )
                    )
                }
                if feed.columns[.text] == nil {
                    errors.append(
                        LocatedFailure.configuration(
                            location: location,
                            message: "\(label): в columns не задан text — столбец с текстом обращения"
                        )
                    )
                }
            }
            if feed.kind != .portal {
                for field in [RecordField.receivedAt] where feed.columns[field] == nil {
                    errors.append(
                        LocatedFailure.configuration(
                            location: location,
                            message: "\(label): в columns не задан \(field.rawValue)"
                        )
                    )
                }
                if feed.columns[.region] == nil, feed.fixedRegion == nil {
                    errors.append(
                        LocatedFailure.configuration(
                            location: location,
                            message: "\(label): задайте columns.region или постоянный region"
                        )
                    )
                }
            }
        }
        if !errors.isEmpty { throw ConfigurationErrors(errors) }
        let rootPath = feedsFile?.root ?? ".."
        let root = URL(fileURLWithPath: rootPath, relativeTo: directory).standardizedFileURL
        return PainmapConfiguration(
            directory: directory,
            root: root,
            feeds: feeds,
            regions: RegionDirectory(regions: regions),
            questionnaires: questionnaires,
            ratingForms: forms,
            lifeSituations: lifeSituations ?? .empty,
            priority: priority ?? .builtIn,
            analysis: analysis ?? .builtIn,
            privacy: privacy ?? .default,
            responsibleBodies: bodies ?? .empty
        )
    }

    private func display(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
    }

    private func decode<T: Decodable>(
        _ name: String,
        in directory: URL,
        optional: Bool = false,
        errors: inout [LocatedFailure]
    ) -> T? {
        decodeDocument(name, in: directory, optional: optional, errors: &errors)?.value
    }

    /// Decodes a file and also returns its composed YAML, so that later checks can point at lines.
    private func decodeDocument<T: Decodable>(
        _ name: String,
        in directory: URL,
        optional: Bool = false,
        errors: inout [LocatedFailure]
    ) -> (value: T, node: Node, path: String)? {
        let url = directory.appendingPathComponent(name)
        let path = display(url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if !optional {
                errors.append(
                    LocatedFailure.configuration(location: SourceLocation(path: path), message: "файл не найден")
                )
            }
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            errors.append(
                LocatedFailure.configuration(location: SourceLocation(path: path), message: "файл не в UTF-8")
            )
            return nil
        }
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                errors.append(LocatedFailure.configuration(location: SourceLocation(path: path), message: "файл пуст"))
                return nil
            }
            node = composed
        } catch let error as YamlError {
            errors.append(
                LocatedFailure.configuration(
                    location: SourceLocation(path: path),
                    message: "синтаксическая ошибка YAML: \(error)"
                )
            )
            return nil
        } catch {
            errors.append(
                LocatedFailure.configuration(location: SourceLocation(path: path), message: "YAML не читается")
            )
            return nil
        }
        do {
            return (try YAMLDecoder().decode(T.self, from: node), node, path)
        } catch let error as DecodingError {
            errors.append(ConfigurationLoader.locate(error, in: node, path: path))
            return nil
        } catch {
            errors.append(
                LocatedFailure.configuration(
                    location: SourceLocation(path: path),
                    message: "не удалось разобрать: \(error)"
                )
            )
            return nil
        }
    }

    /// Maps a decoding error's coding path onto the YAML node's line and column.
    static func locate(_ error: DecodingError, in root: Node, path: String) -> LocatedFailure {
        let (codingPath, message): ([any CodingKey], String) =
            switch error {
            case .keyNotFound(let key, let context):
                (context.codingPath, "нет обязательного ключа «\(key.stringValue)»")
            case .typeMismatch(_, let context):
                (context.codingPath, "неверный тип значения: \(context.debugDescription)")
            case .valueNotFound(_, let context): (context.codingPath, "нет значения: \(context.debugDescription)")
            case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
            @unknown default: ([], "не удалось разобрать")
            }
        var node: Node? = root
        var lastFound: Node = root
        var lastKeyNode: Node?
        var dotted = ""
        for key in codingPath {
            lastKeyNode = nil
            if let index = key.intValue, let sequence = node?.sequence, index < sequence.count {
                node = sequence[sequence.index(sequence.startIndex, offsetBy: index)]
                dotted += "[\(index)]"
            } else if let mapping = node?.mapping {
                // Prefer the key node itself, so an unknown key points at the key.
                lastKeyNode = mapping.keys.first { $0.string == key.stringValue }
                node = mapping[key.stringValue]
                dotted += dotted.isEmpty ? key.stringValue : ".\(key.stringValue)"
            } else {
                dotted += dotted.isEmpty ? key.stringValue : ".\(key.stringValue)"
                node = nil
            }
            if let node { lastFound = node }
        }
        // An unknown or misspelled key is reported at the key itself, not at its value.
        let mark = (lastKeyNode ?? lastFound).mark
        let location = SourceLocation(path: path, line: mark.map(\.line), column: mark.map(\.column))
        return LocatedFailure.configuration(
            location: location,
            message: dotted.isEmpty ? message : "\(dotted): \(message)"
        )
    }
}

// MARK: - Config/life-situations.yaml

extension ConfigurationLoader {
    /// One step of a path into a YAML document.
    private enum YAMLStep {
        /// The value under a mapping key.
        case key(String)
        /// The key node itself (to point at a misspelled key).
        case keyNode(String)
        /// An item of a sequence.
        case index(Int)
    }

    /// Decodes `life-situations.yaml` when present and checks its meaning; every problem is reported with its line.
    private func decodeLifeSituations(in directory: URL, errors: inout [LocatedFailure]) -> LifeSituationCatalog? {
        guard
            let document: (value: LifeSituationCatalog, node: Node, path: String) = decodeDocument(
                "life-situations.yaml",
                in: directory,
                optional: true,
                errors: &errors
            )
        else { return nil }
        errors += Self.validate(document.value, node: document.node, path: document.path)
        return document.value
    }

    /// The checks the decoder cannot make: unique ids, known stage ids, non-empty names and keyword lists, keywords
    /// that survive stop-word removal, service ids and categories claimed by one situation only.
    static func validate(_ catalog: LifeSituationCatalog, node: Node, path: String) -> [LocatedFailure] {
        var errors: [LocatedFailure] = []
        func report(_ steps: [YAMLStep], _ message: String) {
            errors.append(
                LocatedFailure.configuration(
                    location: location(steps, in: node, path: path),
                    message: "\(dotted(steps)): \(message)"
                )
            )
        }
        func checkKeywords(_ keywords: [String], at steps: [YAMLStep]) {
            for (index, keyword) in keywords.enumerated() where KeywordAnalyzer.keywordStems(keyword).isEmpty {
                report(
                    steps + [.index(index)],
                    keyword.trimmingCharacters(in: .whitespaces).isEmpty
                        ? "пустое ключевое слово"
                        : "«\(keyword)» состоит только из стоп-слов и отрицаний и ничего не найдёт; уточните фразу"
                )
            }
        }
        if catalog.stages.isEmpty { report([.key("stages")], "нужен хотя бы один этап") }
        checkKeywords(catalog.offTopicKeywords, at: [.key("off_topic_keywords")])
        var stageIDs: [String] = []
        for (index, stage) in catalog.stages.enumerated() {
            let at: [YAMLStep] = [.key("stages"), .index(index)]
            if stage.id.isEmpty { report(at + [.key("id")], "пустой id этапа") }
            if stageIDs.contains(stage.id) { report(at + [.key("id")], "этап «\(stage.id)» повторяется") }
            stageIDs.append(stage.id)
            if stage.name.trimmingCharacters(in: .whitespaces).isEmpty {
                report(at + [.key("name")], "пустое название этапа")
            }
            if stage.keywords.isEmpty {
                report(at + [.key("keywords")], "у этапа нет ключевых слов; текст не сможет указать на него")
            }
            checkKeywords(stage.keywords, at: at + [.key("keywords")])
        }
        let known = stageIDs.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: ", ")
        if !stageIDs.isEmpty, !stageIDs.contains(catalog.defaultStage) {
            report([.key("default_stage")], "этап «\(catalog.defaultStage)» не описан в stages; допустимые: \(known)")
        }
        for criterion in RatingCriterion.allCases {
            for (index, id) in (catalog.criteria[criterion] ?? []).enumerated() where !stageIDs.contains(id) {
                report(
                    [.key("criteria"), .key(criterion.rawValue), .index(index)],
                    "этап «\(id)» не описан в stages; допустимые: \(known)"
                )
            }
        }
        var situationIDs = Set<String>()
        var serviceOwners: [String: String] = [:]
        var categoryOwners: [String: String] = [:]
        for (index, situation) in catalog.situations.enumerated() {
            let at: [YAMLStep] = [.key("situations"), .index(index)]
            if situation.id.isEmpty
                || !situation.id.unicodeScalars.allSatisfy({
                    ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                })
            {
                report(at + [.key("id")], "id «\(situation.id)» должен состоять из латинских строчных букв, цифр и «_»")
            }
            if !situationIDs.insert(situation.id).inserted {
                report(at + [.key("id")], "ситуация «\(situation.id)» повторяется")
            }
            if situation.name.trimmingCharacters(in: .whitespaces).isEmpty {
                report(at + [.key("name")], "пустое название ситуации")
            }
            for (aliasIndex, alias) in situation.aliases.enumerated()
            where alias.trimmingCharacters(in: .whitespaces).isEmpty {
                report(at + [.key("aliases"), .index(aliasIndex)], "пустой синоним")
            }
            checkKeywords(situation.aliases, at: at + [.key("aliases")])
            checkKeywords(situation.keywords, at: at + [.key("keywords")])
            checkKeywords(situation.relatedKeywords, at: at + [.key("related_keywords")])
            for (serviceIndex, service) in situation.services.enumerated() {
                let serviceAt = at + [.key("services"), .index(serviceIndex)]
                let id = service.id.trimmingCharacters(in: .whitespaces)
                if service.system.trimmingCharacters(in: .whitespaces).isEmpty {
                    report(serviceAt + [.key("system")], "пустой реестр услуги")
                }
                if id.isEmpty {
                    report(serviceAt + [.key("id")], "пустой id услуги")
                } else if let owner = serviceOwners[id], owner != situation.id {
                    report(
                        serviceAt + [.key("id")],
                        "услуга «\(id)» уже отнесена к ситуации «\(owner)»; одна услуга — одна ситуация"
                    )
                } else {
                    serviceOwners[id] = situation.id
                }
            }
            for (categoryIndex, category) in situation.categories.enumerated() {
                let key = category.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                    .joined(separator: "/")
                if key.split(separator: "/").contains(where: \.isEmpty) || key.isEmpty {
                    report(at + [.key("categories"), .index(categoryIndex)], "пустая категория")
                } else if let owner = categoryOwners[key], owner != situation.id {
                    report(
                        at + [.key("categories"), .index(categoryIndex)],
                        "категория «\(category)» уже отнесена к ситуации «\(owner)»"
                    )
                } else {
                    categoryOwners[key] = situation.id
                }
            }
            for (codeIndex, code) in situation.categoryCodes.enumerated() {
                let levels = code.split(separator: ".", omittingEmptySubsequences: false)
                if levels.isEmpty || levels.contains(where: { $0.isEmpty || !$0.allSatisfy(\.isNumber) }) {
                    report(
                        at + [.key("category_codes"), .index(codeIndex)],
                        "код «\(code)» должен состоять из уровней цифр через точку, например 0002.0013.0144"
                    )
                }
            }
            var ownStages = stageIDs
            if case .explicit(let items) = situation.stages {
                ownStages = []
                if items.isEmpty { report(at + [.key("stages")], "пустой список этапов; напишите stages: default") }
                for (itemIndex, item) in items.enumerated() {
                    let itemAt = at + [.key("stages"), .index(itemIndex)]
                    if !stageIDs.contains(item.id) {
                        report(itemAt, "этап «\(item.id)» не описан в stages; допустимые: \(known)")
                    } else if ownStages.contains(item.id) {
                        report(itemAt, "этап «\(item.id)» повторяется")
                    }
                    ownStages.append(item.id)
                    if let name = item.name, name.trimmingCharacters(in: .whitespaces).isEmpty {
                        report(itemAt, "пустое название этапа")
                    }
                    if let keywords = item.keywords {
                        if keywords.isEmpty {
                            report(itemAt, "пустой список keywords; уберите ключ, чтобы взять слова этапа по умолчанию")
                        }
                        checkKeywords(keywords, at: itemAt + [.key("keywords")])
                    }
                }
            }
            for stageID in situation.stageKeywords.keys.sorted() {
                let keyAt = at + [.key("stage_keywords"), .keyNode(stageID)]
                if !ownStages.contains(stageID) {
                    report(
                        keyAt,
                        "этап «\(stageID)» не входит в этапы ситуации; допустимые: \(ownStages.joined(separator: ", "))"
                    )
                }
                checkKeywords(situation.stageKeywords[stageID] ?? [], at: at + [.key("stage_keywords"), .key(stageID)])
            }
        }
        func position(_ error: LocatedFailure) -> (Int, Int) {
            (error.location?.line ?? 0, error.location?.column ?? 0)
        }
        return errors.sorted { position($0) < position($1) }
    }

    /// `situations[2].stage_keywords.revew`.
    private static func dotted(_ steps: [YAMLStep]) -> String {
        var text = ""
        for step in steps {
            switch step {
            case .index(let index): text += "[\(index)]"
            case .key(let key), .keyNode(let key): text += text.isEmpty ? key : ".\(key)"
            }
        }
        return text
    }

    /// The line and column of the node a path leads to, or of the deepest node found on the way.
    private static func location(_ steps: [YAMLStep], in root: Node, path: String) -> SourceLocation {
        var node: Node? = root
        var mark = root.mark
        for step in steps {
            switch step {
            case .key(let key):
                node = node?.mapping?[key]
            case .keyNode(let key):
                node = node?.mapping?.keys.first { $0.string == key }
            case .index(let index):
                if let sequence = node?.sequence, index < sequence.count {
                    node = sequence[sequence.index(sequence.startIndex, offsetBy: index)]
                } else {
                    node = nil
                }
            }
            guard let found = node else { break }
            mark = found.mark
        }
        return SourceLocation(path: path, line: mark.map(\.line), column: mark.map(\.column))
    }
}
