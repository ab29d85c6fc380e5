import Foundation
import PainmapCore
import PainmapReports
import PainmapText
import Testing

@testable import PainmapAnalysis

/// The pieces a report is built from: the priority formula, severity, titles and metrics.
@Suite struct ReportPartsTests {
    @Test func priorityIsTheProductOfItsPrintedFactors() {
        let severe = SeverityClass(id: "safety", name: "Угроза", weight: 3, keywords: [])
        let p = ReportBuilder.priority(
            count: 40,
            previousCount: 10,
            severity: severe,
            dissatisfaction: RateShare(count: 1, base: 4),
            configuration: PriorityConfiguration(growthCap: 2, dissatisfactionPriorRatings: 0)
        )
        #expect(p.components.volume == 3.714)  // ln 41
        #expect(p.components.growth == 3)  // growth 3.0 capped at 2
        #expect(p.components.severity == 3)
        #expect(p.components.dissatisfaction == 0.75)
        #expect(p.score == 25.07)
        let shrinking = ReportBuilder.priority(
            count: 5,
            previousCount: 50,
            severity: severe,
            dissatisfaction: RateShare(count: 0, base: 0),
            configuration: PriorityConfiguration()
        )
        #expect(shrinking.components.growth == 1)  // no bonus for shrinking
        #expect(shrinking.components.dissatisfaction == 0.5)  // nothing rated, no prior
    }

    @Test func severityTakesTheFirstClassWhoseKeywordThePainUses() throws {
        let configuration = PriorityConfiguration(
            severityClasses: [
                SeverityClass(id: "safety", name: "Угроза", weight: 3, keywords: ["отопление", "протечка крыши"]),
                SeverityClass(id: "money", name: "Деньги", weight: 2, keywords: ["компенсация"]),
                SeverityClass(id: "convenience", name: "Удобство", weight: 1, keywords: []),
            ],
            defaultClass: "convenience"
        )
        let matcher = SeverityMatcher(configuration: configuration)
        let analyzer = TextAnalyzer()
        #expect(matcher.severity(terms: ["батаре", "отоплен"], title: []).id == "safety")
        #expect(
            matcher.severity(terms: [], title: analyzer.analyze("Не выплачивают компенсацию за садик")).id == "money"
        )
        #expect(matcher.severity(terms: ["протечк крыш"], title: []).id == "safety")  // a phrase, as a bigram term
        #expect(matcher.severity(terms: ["крыш"], title: []).id == "convenience")  // half a phrase is not enough
        #expect(matcher.severity(terms: ["очеред"], title: []).id == "convenience")
    }

    @Test func titlesAreOneSentenceWithoutSalutationsNamingThePainsWords() {
        let title = PainTitle(analyzer: TextAnalyzer())
        let chosen = title.title(
            texts: [
                "Здравствуйте! Пишу третий раз. В квартире холодно, батареи еле тёплые уже месяц. Помогите!",
                "Добрый день, батареи холодные",
            ],
            keywordTerms: ["батаре", "холодн", "тепл"],
            fallback: "—"
        )
        // The sentence naming all three keywords wins over the shorter one naming two.
        #expect(chosen == "В квартире холодно, батареи еле тёплые уже месяц")
        #expect(
            title.withoutGreeting("Здравствуйте, Навигатор доп образования сбоит") == "Навигатор доп образования сбоит"
        )
        #expect(title.withoutGreeting("Добрый день: очередь стоит") == "очередь стоит")
        #expect(title.withoutGreeting("Очередь стоит, никто не отвечает") == "Очередь стоит, никто не отвечает")
        let long = String(repeating: "очень длинная жалоба про очередь ", count: 10)
        let cut = title.title(texts: [long], keywordTerms: ["очеред"], fallback: "—")
        #expect(cut.count <= PainTitle.maximumLength && cut.hasSuffix("…"))
        #expect(title.title(texts: ["Спасибо."], keywordTerms: ["очеред"], fallback: "Без названия") == "Без названия")
    }

    @Test func titlesTakeTheContentOfOperatorsNotesAndNeverAnAnswer() {
        let title = PainTitle(analyzer: TextAnalyzer())
        let note = PainTitle.Source(
            text: "Звонившая жалуется на отсутствие движения очереди. Рекомендовано обратиться в МФЦ.",
            isOperatorNote: true
        )
        let queue = TextAnalyzer().analyze("движения очереди").map(\.stem)
        #expect(title.title(sources: [note], keywordTerms: queue, fallback: "—") == "Нет движения очереди")
        let answer = PainTitle.Source(
            text: "Рекомендовано обратиться в УК с заявлением о перерасчете",
            isOperatorNote: true
        )
        #expect(
            title.title(sources: [answer], keywordTerms: ["перерасчет", "ук"], fallback: "Перерасчёт") == "Перерасчёт"
        )
        // The general wording beats one record's details (a number, a street name).
        let chosen = title.title(
            texts: ["Подвал затоплен в доме 5 на Советской", "Подвал затоплен, стоит вода и вонь"],
            keywordTerms: TextAnalyzer().analyze("подвал затоплен").map(\.stem),
            fallback: "—"
        )
        #expect(chosen == "Подвал затоплен")
        // A shouted title is lowercased, abbreviations kept; «ул.» does not end a sentence.
        #expect(PainTitle.withoutShouting("ОЧЕРЕДЬ В ДОУ СТОИТ") == "очередь в ДОУ стоит")
        let street = title.title(
            texts: ["Подвал дома на ул. Кирова затоплен"],
            keywordTerms: TextAnalyzer().analyze("подвал затоплен").map(\.stem),
            fallback: "—"
        )
        #expect(street == "Подвал дома на ул. Кирова затоплен")
    }

    @Test func quotesDifferInWordingAndChannelAndAreAtLeastTwo() {
        let selector = QuoteSelector()
        func candidate(_ record: Int, _ text: String, _ channel: String) -> QuoteSelector.Candidate {
            QuoteSelector.Candidate(record: record, text: text, channel: channel)
        }
        let chosen = selector.select(
            [
                candidate(0, "Течёт крыша над квартирой, УК не реагирует на заявки", "pos"),
                candidate(1, "течет крыша над квартирой УК не реагирует на заявки!", "site"),
                candidate(2, "Каждый дождь в квартире тазики, заявки в УК без ответа", "pos"),
                candidate(3, "Протекает кровля, вода идёт по стене в подъезде", "hotline"),
                candidate(4, "", "site"),
            ],
            required: 2
        )
        // The near-copy (1) waits; the second quote comes from another channel (3) before the same channel (2).
        #expect(chosen.map(\.record) == [0, 3, 2])
        // One phrase repeated by one reporter still gives two quotes.
        let repeated = selector.select(
            [candidate(0, "Нет мест в садике", "pos"), candidate(1, "нет мест в садике!!", "pos")],
            required: 2
        )
        #expect(repeated.map(\.record) == [0, 1])
        #expect(selector.select([candidate(0, "Нет мест", "pos")], required: 2).count == 1)
    }

    @Test func oneRatingCannotMoveAPainByHalf() {
        let severe = SeverityClass(id: "safety", name: "Угроза", weight: 3, keywords: [])
        let configuration = PriorityConfiguration()  // prior of 10 ratings
        func score(_ share: RateShare) -> PainPriority {
            ReportBuilder.priority(
                count: 3,
                previousCount: 3,
                severity: severe,
                dissatisfaction: share,
                prior: 0.2,
                configuration: configuration
            )
        }
        let unrated = score(RateShare(count: 0, base: 0))
        let oneLow = score(RateShare(count: 1, base: 1))
        #expect(unrated.components.dissatisfaction == 0.7)  // 0.5 + the situation's 20 %
        #expect(oneLow.components.dissatisfaction == 0.773)  // 0.5 + (1 + 10 × 0.2) / 11
        #expect(oneLow.score / unrated.score < 1.15)
        // Many ratings outweigh the prior: 40 of 40 gives (40 + 2) / 50.
        #expect(score(RateShare(count: 40, base: 40)).components.dissatisfaction == 1.34)
        // m = 0 gives the raw share back.
        #expect(
            PriorityConfiguration(dissatisfactionPriorRatings: 0).shrunkDissatisfaction(count: 1, base: 1, prior: 0.2)
                == 1
        )
    }

    @Test func dissatisfactionAndOverdueCountOnlyRecordsThatCanHaveThem() throws {
        func record(_ scores: [Int], deadline: TimeInterval? = nil, answered: TimeInterval? = nil) throws
            -> FeedbackRecord
        {
            var record = FeedbackRecord(
                source: .portal,
                feed: "mkgu",
                receivedAt: Date(timeIntervalSince1970: 0),
                region: "54",
                regionRaw: "50",
                regionCodeSystem: .okato,
                quarter: try #require(Quarter("2026Q3")),
                text: ""
            )
            record.ratings = scores.compactMap { CriterionScore(criterion: .time, score: $0) }
            record.deadlineAt = deadline.map(Date.init(timeIntervalSince1970:))
            record.answeredAt = answered.map(Date.init(timeIntervalSince1970:))
            return record
        }
        let records = [
            try record([1, 5]), try record([4]), try record([]), try record([2], deadline: 100, answered: 200),
            try record([], deadline: 100, answered: 50), try record([], deadline: 100),
        ]
        let unhappy = PainMetrics.dissatisfaction(records)
        #expect((unhappy.count, unhappy.base) == (2, 3))
        let late = PainMetrics.overdue(records, reference: Date(timeIntervalSince1970: 1_000))
        #expect((late.count, late.base) == (2, 3))  // answered late, and unanswered past the deadline
        #expect(PainMetrics.overdue(records, reference: Date(timeIntervalSince1970: 99)).count == 1)
        #expect(RateShare(count: 0, base: 0).share == nil)
        let third = try #require(Quarter("2026Q3"))
        #expect(PainMetrics.period(third) == "1 июля – 30 сентября 2026 г.")
        #expect(PainMetrics.localDate(Date(timeIntervalSince1970: 1_790_803_800), utcOffsetHours: 7) == "2026-10-01")
    }

}
