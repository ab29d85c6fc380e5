import Foundation
import PainmapClustering
import PainmapCore
import Testing

/// Two situations and an off-topic word, enough to show the learned rule and its limits.
private let learnedCatalog = LifeSituationCatalog(
    stages: [
        LifeSituationStage(id: "booking", name: "Запись", keywords: ["записаться"]),
        LifeSituationStage(id: "review", name: "Рассмотрение", keywords: ["рассмотрение"]),
        LifeSituationStage(id: "result", name: "Результат", keywords: ["отказали"]),
    ],
    criteria: [.queue: ["booking"], .time: ["review", "result"]],
    defaultStage: "review",
    situations: [
        LifeSituation(
            id: "housing",
            name: "Управление многоквартирным домом",
            keywords: ["управляйка"],
            relatedKeywords: ["дом"],
            categories: ["ЖКХ"]
        ),
        LifeSituation(
            id: "kindergarten",
            name: "Оформление в детский сад",
            keywords: ["садик"],
            relatedKeywords: ["дом"],
            categories: ["Дошкольное образование"]
        ),
    ],
    offTopicKeywords: ["поликлиника"]
)

private func record(
    _ text: String,
    category: String? = nil,
    ratings: [(RatingCriterion, Int)] = []
) throws -> FeedbackRecord {
    var record = FeedbackRecord(
        source: .pos,
        feed: "test",
        receivedAt: Date(timeIntervalSince1970: 1_782_000_000),
        region: "54",
        regionRaw: "50",
        regionCodeSystem: .okato,
        quarter: try #require(Quarter("2026Q3")),
        text: text
    )
    record.categoryRaw = category
    record.ratings = try ratings.map { try #require(CriterionScore(criterion: $0.0, score: $0.1)) }
    return record
}

/// Certain records: the rubric decides, the texts teach the model what each situation's citizens write.
private func certainRecords() throws -> [FeedbackRecord] {
    var records: [FeedbackRecord] = []
    for index in 0..<30 {
        records.append(try record("В доме протекает кровля над подъездом \(index), вода в подъезде", category: "ЖКХ"))
        records.append(try record("Течет кровля, в подъезде сырость и плесень", category: "ЖКХ"))
        records.append(
            try record(
                "Дом ждет очереди, ребенку не дают место в группе, очередь стоит",
                category: "Дошкольное образование"
            )
        )
        records.append(try record("Яма на дороге у остановки, колеса пробиты", category: "Дороги"))
    }
    return records
}

private func trained(
    _ classifier: LifeSituationClassifier,
    _ records: [FeedbackRecord],
    chunks: Int = 1
) -> LifeSituationClassifier {
    var total = classifier.makeTraining()
    let size = (records.count + chunks - 1) / chunks
    for start in stride(from: 0, to: records.count, by: size) {
        var part = classifier.makeTraining()
        var scratch = ClassifierScratch()
        for item in records[start..<min(start + size, records.count)] {
            classifier.addTraining(item, to: &part, scratch: &scratch)
        }
        total.merge(part)
    }
    return classifier.withModels(
        LearnedSituationModel(total.situations),
        stageModel: LearnedSituationModel(total.stages)
    )
}

@Suite struct LearnedSituationModelTests {
    let rules = LifeSituationClassifier(catalog: learnedCatalog)

    @Test func trainingCountsCertainRecordsPerClassWithOffTopicRubricsAsOther() throws {
        let classifier = trained(rules, try certainRecords())
        let model = try #require(classifier.model)
        // housing, kindergarten, other (the «Дороги» rubric no situation lists)
        #expect(model.documents == [60, 30, 30])
        #expect(model.featureCount > 10)
        #expect(classifier.configDigest != rules.configDigest)
    }

    @Test func theModelAndItsDigestDoNotDependOnHowTrainingWasSplit() throws {
        let records = try certainRecords()
        let one = trained(rules, records, chunks: 1)
        let seven = trained(rules, records, chunks: 7)
        let reversed = trained(rules, Array(records.reversed()), chunks: 3)
        #expect(one.configDigest == seven.configDigest)
        #expect(one.configDigest == reversed.configDigest)
        let text = try record("Кровля течет, в подъезде плесень, дом")
        #expect(one.classify(text) == seven.classify(text))
    }

    @Test func aRecordTheKeywordsLeaveShortIsPlacedByTheModelWithItsWords() throws {
        let classifier = trained(rules, try certainRecords())
        // «дом» alone is a related keyword of both situations: a tie for the keyword rule.
        let bare = try record("Кровля течет, в подъезде плесень, дом")
        #expect(rules.classify(bare).rule == .unassigned)
        let result = classifier.classify(bare)
        #expect(result.rule == .learned)
        #expect(result.lifeSituation == "housing")
        #expect(result.evidence.hasPrefix("обученная модель: «"))
        #expect(result.evidence.contains("кровл") || result.evidence.contains("подъезд"))
    }

    @Test func theModelNeverChoosesASituationTheKeywordsDidNotName() throws {
        let classifier = trained(rules, try certainRecords())
        // Housing words, but no keyword at all: the model is not asked.
        let result = classifier.classify(try record("Кровля течет, в подъезде плесень"))
        #expect(result.rule == .unassigned)
        #expect(result.lifeSituation == nil)
    }

    @Test func offTopicWordsCompeteWithTheSituations() throws {
        // «управляйка» scores 2 for housing, «поликлиника» 2 for off-topic: a tie assigns nothing.
        let tie = rules.classify(try record("Управляйка поликлиники не отвечает"))
        #expect(tie.rule == .unassigned)
        #expect(tie.evidence.contains("вне ситуаций 2"))
        let offTopic = rules.classify(try record("В поликлинике нет талонов"))
        #expect(offTopic.lifeSituation == nil)
        #expect(offTopic.evidence.hasPrefix("вне ситуаций: поликлиника"))
        #expect(rules.classify(try record("Управляйка не отвечает")).lifeSituation == "housing")
    }

    @Test func lowScoresOnACriterionWithOneStageTrainTheStageModel() throws {
        var records = try certainRecords()
        for _ in 0..<20 {
            records.append(try record("Электронная запись закрыта, слотов нет", ratings: [(.queue, 1)]))
        }
        let classifier = trained(rules, records)
        let stageModel = try #require(classifier.stageModel)
        #expect(stageModel.documents == [20, 0, 0])
        // No low score and no stage keyword: the default would be review; the model knows these words.
        let result = classifier.classify(try record("Управляйка: электронная запись закрыта, слотов нет"))
        #expect(result.stage == "booking")
        #expect(result.stageRule == .learned)
    }
}
