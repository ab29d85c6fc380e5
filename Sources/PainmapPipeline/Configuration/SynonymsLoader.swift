public import Foundation
public import PainmapClustering
import PainmapCore
import Yams

/// Loads `Config/synonyms.yaml`: domain synonyms and abbreviations clustering counts as one term, and words and
/// phrases it ignores (``PainmapClustering/TermSynonyms``).
///
/// The file has two keys, both optional:
/// ```yaml
/// synonyms:                      # each list: phrases meaning one thing; the first names the term in keywords
///   - [управляющая компания, ук, управляйка]
/// ignore: [nbsp, br, с уважением]  # dropped wherever they occur
/// ```
public struct SynonymsLoader: Sendable {
    /// The file's name inside a configuration directory.
    public static let fileName = "synonyms.yaml"

    /// Creates a loader.
    public init() {}

    private struct File: Decodable {
        var synonyms: [[String]]?
        var ignore: [String]?
        enum CodingKeys: String, CodingKey, CaseIterable { case synonyms, ignore }
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let keys = try decoder.container(keyedBy: CodingKeys.self)
            synonyms = try keys.decodeIfPresent([[String]].self, forKey: .synonyms)
            ignore = try keys.decodeIfPresent([String].self, forKey: .ignore)
        }
    }

    /// Reads and analyzes a synonyms file.
    ///
    /// - Parameter url: The YAML file.
    /// - Returns: The table (empty for an empty file).
    /// - Throws: ``PainmapCore/LocatedFailure`` when the file cannot be read, is not UTF-8 or YAML, or has another
    ///   shape (with its line and column).
    public func load(_ url: URL) throws -> TermSynonyms {
        let path = url.path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LocatedFailure.configuration(location: SourceLocation(path: path), message: "файл не читается")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LocatedFailure.configuration(location: SourceLocation(path: path), message: "файл не в UTF-8")
        }
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else { return .none }
            node = composed
        } catch {
            throw LocatedFailure.configuration(
                location: SourceLocation(path: path),
                message: "синтаксическая ошибка YAML: \(error)"
            )
        }
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: node)
        } catch let error as DecodingError {
            throw ConfigurationLoader.locate(error, in: node, path: path)
        }
        return TermSynonyms(groups: file.synonyms ?? [], ignoredWords: file.ignore ?? [])
    }
}
