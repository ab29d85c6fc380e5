import Foundation
import PainmapClustering
import PainmapCore
import Testing

/// A small catalog in the shape of `Config/life-situations.yaml`, written out so each test shows what it relies on.
private let defaultStages = [
    LifeSituationStage(id: "informing", name: "Информирование", keywords: ["подскажите", "непонятно", "не сообщили"]),
    LifeSituationStage(
        id: "booking",
        name: "Запись / обращение",
        keywords: ["записаться", "не дозвониться", "очередь в МФЦ"]
    ),
    LifeSituationStage(
        id: "submission",
        name: "Подача заявления и документов",
        keywords: ["подать заявление", "справка", "не отправляется"]
    ),
    LifeSituationStage(id: "review", name: "Рассмотрение", keywords: ["рассмотрение", "долго", "до сих пор"]),
    LifeSituationStage(id: "result", name: "Получение результата", keywords: ["отказали", "выплата", "не пришла"]),
    LifeSituationStage(id: "appeal", name: "После услуги / обжалование", keywords: ["обжаловать", "в суд"]),
]

private let kindergarten = LifeSituation(
    id: "kindergarten",
    name: "Оформление в детский сад",
    aliases: ["детский сад"],
    keywords: ["садик", "комплектование", "очередь в сад"],
    relatedKeywords: ["сад", "очередник"],
    services: [LifeSituationService(system: "frgu", id: "10001720101", name: "Зачисление детей в детские сады")],
    categories: ["Дошкольное образование", "Образование / Электронная очередь"],
    categoryCodes: ["0002.0013.0144"],
    stageKeywords: ["review": ["очередь не движется"], "result": ["комплектование"]]
)

private let housing = LifeSituation(
    id: "housing",
    name: "Управление многоквартирным домом",
    aliases: ["ЖКХ"],
    keywords: ["УК", "протечка", "отопление", "квитанция", "капремонт"],
    relatedKeywords: ["вода", "ремонт"],
    services: [LifeSituationService(system: "frgu", id: "10001720301")],
    categories: ["ЖКХ", "Теплоснабжение"],
    categoryCodes: ["0005.0005.0056"]
)

private let largeFamily = LifeSituation(
    id: "large_family",
    name: "Многодетная семья",
    aliases: ["многодетная семья"],
    keywords: ["многодетные", "удостоверение многодетной семьи"],
    relatedKeywords: ["участок", "удостоверение"],
    services: [LifeSituationService(system: "frgu", id: "10001720701")],
    categories: ["Удостоверение многодетной семьи"],
    stages: .explicit([.init(id: "submission"), .init(id: "result", name: "Выдача удостоверения"), .init(id: "appeal")])
)

private let catalog = LifeSituationCatalog(
    stages: defaultStages,
    defaultStage: "review",
    situations: [kindergarten, housing, largeFamily]
)

private func record(
    _ text: String,
    source: SourceKind = .pos,
    category: String? = nil,
    subcategory: String? = nil,
    code: String? = nil,
    service: String? = nil,
    serviceName: String? = nil,
    hint: String? = nil,
    ratings: [(RatingCriterion, Int)] = []
) throws -> FeedbackRecord {
    var record = FeedbackRecord(
        source: source,
        feed: "test",
        receivedAt: Date(timeIntervalSince1970: 1_782_000_000),
        region: "54",
        regionRaw: "50",
        regionCodeSystem: .okato,
        quarter: try #require(Quarter("2026Q3")),
        text: text
    )
    record.categoryRaw = category
    record.subcategoryRaw = subcategory
    record.categoryCode = code
    record.serviceID = service
    record.serviceName = serviceName
    record.lifeSituationHint = hint
    record.ratings = try ratings.map { try #require(CriterionScore(criterion: $0.0, score: $0.1)) }
    return record
}

@Suite struct LifeSituationClassifierTests {
    let classifier = LifeSituationClassifier(catalog: catalog)

    // MARK: Precedence: survey hint → service → category → keywords → none

    @Test func serviceIDWinsOverContradictingKeywordsAndCategory() throws {
        // The text is all about a leaking roof and the category says ЖКХ, but the service is the kindergarten one.
        let result = classifier.classify(
            try record(
                "Протечка кровли, УК не реагирует, квитанция завышена",
                source: .portal,
                category: "ЖКХ",
                service: "10001720101"
            )
        )
        #expect(result.lifeSituation == "kindergarten")
        #expect(result.rule == .service)
        #expect(result.evidence == "услуга frgu 10001720101")
    }

    @Test func surveyHintWinsOverService() throws {
        let result = classifier.classify(
            try record("", source: .survey, service: "10001720301", hint: "  ОФОРМЛЕНИЕ в детский сад. ")
        )
        #expect(result.lifeSituation == "kindergarten")
        #expect(result.rule == .surveyHint)
        #expect(result.evidence == "анкета: «Оформление в детский сад»")
    }

    @Test func anUnknownSurveyHintFallsThroughToTheNextRule() throws {
        let result = classifier.classify(
            try record("", source: .survey, serviceName: "зачисление детей в ДЕТСКИЕ сады", hint: "Переезд")
        )
        #expect(result.lifeSituation == "kindergarten")
        #expect(result.rule == .service)
        #expect(result.evidence.contains("по названию"))
    }

    @Test func categoryWinsOverContradictingKeywords() throws {
        let result = classifier.classify(
            try record("Садик не дают, очередь в сад стоит", category: "ЖКХ", subcategory: "Прочее")
        )
        #expect(result.lifeSituation == "housing")
        #expect(result.rule == .category)
        #expect(result.evidence == "категория «ЖКХ»")
    }

    @Test func subcategoryBeatsCategoryAndPairsBeatBoth() throws {
        let sub = classifier.classify(
            try record("текст", category: "ЖКХ", subcategory: "Удостоверение многодетной семьи")
        )
        #expect(sub.lifeSituation == "large_family" && sub.rule == .category)
        let pair = classifier.classify(try record("текст", category: "Образование", subcategory: "Электронная очередь"))
        #expect(
            pair.lifeSituation == "kindergarten" && pair.evidence == "категория «Образование / Электронная очередь»"
        )
        // The subcategory alone is not configured: an electronic queue exists in every МФЦ.
        let alone = classifier.classify(try record("текст", category: "МФЦ", subcategory: "Электронная очередь"))
        #expect(alone.lifeSituation == nil && alone.rule == .unassigned)
    }

    @Test func totkCodesMatchOnWholeLevelsAndTheLongestPrefix() throws {
        let hit = classifier.classify(try record("текст", source: .site, code: "0002.0013.0144.0447"))
        #expect(hit.lifeSituation == "kindergarten" && hit.evidence == "ТОТК 0002.0013.0144")
        // 0002.0013.01440 shares the characters but not the level.
        let miss = classifier.classify(try record("текст", source: .site, code: "0002.0013.01440.0447"))
        #expect(miss.lifeSituation == nil)
    }

    @Test func keywordsDecideWhenNoStrongerSignalExists() throws {
        let result = classifier.classify(try record("Очередь в садик не движется уже год, мы очередники с рождения"))
        #expect(result.lifeSituation == "kindergarten")
        #expect(result.rule == .keywords)
        #expect(result.evidence.hasPrefix("ключевые слова: садик"))
        #expect(result.evidence.contains("очередник"))
    }

    // MARK: Unassigned stays unassigned

    @Test(arguments: [
        "ЯМЫ на дороге, когда отремонтируют? Пробил колесо.",
        "спасибо всё решили",
        "тест",
        "",
        "Верните маршрутку 32, людям не на чем ездить на работу!",
    ])
    func noiseStaysUnassigned(_ text: String) throws {
        let result = classifier.classify(try record(text, category: "Прочее", subcategory: "Прочее"))
        #expect(result.lifeSituation == nil)
        #expect(result.rule == .unassigned)
        #expect(!result.evidence.isEmpty)
        #expect(!result.stage.isEmpty)
    }

    @Test func oneRelatedWordIsNotEnough() throws {
        let result = classifier.classify(try record("Нет воды"))
        #expect(result.lifeSituation == nil)
        #expect(result.evidence == "мало признаков: housing 1 < 2 (вода)")
    }

    @Test func aTieLeavesTheRecordUnassigned() throws {
        // One keyword each for kindergarten and housing: a tie is not forced either way.
        let result = classifier.classify(try record("Садик закрыли на капремонт"))
        #expect(result.lifeSituation == nil)
        #expect(result.rule == .unassigned)
        #expect(result.evidence == "ничья: kindergarten 2, housing 2")
    }

    @Test func anAmbiguousCategoryFallsThroughToKeywords() throws {
        var twoOwners = catalog
        twoOwners.situations[2].categories.append("ЖКХ")  // validation would refuse this; the classifier must not guess
        let classifier = LifeSituationClassifier(catalog: twoOwners)
        let result = classifier.classify(try record("Протечка в подъезде, УК не отвечает", category: "ЖКХ"))
        #expect(result.lifeSituation == "housing" && result.rule == .keywords)
        #expect(result.evidence.hasPrefix("категория неоднозначна (housing, large_family); ключевые слова"))
    }

    @Test func anEmptyCatalogAssignsNothing() throws {
        let empty = LifeSituationClassifier(
            catalog: LifeSituationCatalog(stages: defaultStages, defaultStage: "review", situations: [])
        )
        let result = empty.classify(try record("Очередь в садик не движется", service: "10001720101"))
        #expect(result.lifeSituation == nil && result.stage == "review" && result.stageRule == .default)
    }

    // MARK: Stages

    @Test func aLowCriterionWithOneStageGivesThatStage() throws {
        let result = classifier.classify(
            try record(
                "",
                source: .portal,
                service: "10001720301",
                ratings: [(.queue, 1), (.time, 4), (.information, 2)]
            )
        )
        #expect(result.stage == "booking")
        #expect(result.stageRule == .criteria)
        #expect(result.stageEvidence == "оценки: queue=1")
    }

    @Test func textDecidesBetweenTheStagesOfTime() throws {
        let review = classifier.classify(
            try record("Рассмотрение идёт до сих пор", source: .portal, service: "10001720301", ratings: [(.time, 1)])
        )
        #expect(review.stage == "review" && review.stageRule == .criteriaText)
        let result = classifier.classify(
            try record("Отказали без причины", source: .portal, service: "10001720301", ratings: [(.time, 1)])
        )
        #expect(result.stage == "result" && result.stageRule == .criteriaText)
        #expect(result.stageEvidence == "оценки: time=1; слова: отказали")
        let silent = classifier.classify(
            try record("Всё плохо", source: .portal, service: "10001720301", ratings: [(.time, 2)])
        )
        #expect(silent.stage == "review" && silent.stageRule == .criteria)
    }

    @Test func politenessIsPlacedByText() throws {
        let booking = classifier.classify(
            try record(
                "Хамят по телефону, не дозвониться",
                source: .portal,
                service: "10001720301",
                ratings: [(.politeness, 1)]
            )
        )
        #expect(booking.stage == "booking" && booking.stageRule == .criteriaText)
        let silent = classifier.classify(
            try record("Хамят", source: .portal, service: "10001720301", ratings: [(.politeness, 1)])
        )
        #expect(silent.stage == "submission" && silent.stageRule == .criteria)
    }

    @Test func textNamingAnotherStageOverridesTheScores() throws {
        let result = classifier.classify(
            try record(
                "Отказали в приёме, буду обжаловать в суд",
                source: .portal,
                service: "10001720301",
                ratings: [(.information, 1)]
            )
        )
        #expect(result.stage == "appeal")
        #expect(result.stageRule == .text)
    }

    @Test func stageKeywordsOfTheSituationCount() throws {
        let result = classifier.classify(try record("Прошло комплектование, садик так и не дали"))
        #expect(result.lifeSituation == "kindergarten")
        #expect(result.stage == "result")
        #expect(result.stageEvidence == "слова: комплектование")
    }

    @Test func onATieTheLaterStageWins() throws {
        // «долго» (review) and «отказали» (result) score one word each.
        let result = classifier.classify(try record("Долго тянули, потом отказали. Садик"))
        #expect(result.stage == "result")
    }

    @Test func nothingPointingAtAStageGivesTheDefault() throws {
        let result = classifier.classify(try record("Садик у дома закрыт", ratings: [(.overall, 1)]))
        #expect(result.stage == "review" && result.stageRule == .default)
        #expect(result.stageEvidence == "нет признаков этапа")
    }

    @Test func anExplicitStageListLimitsTheStages() throws {
        // large_family has no review stage: the default stage is not available, so the first listed one is taken.
        let fallback = classifier.classify(try record("Многодетные ждут", service: "10001720701"))
        #expect(fallback.stage == "submission" && fallback.stageRule == .default)
        // «долго» points at review, which large_family does not use; time's other stage, result, remains.
        let time = classifier.classify(try record("Долго", service: "10001720701", ratings: [(.time, 1)]))
        #expect(time.stage == "result" && time.stageRule == .criteria)
    }

    // MARK: Evidence, determinism, digest

    @Test func evidenceNamesConfiguredTermsNeverTheText() throws {
        let text = "Садик! Иванов Иван, тел. 89991234567, ул. Ленина 5: очередь в сад стоит, комплектование прошло"
        let result = classifier.classify(try record(text))
        #expect(result.lifeSituation == "kindergarten")
        for fragment in ["Иванов", "8999", "Ленина", "стоит"] {
            #expect(!result.evidence.contains(fragment) && !result.stageEvidence.contains(fragment))
        }
        #expect(result.evidence.count < 120)
    }

    @Test func theSameRecordAlwaysGetsTheSameClassification() throws {
        let records = try [
            record("Очередь в садик не движется"), record("Протечка, УК молчит", category: "ЖКХ"), record("тест"),
            record("", source: .portal, service: "10001720701", ratings: [(.time, 1), (.politeness, 1)]),
        ]
        let first = records.map { classifier.classify($0) }
        let again = LifeSituationClassifier(catalog: catalog)
        #expect(records.map { again.classify($0) } == first)
        #expect(again.configDigest == classifier.configDigest)
    }

    @Test func theDigestChangesWithTheConfigurationOnly() {
        var edited = catalog
        edited.situations[0].keywords.append("ясли")
        #expect(LifeSituationClassifier(catalog: edited).configDigest != classifier.configDigest)
        #expect(classifier.configDigest.count == 64)
        #expect(LifeSituationClassifier(catalog: catalog).configDigest == classifier.configDigest)
    }
}
