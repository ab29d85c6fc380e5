import Foundation
import PainmapCore
import PainmapPipeline
import PainmapTestSupport
import Testing

private let root = RepositoryRoot.url

/// A configuration directory with the repository's files and the given `life-situations.yaml` (none when `nil`).
private func configDirectory(lifeSituations: String?) throws -> URL {
    let directory = TemporaryDirectory.url("ls-config")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for name in ["feeds.yaml", "regions.yaml", "surveys.yaml", "mkgu-forms.yaml"] {
        try FileManager.default.copyItem(
            at: root.appendingPathComponent("Config/\(name)"),
            to: directory.appendingPathComponent(name)
        )
    }
    if let lifeSituations {
        try Data(lifeSituations.utf8).write(to: directory.appendingPathComponent("life-situations.yaml"))
    }
    return directory
}

/// The errors loading a directory reports, as `line:column message` (path left out: it is a temporary directory).
private func errors(loading directory: URL) -> [String] {
    do {
        _ = try ConfigurationLoader().load(directory: directory)
        return []
    } catch let failure as ConfigurationErrors {
        return failure.errors.filter { $0.location?.path.hasSuffix("life-situations.yaml") == true }.map {
            "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)"
        }
    } catch {
        return ["unexpected \(error)"]
    }
}

private let stages = """
    stages:
      - {id: informing, name: Информирование, keywords: [подскажите]}
      - {id: review, name: Рассмотрение, keywords: [долго]}
      - {id: result, name: Получение результата, keywords: [отказали]}
    criteria:
      time: [review, result]
    default_stage: review

    """

@Suite struct LifeSituationConfigTests {
    @Test func theShippedFileLoadsAndCoversEverySampleService() throws {
        let configuration = try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
        let catalog = configuration.lifeSituations
        #expect(catalog.stages.map(\.id) == ["informing", "booking", "submission", "review", "result", "appeal"])
        #expect(catalog.stages.allSatisfy { !$0.keywords.isEmpty })
        let expected = [
            "kindergarten", "extracurricular", "housing", "disability", "targeted_help", "job_search", "large_family",
        ]
        #expect(catalog.situations.map(\.id) == expected)
        // Every ФРГУ service of SampleFeeds/manifest.json is linked to the situation the manifest names.
        struct Manifest: Decodable {
            struct Service: Decodable {
                var frguID: String
                var situationID: String
            }
            var services: [Service]
        }
        let manifest = try JSONDecoder().decode(
            Manifest.self,
            from: Data(contentsOf: root.appendingPathComponent("SampleFeeds/manifest.json"))
        )
        #expect(manifest.services.count == 15)
        for service in manifest.services {
            let owner = catalog.situations.first { $0.services.contains { $0.id == service.frguID } }
            #expect(owner?.id == service.situationID, "\(service.frguID)")
        }
    }

    @Test func withoutTheFileTheCatalogIsEmpty() throws {
        let configuration = try ConfigurationLoader().load(directory: try configDirectory(lifeSituations: nil))
        #expect(configuration.lifeSituations.isEmpty)
    }

    @Test func aMisspelledKeyIsReportedAtItsLineWithTheNearestKnownKey() throws {
        let yaml =
            stages + """
                situations:
                  - id: kindergarten
                    name: Оформление в детский сад
                    keywrds: [садик]
                """
        let found = errors(loading: try configDirectory(lifeSituations: yaml))
        #expect(found.count == 1)
        let error = try #require(found.first)
        #expect(
            error.hasPrefix(
                "11:5 situations[0].keywrds: неизвестный ключ «keywrds»; возможно, имелось в виду «keywords»"
            ),
            "\(error)"
        )
    }

    @Test func anUnknownCriterionIsReportedAtItsLine() throws {
        let yaml = """
            stages:
              - {id: review, name: Рассмотрение, keywords: [долго]}
            criteria:
              speed: [review]
            default_stage: review
            situations: []
            """
        let found = errors(loading: try configDirectory(lifeSituations: yaml))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("4:3 criteria.speed: неизвестный критерий «speed»") == true, "\(found)")
    }

    @Test func everyMeaningProblemIsReportedAtOnceWithItsLine() throws {
        let yaml = """
            stages:
              - {id: informing, name: Информирование, keywords: [подскажите]}
              - {id: review, name: Рассмотрение, keywords: []}
              - {id: review, name: " ", keywords: [и в на]}
            criteria:
              time: [review, result]
            default_stage: waiting
            situations:
              - id: kindergarten
                name: Оформление в детский сад
                services: [{system: frgu, id: "10001720101"}]
                stages: [informing, decision]
                stage_keywords: {review: [очередь стоит]}
              - id: kindergarten
                name: ""
                categories: [Дошкольное образование, Дошкольное образование]
                category_codes: ["0002.13a"]
              - id: Housing
                name: ЖКХ
                keywords: [нет, ""]
                services: [{system: frgu, id: "10001720101"}]
                categories: [Дошкольное образование]
            """
        let found = errors(loading: try configDirectory(lifeSituations: yaml))
        let expected = [
            "3:48 stages[1].keywords: у этапа нет ключевых слов; текст не сможет указать на него",
            "4:10 stages[2].id: этап «review» повторяется",
            "4:24 stages[2].name: пустое название этапа",
            "4:40 stages[2].keywords[0]: «и в на» состоит только из стоп-слов и отрицаний и ничего не найдёт; уточните фразу",
            "6:18 criteria.time[1]: этап «result» не описан в stages; допустимые: informing, review",
            "7:16 default_stage: этап «waiting» не описан в stages; допустимые: informing, review",
            "12:25 situations[0].stages[1]: этап «decision» не описан в stages; допустимые: informing, review",
            "13:22 situations[0].stage_keywords.review: этап «review» не входит в этапы ситуации; допустимые: informing, decision",
            "14:9 situations[1].id: ситуация «kindergarten» повторяется",
            "15:11 situations[1].name: пустое название ситуации",
            "17:22 situations[1].category_codes[0]: код «0002.13a» должен состоять из уровней цифр через точку, например 0002.0013.0144",
            "18:9 situations[2].id: id «Housing» должен состоять из латинских строчных букв, цифр и «_»",
            "20:16 situations[2].keywords[0]: «нет» состоит только из стоп-слов и отрицаний и ничего не найдёт; уточните фразу",
            "20:21 situations[2].keywords[1]: пустое ключевое слово",
            "21:35 situations[2].services[0].id: услуга «10001720101» уже отнесена к ситуации «kindergarten»; одна услуга — одна ситуация",
            "22:18 situations[2].categories[0]: категория «Дошкольное образование» уже отнесена к ситуации «kindergarten»",
        ]
        for line in expected { #expect(found.contains(line), "missing: \(line); found: \(found)") }
        #expect(found.count == expected.count, "\(found)")
    }
}
