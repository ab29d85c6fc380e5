public import Foundation
public import PainmapCore
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
        var errors: [ConfigurationError] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigurationErrors([
                ConfigurationError(location: SourceLocation(path: directory.path), message: "каталог конфигурации не найден; укажите --config DIR")
            ])
        }
        let feedsFile: FeedsFile? = decode("feeds.yaml", in: directory, errors: &errors)
        let regionsFile: RegionsFile? = decode("regions.yaml", in: directory, errors: &errors)
        let surveysFile: SurveysFile? = decode("surveys.yaml", in: directory, optional: true, errors: &errors)
        let formsFile: FormsFile? = decode("mkgu-forms.yaml", in: directory, optional: true, errors: &errors)

        let feeds = feedsFile?.feeds ?? []
        let regions = regionsFile?.regions ?? []
        let feedsPath = display(directory.appendingPathComponent("feeds.yaml"))
        let regionsPath = display(directory.appendingPathComponent("regions.yaml"))
        var seen = Set<String>()
        for region in regions {
            if region.code.count != 2 || !region.code.allSatisfy(\.isNumber) {
                errors.append(ConfigurationError(location: SourceLocation(path: regionsPath), message: "код региона «\(region.code)» должен состоять из двух цифр ФИАС/КЛАДР"))
            }
            if !seen.insert(region.code).inserted {
                errors.append(ConfigurationError(location: SourceLocation(path: regionsPath), message: "код региона «\(region.code)» повторяется"))
            }
        }
        let questionnaires = Dictionary((surveysFile?.questionnaires ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let forms = Dictionary((formsFile?.forms ?? []).map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        var names = Set<String>()
        for (index, feed) in feeds.enumerated() {
            let location = SourceLocation(path: feedsPath)
            let label = "feeds[\(index)] «\(feed.name)»"
            if !names.insert(feed.name).inserted {
                errors.append(ConfigurationError(location: location, message: "\(label): имя макета повторяется"))
            }
            if let region = feed.fixedRegion, !seen.contains(region) {
                errors.append(ConfigurationError(location: location, message: "\(label): region «\(region)» нет в Config/regions.yaml"))
            }
            switch feed.kind {
            case .survey:
                if feed.questionnaire.flatMap({ questionnaires[$0] }) == nil {
                    errors.append(ConfigurationError(location: location, message: "\(label): анкета «\(feed.questionnaire ?? "")» не описана в Config/surveys.yaml"))
                }
            case .portal:
                if feed.format != .xml {
                    errors.append(ConfigurationError(location: location, message: "\(label): выгрузки «Ваш контроль» читаются только как format: xml"))
                }
                if forms.isEmpty {
                    errors.append(ConfigurationError(location: location, message: "\(label): нет ни одной формы в Config/mkgu-forms.yaml"))
                }
            case .pos, .site, .hotline:
                if feed.format == .xml {
                    errors.append(ConfigurationError(location: location, message: "\(label): format xml поддерживается только для portal"))
                }
                if feed.columns[.text] == nil {
                    errors.append(ConfigurationError(location: location, message: "\(label): в columns не задан text — столбец с текстом обращения"))
                }
            }
            if feed.kind != .portal {
                for field in [RecordField.receivedAt] where feed.columns[field] == nil {
                    errors.append(ConfigurationError(location: location, message: "\(label): в columns не задан \(field.rawValue)"))
                }
                if feed.columns[.region] == nil, feed.fixedRegion == nil {
                    errors.append(ConfigurationError(location: location, message: "\(label): задайте columns.region или постоянный region"))
                }
            }
        }
        if !errors.isEmpty { throw ConfigurationErrors(errors) }
        let rootPath = feedsFile?.root ?? ".."
        let root = URL(fileURLWithPath: rootPath, relativeTo: directory).standardizedFileURL
        return PainmapConfiguration(
            directory: directory, root: root, feeds: feeds, regions: RegionDirectory(regions: regions),
            questionnaires: questionnaires, ratingForms: forms)
    }

    private func display(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
    }

    private func decode<T: Decodable>(_ name: String, in directory: URL, optional: Bool = false, errors: inout [ConfigurationError]) -> T? {
        let url = directory.appendingPathComponent(name)
        let path = display(url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if !optional {
                errors.append(ConfigurationError(location: SourceLocation(path: path), message: "файл не найден"))
            }
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            errors.append(ConfigurationError(location: SourceLocation(path: path), message: "файл не в UTF-8"))
            return nil
        }
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                errors.append(ConfigurationError(location: SourceLocation(path: path), message: "файл пуст"))
                return nil
            }
            node = composed
        } catch let error as YamlError {
            errors.append(ConfigurationError(location: SourceLocation(path: path), message: "синтаксическая ошибка YAML: \(error)"))
            return nil
        } catch {
            errors.append(ConfigurationError(location: SourceLocation(path: path), message: "YAML не читается"))
            return nil
        }
        do {
            return try YAMLDecoder().decode(T.self, from: node)
        } catch let error as DecodingError {
            errors.append(ConfigurationLoader.locate(error, in: node, path: path))
            return nil
        } catch {
            errors.append(ConfigurationError(location: SourceLocation(path: path), message: "не удалось разобрать: \(error)"))
            return nil
        }
    }

    /// Maps a decoding error's coding path onto the YAML node's line and column.
    static func locate(_ error: DecodingError, in root: Node, path: String) -> ConfigurationError {
        let (codingPath, message): ([any CodingKey], String) =
            switch error {
            case .keyNotFound(let key, let context): (context.codingPath, "нет обязательного ключа «\(key.stringValue)»")
            case .typeMismatch(_, let context): (context.codingPath, "неверный тип значения: \(context.debugDescription)")
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
        return ConfigurationError(location: location, message: dotted.isEmpty ? message : "\(dotted): \(message)")
    }
}
