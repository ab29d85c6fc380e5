import Foundation
import PainmapCore
import Testing

/// The catalog decodes from any `Decoder`; the YAML loader composes a node first, these tests use JSON.
private func decode(_ json: String) throws -> LifeSituationCatalog {
    try JSONDecoder().decode(LifeSituationCatalog.self, from: Data(json.utf8))
}

private let stagesJSON = """
    "stages": [
        {"id": "informing", "name": "Информирование", "keywords": ["подскажите"]},
        {"id": "review", "name": "Рассмотрение", "keywords": ["долго"]},
        {"id": "result", "name": "Получение результата", "keywords": ["отказали"]}
    ],
    "default_stage": "review"
    """

@Suite struct LifeSituationCatalogTests {
    @Test func defaultsApplyWhereTheFileIsSilent() throws {
        let catalog = try decode("{\(stagesJSON), \"situations\": [{\"id\": \"housing\", \"name\": \"ЖКХ\"}]}")
        #expect(catalog.criteria == LifeSituationCatalog.defaultCriteria)
        #expect(catalog.scoring == LifeSituationScoring(minimumScore: 2, minimumMargin: 1))
        let housing = try #require(catalog.situation(id: "housing"))
        #expect(housing.stages == .default && housing.keywords.isEmpty && housing.services.isEmpty)
        #expect(catalog.stages(for: housing).map(\.id) == ["informing", "review", "result"])
    }

    @Test func anExplicitStageListOverridesNamesAndKeywordsAndAddsStageKeywords() throws {
        let catalog = try decode(
            """
            {\(stagesJSON), "situations": [{
                "id": "kindergarten", "name": "Оформление в детский сад",
                "stages": ["informing", {"id": "result", "name": "Зачисление", "keywords": ["комплектование"]}],
                "stage_keywords": {"informing": ["статус заявления"]}
            }]}
            """
        )
        let situation = try #require(catalog.situation(id: "kindergarten"))
        let stages = catalog.stages(for: situation)
        #expect(stages.map(\.id) == ["informing", "result"])
        #expect(stages[0].keywords == ["подскажите", "статус заявления"])
        #expect(stages[1].name == "Зачисление" && stages[1].keywords == ["комплектование"])
        // An unassigned record uses the default stages unchanged.
        #expect(catalog.stages(for: nil).map(\.keywords) == [["подскажите"], ["долго"], ["отказали"]])
    }

    @Test func criteriaAreReadByName() throws {
        let catalog = try decode(
            "{\(stagesJSON), \"criteria\": {\"time\": [\"result\"], \"queue\": []}, \"situations\": []}"
        )
        #expect(catalog.criteria == [.time: ["result"], .queue: []])
    }

    @Test func aMisspelledKeyIsRejectedNamingTheNearestOne() throws {
        do {
            _ = try decode(
                "{\(stagesJSON), \"situations\": [{\"id\": \"housing\", \"name\": \"ЖКХ\", \"related_keyword\": [\"вода\"]}]}"
            )
            Issue.record("decoding should fail")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.map(\.stringValue).suffix(1) == ["related_keyword"])
            #expect(context.debugDescription.contains("возможно, имелось в виду «related_keywords»"))
        }
    }

    @Test(arguments: [
        ("\"stages\": \"custom\"", "ожидается «default» или список этапов"),
        ("\"services\": [{\"system\": \"frgu\", \"id\": \"1\", \"url\": \"x\"}]", "неизвестный ключ «url»"),
    ])
    func malformedSituationFieldsAreRejected(_ field: String, _ message: String) throws {
        do {
            _ = try decode("{\(stagesJSON), \"situations\": [{\"id\": \"housing\", \"name\": \"ЖКХ\", \(field)}]}")
            Issue.record("decoding should fail")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription.contains(message), "\(context.debugDescription)")
        }
    }

    @Test func aZeroMarginIsRejectedBecauseATieWouldAssign() throws {
        #expect(throws: DecodingError.self) {
            _ = try decode("{\(stagesJSON), \"scoring\": {\"min_margin\": 0}, \"situations\": []}")
        }
    }

    @Test func anUnknownCriterionIsRejected() throws {
        do {
            _ = try decode("{\(stagesJSON), \"criteria\": {\"speed\": [\"review\"]}, \"situations\": []}")
            Issue.record("decoding should fail")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.map(\.stringValue) == ["criteria", "speed"])
        }
    }

    @Test func encodingRoundTripsSoTheDigestIsStable() throws {
        let catalog = try decode(
            """
            {\(stagesJSON), "criteria": {"time": ["review", "result"]}, "scoring": {"min_score": 3},
             "situations": [{"id": "kindergarten", "name": "Сад", "aliases": ["садик"], "keywords": ["ДОУ"],
                             "related_keywords": ["сад"], "services": [{"system": "frgu", "id": "10001720101"}],
                             "categories": ["Дошкольное образование"], "category_codes": ["0002.0013.0144"],
                             "stages": ["review"], "stage_keywords": {"review": ["очередь"]}}]}
            """
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(catalog)
        #expect(try JSONDecoder().decode(LifeSituationCatalog.self, from: data) == catalog)
        #expect(try encoder.encode(try JSONDecoder().decode(LifeSituationCatalog.self, from: data)) == data)
    }
}
