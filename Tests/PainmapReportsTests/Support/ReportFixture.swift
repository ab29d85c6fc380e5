import Foundation
import PainmapReports

/// A realistic report model built in code: a Novosibirsk kindergarten report with five channels, new, recurring
/// and vanished pains, a «сигнал», shares without a base, and hostile citizen text (HTML, attribute and formula
/// injection) in a title, keywords, an organisation and quotes.
enum ReportFixture {
    static let generatedAt = "2026-10-05T03:00:00Z"
    static let hostileScript = "<script>alert(1)</script>"
    static let hostileImage = "<img src=x onerror=alert(1)>"
    static let hostileFormula = "=HYPERLINK(\"http://evil.example/\",\"жми\")"

    static let region = ReportRegion(code: "54", name: "Новосибирская область", population: 2_779_555)
    static let channels: [(id: String, name: String)] = [
        ("pos", "ПОС"), ("site", "Сайты ведомств"), ("hotline", "Горячая линия 122 / ЦУР"),
        ("portal", "Госуслуги / МКГУ"), ("survey", "Опросы"),
    ]
    static let stages = [
        ReportStageRef(id: "inform", name: "Информирование", order: 1),
        ReportStageRef(id: "booking", name: "Запись / обращение", order: 2),
        ReportStageRef(id: "submission", name: "Подача заявления и документов", order: 3),
        ReportStageRef(id: "review", name: "Рассмотрение", order: 4),
        ReportStageRef(id: "result", name: "Получение результата", order: 5),
        ReportStageRef(id: "aftercare", name: "После услуги / обжалование", order: 6),
    ]
    static let severities = [
        SeverityClassNote(id: "safety", name: "Угроза жизни и здоровью", weight: 2),
        SeverityClassNote(id: "money", name: "Деньги и выплаты", weight: 1.5),
        SeverityClassNote(id: "deadlines", name: "Сроки", weight: 1.2),
        SeverityClassNote(id: "convenience", name: "Информирование и удобство", weight: 1),
    ]

    static func counts(_ values: [Int]) -> [ChannelCount] {
        let total = values.reduce(0, +)
        return zip(channels, values).map { channel, count in
            ChannelCount(
                channel: channel.id,
                name: channel.name,
                count: count,
                share: total > 0 ? Double(count) / Double(total) : 0
            )
        }
    }

    static func priority(count: Int, previous: Int, severity: String, dissatisfaction: RateShare) -> PainPriority {
        let note = severities.first { $0.id == severity } ?? severities[3]
        let growth = 1 + min(3, max(0, Double(count - previous) / Double(max(previous, 1))))
        let volume = log(1 + Double(count))
        let dissatisfied = 0.5 + (dissatisfaction.share ?? 0)
        return PainPriority(
            score: volume * growth * note.weight * dissatisfied,
            components: PriorityComponents(
                volume: volume,
                growth: growth,
                severity: note.weight,
                severityClass: note.id,
                severityName: note.name,
                dissatisfaction: dissatisfied
            )
        )
    }

    static func pain(
        id: String,
        rank: Int?,
        title: String,
        keywords: [String],
        stage: Int,
        byChannel: [Int],
        previous: Int,
        total situationTotal: Int,
        signal: Bool = false,
        dissatisfaction: RateShare,
        overdue: RateShare,
        organizations: [NamedCount],
        severity: String,
        quotes: [ReportQuote]
    ) -> ReportPain {
        let count = byChannel.reduce(0, +)
        let status: PainStatus = count == 0 ? .vanished : previous == 0 ? .new : .recurring
        return ReportPain(
            id: id,
            rank: rank,
            title: title,
            keywords: keywords,
            stage: stages[stage - 1],
            stageDistribution: [StageCount(stage: stages[stage - 1].id, count: count)],
            count: count,
            share: Double(count) / Double(situationTotal),
            byChannel: counts(byChannel),
            previousCount: previous,
            delta: ReportDelta(current: count, previous: previous),
            status: status,
            isSignal: signal,
            dissatisfaction: dissatisfaction,
            overdue: overdue,
            organizations: organizations,
            priority: priority(count: count, previous: previous, severity: severity, dissatisfaction: dissatisfaction),
            quotes: quotes
        )
    }

    static func quote(_ text: String, _ id: String, _ channel: Int, _ date: String) -> ReportQuote {
        ReportQuote(
            text: text,
            recordID: id,
            channel: channels[channel].id,
            channelName: channels[channel].name,
            date: date
        )
    }

    /// The kindergarten report: 363 records, five pains this quarter and one vanished.
    static func kindergarten() -> PainMapReport {
        let total = 363
        let unranked = [
            pain(
                id: "2025Q4-03",
                rank: 1,
                title: "Очередь в детский сад не двигается годами",
                keywords: ["очередь", "не двигается", "комплектование", "номер в очереди"],
                stage: 4,
                byChannel: [52, 11, 31, 44, 10],
                previous: 96,
                total: total,
                dissatisfaction: RateShare(count: 41, base: 63),
                overdue: RateShare(count: 12, base: 80),
                organizations: [
                    NamedCount(name: "Департамент образования мэрии Новосибирска", count: 92),
                    NamedCount(name: "ГАУ «МФЦ Новосибирской области»", count: 21),
                ],
                severity: "deadlines",
                quotes: [
                    quote(
                        "Стоим в очереди с 2023 года, номер был 214, сейчас 198. Ребёнку уже четыре.",
                        "ПОС-1184023",
                        0,
                        "2026-07-14"
                    ),
                    quote(
                        "На горячей линии сказали ждать весны, весной сказали ждать осени.",
                        "ЦУР-55-20931",
                        2,
                        "2026-08-02"
                    ),
                    quote(
                        "Оценка 1: за год очередь сдвинулась на 16 мест, никто ничего не объясняет",
                        "МКГУ-7720119",
                        3,
                        "2026-09-21"
                    ),
                ]
            ),
            pain(
                id: "2026Q3-01",
                rank: 2,
                title: "Сайт записи выдаёт ошибку при подаче заявления",
                keywords: ["ошибка", "госуслуги", "не отправляется", "заявление"],
                stage: 3,
                byChannel: [30, 14, 9, 31, 3],
                previous: 0,
                total: total,
                dissatisfaction: RateShare(count: 22, base: 34),
                overdue: RateShare(count: 0, base: 0),
                organizations: [NamedCount(name: "Министерство цифрового развития и связи НСО", count: 18)],
                severity: "convenience",
                quotes: [
                    quote(
                        "Третий день пишет «Ошибка 500», заявление не уходит, а приём до 1 сентября.",
                        "ПОС-1190577",
                        0,
                        "2026-08-19"
                    ),
                    quote("После загрузки свидетельства о рождении форма сбрасывается.", "САЙТ-4410", 1, "2026-08-22"),
                ]
            ),
            pain(
                id: "2025Q3-07",
                rank: 3,
                title: "Дали место в саду на другом конце города",
                keywords: ["далеко", "другой район", "перевод", "место"],
                stage: 5,
                byChannel: [21, 6, 17, 14, 6],
                previous: 70,
                total: total,
                dissatisfaction: RateShare(count: 19, base: 30),
                overdue: RateShare(count: 3, base: 41),
                organizations: [NamedCount(name: "Департамент образования мэрии Новосибирска", count: 38)],
                severity: "convenience",
                quotes: [
                    quote(
                        "Живём в Кировском районе, а направление дали в Калининский, это час в одну сторону.",
                        "ПОС-1179230",
                        0,
                        "2026-07-03"
                    ),
                    quote("Перевод в сад ближе к дому обещают только через год.", "ОПРОС-2026-3-0481", 4, "2026-09-10"),
                ]
            ),
            pain(
                id: "2026Q1-04",
                rank: 4,
                title: "Не дозвониться на линию по комплектованию",
                keywords: ["не дозвониться", "телефон", "линия"],
                stage: 2,
                byChannel: [5, 2, 12, 2, 0],
                previous: 18,
                total: total,
                dissatisfaction: RateShare(count: 0, base: 0),
                overdue: RateShare(count: 0, base: 0),
                organizations: [],
                severity: "convenience",
                quotes: [quote("Звоню неделю, всё время занято, а потом сбрасывают.", "ЦУР-55-21877", 2, "2026-08-27")]
            ),
            pain(
                id: "2026Q3-02",
                rank: 5,
                title: "Компенсация родительской платы не пришла \(hostileScript)",
                keywords: ["компенсация", "<b>выплата</b>", "`код`|труба"],
                stage: 6,
                byChannel: [2, 1, 1, 2, 0],
                previous: 0,
                total: total,
                signal: true,
                dissatisfaction: RateShare(count: 2, base: 3),
                overdue: RateShare(count: 1, base: 4),
                organizations: [NamedCount(name: "Соцзащита \"Центр\" & <b>партнёры</b>", count: 4)],
                severity: "money",
                quotes: [
                    quote(
                        "Компенсацию не платят с мая \(hostileImage) звонила три раза",
                        "ПОС-1201888",
                        0,
                        "2026-09-02"
                    ),
                    quote(hostileFormula, "САЙТ-4471", 1, "2026-09-15"),
                    quote("-1 балл; @all | строка 1\nстрока 2", "ПОС-1201999", 0, "2026-09-28"),
                ]
            ),
            pain(
                id: "2026Q2-05",
                rank: nil,
                title: "Не принимают справку о регистрации по месту пребывания",
                keywords: ["справка", "регистрация", "временная"],
                stage: 3,
                byChannel: [0, 0, 0, 0, 0],
                previous: 15,
                total: total,
                dissatisfaction: RateShare(count: 0, base: 0),
                overdue: RateShare(count: 0, base: 0),
                organizations: [],
                severity: "convenience",
                quotes: []
            ),
        ]
        // Ranked by priority as the pipeline ranks them; the vanished pain stays last, without a rank.
        var pains = unranked.filter { $0.status != .vanished }.sorted { $0.priority.score > $1.priority.score }
        for index in pains.indices { pains[index].rank = index + 1 }
        pains += unranked.filter { $0.status == .vanished }
        return PainMapReport(
            generatedAt: generatedAt,
            region: region,
            quarter: "2026Q3",
            previousQuarter: "2026Q2",
            lifeSituation: ReportLifeSituation(id: "kindergarten", name: "Запись ребёнка в детский сад"),
            totals: ReportTotals(
                count: total,
                previousCount: 290,
                delta: ReportDelta(current: total, previous: 290),
                byChannel: counts([120, 41, 77, 98, 27]),
                regionCount: 9_412,
                unassignedCount: 655,
                unassignedShare: 655.0 / 9_412
            ),
            pains: pains,
            other: ReportOther(count: 37, share: 37.0 / Double(total)),
            stages: [
                ReportStage(stage: stages[0], records: 18, pains: 0),
                ReportStage(stage: stages[1], records: 29, pains: 1),
                ReportStage(stage: stages[2], records: 97, pains: 1),
                ReportStage(stage: stages[3], records: 152, pains: 1),
                ReportStage(stage: stages[4], records: 59, pains: 1),
                ReportStage(stage: stages[5], records: 8, pains: 1),
            ],
            trend: ReportTrend(
                quarters: ["2025Q4", "2026Q1", "2026Q2", "2026Q3"],
                series: [
                    TrendSeries(
                        painID: "2025Q4-03",
                        title: "Очередь в детский сад не двигается годами",
                        counts: [61, 74, 96, 148]
                    ),
                    TrendSeries(
                        painID: "2026Q3-01",
                        title: "Сайт записи выдаёт ошибку при подаче заявления",
                        counts: [0, 0, 0, 87]
                    ),
                    TrendSeries(
                        painID: "2025Q3-07",
                        title: "Дали место в саду на другом конце города",
                        counts: [52, 66, 70, 64]
                    ),
                    TrendSeries(
                        painID: "2026Q1-04",
                        title: "Не дозвониться на линию по комплектованию",
                        counts: [0, 9, 18, 21]
                    ),
                ]
            ),
            methodology: methodology(sources: counts([120, 41, 77, 98, 27]))
        )
    }

    /// A second, small situation of the same region, with a name longer than a sheet name may be and forbidden
    /// sheet-name characters.
    static func benefits() -> PainMapReport {
        let total = 40
        let pains = [
            pain(
                id: "2026Q2-11",
                rank: 1,
                title: "Пособие назначили, но выплата задерживается",
                keywords: ["задержка", "выплата"],
                stage: 5,
                byChannel: [12, 3, 9, 6, 2],
                previous: 20,
                total: total,
                dissatisfaction: RateShare(count: 9, base: 12),
                overdue: RateShare(count: 7, base: 20),
                organizations: [NamedCount(name: "ОСФР по Новосибирской области", count: 25)],
                severity: "money",
                quotes: [quote("Назначили в июле, денег нет до сих пор.", "ПОС-1185001", 0, "2026-08-30")]
            )
        ]
        return PainMapReport(
            generatedAt: generatedAt,
            region: region,
            quarter: "2026Q3",
            previousQuarter: "2026Q2",
            lifeSituation: ReportLifeSituation(
                id: "child-benefits",
                name: "Пособия и выплаты семьям с детьми: [все виды]/НСО"
            ),
            totals: ReportTotals(
                count: total,
                previousCount: 33,
                delta: ReportDelta(current: total, previous: 33),
                byChannel: counts([14, 4, 12, 7, 3]),
                regionCount: 9_412,
                unassignedCount: 655,
                unassignedShare: 655.0 / 9_412
            ),
            pains: pains,
            other: ReportOther(count: 8, share: 0.2),
            stages: stages.map {
                ReportStage(stage: $0, records: $0.order == 5 ? 32 : 2 * ($0.order % 2), pains: $0.order == 5 ? 1 : 0)
            },
            trend: ReportTrend(
                quarters: ["2026Q2", "2026Q3"],
                series: [
                    TrendSeries(
                        painID: "2026Q2-11",
                        title: "Пособие назначили, но выплата задерживается",
                        counts: [20, 32]
                    )
                ]
            ),
            methodology: methodology(sources: counts([14, 4, 12, 7, 3]))
        )
    }

    static func methodology(sources: [ChannelCount]) -> ReportMethodology {
        ReportMethodology(
            sources: sources,
            period: "1 июля – 30 сентября 2026 г.",
            classification: "Жизненная ситуация и этап определены по подсказке опроса, услуге ФРГУ, категории "
                + "обращения и ключевым словам (Config/life-situations.yaml).",
            clustering: "Тексты нормализованы и приведены к основам; TF-IDF по основам и биграммам, сферический "
                + "k-means с детерминированным посевом, слияние близких групп; малые группы — в «Прочее».",
            priorityFormula: "приоритет = ln(1 + n) × (1 + min(3, max(0, рост))) × вес тяжести × "
                + "(0,5 + доля неудовлетворённых)",
            severityClasses: severities,
            signalRule: "Боль встречается только в этом квартале и в ней меньше 10 обращений.",
            configDigest: "sha256:3f2a9c41d07be855"
        )
    }

    static func index(_ reports: [PainMapReport]) -> RegionIndex {
        RegionIndex(
            generatedAt: generatedAt,
            region: region,
            quarter: "2026Q3",
            previousQuarter: "2026Q2",
            count: 9_412,
            previousCount: 8_870,
            unassignedCount: 655,
            byChannel: counts([3_120, 1_044, 2_310, 2_391, 547]),
            situations: reports.map { report in
                RegionIndexEntry(
                    lifeSituation: report.lifeSituation,
                    count: report.totals.count,
                    previousCount: report.totals.previousCount,
                    delta: report.totals.delta,
                    painCount: report.pains.filter { $0.status != .vanished }.count,
                    topPains: report.pains.filter { $0.status != .vanished }.prefix(3).map(indexPain)
                )
            }
        )
    }

    static func indexPain(_ pain: ReportPain) -> IndexPain {
        IndexPain(
            id: pain.id,
            title: pain.title,
            count: pain.count,
            status: pain.status,
            priority: pain.priority.score,
            isSignal: pain.isSignal
        )
    }

    static func overview() -> QuarterOverview {
        let kindergarten = kindergarten()
        return QuarterOverview(
            generatedAt: generatedAt,
            quarter: "2026Q3",
            previousQuarter: "2026Q2",
            lifeSituations: [kindergarten.lifeSituation, benefits().lifeSituation],
            regions: [
                OverviewRegion(
                    region: ReportRegion(code: "42", name: "Кемеровская область — Кузбасс"),
                    count: 4_107,
                    previousCount: 4_390,
                    delta: ReportDelta(current: 4_107, previous: 4_390),
                    per10k: nil,
                    unassignedCount: 388,
                    bySituation: [201, 57],
                    topPain: nil,
                    topPainSituation: nil
                ),
                OverviewRegion(
                    region: region,
                    count: 9_412,
                    previousCount: 8_870,
                    delta: ReportDelta(current: 9_412, previous: 8_870),
                    per10k: 9_412 * 10_000 / 2_779_555.0,
                    unassignedCount: 655,
                    bySituation: [363, 40],
                    topPain: indexPain(kindergarten.pains[0]),
                    topPainSituation: "kindergarten"
                ),
            ]
        )
    }
}
