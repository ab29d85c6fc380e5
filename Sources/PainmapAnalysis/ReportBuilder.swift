import Foundation
import PainmapClustering
import PainmapCore
import PainmapReports
import PainmapText

/// Turns the analysis of one life situation into its «Карта болей» and the pains to store for the next quarter.
struct ReportBuilder: Sendable {
    /// What is the same for every situation of a region and quarter.
    struct Context: Sendable {
        let region: Region
        let quarter: Quarter
        let catalog: LifeSituationCatalog
        let priority: PriorityConfiguration
        let clustering: ClusterConfiguration
        let configDigest: String
        let generatedAt: String
        /// All records of the region and quarter, of every situation and unassigned.
        let regionCount: Int
        /// Records of the region and quarter no situation claimed.
        let unassignedCount: Int
        /// Records of the region and quarter per channel.
        let regionByChannel: [ChannelCount]
        /// Stored pains of the region in earlier quarters (for the trend chart).
        let history: [StoredPain]
        /// `Config/analysis.yaml`: extra stop words and the noise floor of new and vanished pains.
        let analysis: AnalysisConfiguration
        /// The channels of the records folded into each counted record (one complaint sent through several
        /// channels), by the counted record's id.
        var folded: [RecordID: [SourceKind]] = [:]
    }

    /// A built report and what the store keeps of it.
    struct Output: Sendable {
        let report: PainMapReport
        let pains: [StoredPain]
    }

    /// The longest quote, in characters, before it is cut at a word boundary.
    static let quoteLength = 280
    /// Representative records the engine picks per pain: title and quote candidates.
    static let candidateCount = 8
    /// Records of a pain looked at, at most, for its title and quotes.
    static let candidateLimit = 60
    /// Pains drawn in the trend chart.
    static let trendSeriesCount = 5

    let context: Context
    private let severity: SeverityMatcher
    private let analyzer: TextAnalyzer
    private let phrasing = OperatorPhrasing()

    /// Creates a builder.
    ///
    /// - Parameters:
    ///   - context: What is the same for every situation of the region and quarter.
    ///   - analyzer: The region's analyzer when the caller has one (stop words of `context.analysis`); built when
    ///     `nil`.
    init(context: Context, analyzer: TextAnalyzer? = nil) {
        self.context = context
        severity = SeverityMatcher(configuration: context.priority)
        self.analyzer = analyzer ?? TextAnalyzer(stopWords: StopWords(extra: context.analysis.stopWords))
    }

    /// Builds the report of one situation.
    ///
    /// - Parameters:
    ///   - situation: The life situation.
    ///   - analysis: Its clustered records of the quarter.
    /// - Returns: The report and the pains to store.
    func build(situation: LifeSituation, analysis: SituationAnalysis) -> Output {
        let stages = context.catalog.stages(for: situation)
        let stageOrder = Dictionary(
            stages.enumerated().map { ($1.id, $0 + 1) },
            uniquingKeysWith: { first, _ in first }
        )
        let records = analysis.records
        // One complaint sent through several channels counts once: the records folded into another are left out.
        let counted = analysis.counted
        let total = counted.count
        let quarterEnd = PainMetrics.quarterEnd(context.quarter, utcOffsetHours: context.region.utcOffsetHours)

        // The prior a pain's share of low scores is shrunk towards: the situation's own share this quarter.
        let situationDissatisfaction = PainMetrics.dissatisfaction(counted.lazy.map(\.record))
        var rows: [(pain: ReportPain, stored: StoredPain?)] = []
        for pain in analysis.pains {
            let members = pain.members.map { records[$0] }
            let memberRecords = members.map(\.record)
            let count = memberRecords.count
            let previousCount = pain.previousCount
            let status: PainStatus =
                context.analysis.isNoise(count, against: previousCount) && previousCount > 0
                ? .vanished : context.analysis.isNoise(previousCount, against: count) ? .new : .recurring
            let candidates = candidateRecords(pain, analysis: analysis)
            // Each candidate's content (answers and operators' frames removed) is computed once: the title and the
            // quotes read the same candidates.
            let contents = candidates.map { phrasing.content(of: records.text(at: $0)) }
            let title = PainTitle(analyzer: analyzer).title(
                sources: zip(candidates, contents).map { candidate, content in
                    PainTitle.Source(
                        text: records.text(at: candidate),
                        isOperatorNote: records.source(at: candidate) == .hotline,
                        content: content
                    )
                },
                keywordTerms: pain.cluster.keywords.map(\.term),
                fallback: pain.previous?.title ?? pain.cluster.title
            )
            let dissatisfaction = PainMetrics.dissatisfaction(memberRecords)
            let stageCounts = PainMetrics.stageDistribution(members.map(\.classification.stage), order: stageOrder)
            let stage = stageReference(
                stageCounts.first?.stage ?? pain.previous?.stage ?? context.catalog.defaultStage,
                stages: stages
            )
            let severityClass = severity.severity(
                terms: pain.cluster.keywords.map(\.term),
                title: analyzer.analyze(title)
            )
            let priority =
                status == .vanished
                ? PainPriority(
                    score: 0,
                    components: PriorityComponents(
                        volume: 0,
                        growth: 1,
                        severity: severityClass.weight,
                        severityClass: severityClass.id,
                        severityName: severityClass.name,
                        dissatisfaction: 0.5
                    )
                )
                : Self.priority(
                    count: count,
                    previousCount: previousCount,
                    severity: severityClass,
                    dissatisfaction: dissatisfaction,
                    prior: situationDissatisfaction.share ?? 0,
                    configuration: context.priority
                )
            let row = ReportPain(
                id: pain.id,
                rank: nil,
                title: title,
                keywords: pain.cluster.keywords.map(\.text),
                stage: stage,
                stageDistribution: stageCounts,
                count: count,
                share: total > 0 ? Double(count) / Double(total) : 0,
                byChannel: PainMetrics.byChannel(members, folded: context.folded),
                previousCount: previousCount,
                delta: ReportDelta(current: count, previous: previousCount),
                status: status,
                isSignal: status != .vanished && context.priority.signal.isSignal(count: count, isNew: status == .new),
                dissatisfaction: dissatisfaction,
                overdue: PainMetrics.overdue(memberRecords, reference: quarterEnd),
                organizations: PainMetrics.organizations(memberRecords),
                priority: priority,
                quotes: quotes(candidates, contents: contents, records: records, required: min(count, 2)),
                predecessorID: pain.predecessorID
            )
            let stored =
                status == .vanished
                ? nil
                : StoredPain(
                    region: context.region.code,
                    quarter: context.quarter,
                    lifeSituation: situation.id,
                    id: pain.id,
                    rank: 0,
                    title: title,
                    stage: stage.id,
                    count: count,
                    priority: priority.score,
                    isSignal: row.isSignal,
                    status: status.rawValue,
                    previousCount: previousCount,
                    centroid: pain.cluster.centroid
                )
            rows.append((row, stored))
        }
        rows.sort {
            let (a, b) = ($0.pain, $1.pain)
            if (a.status == .vanished) != (b.status == .vanished) { return b.status == .vanished }
            if a.priority.score != b.priority.score { return a.priority.score > b.priority.score }
            if a.count != b.count { return a.count > b.count }
            return a.previousCount != b.previousCount ? a.previousCount > b.previousCount : a.id < b.id
        }
        var pains: [ReportPain] = []
        var stored: [StoredPain] = []
        for (index, row) in rows.enumerated() {
            var pain = row.pain
            guard var keep = row.stored else {
                pains.append(pain)
                continue
            }
            pain.rank = index + 1
            keep.rank = index + 1
            pains.append(pain)
            stored.append(keep)
        }
        let active = pains.filter { $0.status != .vanished }

        let stageRows = stages.enumerated().map { offset, stage in
            ReportStage(
                stage: ReportStageRef(id: stage.id, name: stage.name, order: offset + 1),
                records: counted.reduce(0) { $0 + ($1.classification.stage == stage.id ? 1 : 0) },
                pains: active.filter { $0.stage.id == stage.id }.count
            )
        }
        let report = PainMapReport(
            generatedAt: context.generatedAt,
            region: ReportRegion(
                code: context.region.code,
                name: context.region.fullName,
                population: context.region.population
            ),
            quarter: context.quarter.description,
            previousQuarter: context.quarter.previous.description,
            lifeSituation: ReportLifeSituation(id: situation.id, name: situation.name),
            totals: ReportTotals(
                count: total,
                previousCount: analysis.previousRecordCount,
                delta: ReportDelta(current: total, previous: analysis.previousRecordCount),
                byChannel: PainMetrics.byChannel(counted, folded: context.folded),
                regionCount: context.regionCount,
                unassignedCount: context.unassignedCount,
                unassignedShare: context.regionCount > 0
                    ? Double(context.unassignedCount) / Double(context.regionCount) : 0,
                withoutTextCount: analysis.withoutText.count,
                collapsedCount: counted.reduce(0) { $0 + (context.folded[$1.id]?.count ?? 0) }
            ),
            pains: pains,
            other: analysis.otherMembers.isEmpty
                ? nil
                : ReportOther(
                    count: analysis.otherMembers.count,
                    share: Double(analysis.otherMembers.count) / Double(max(total, 1))
                ),
            stages: stageRows,
            trend: trend(situation: situation.id, active: active),
            methodology: methodology(analysis: analysis)
        )
        return Output(report: report, pains: stored)
    }

    /// `score = ln(1 + n) × (1 + min(cap, max(0, growth))) × severity × (0.5 + p̂)`, each factor rounded to 3
    /// decimals so that reports compare byte for byte.
    ///
    /// p̂ is the pain's share of 1–2 scores shrunk towards `prior`, the situation's share
    /// (``PriorityConfiguration/shrunkDissatisfaction(count:base:prior:)``): a pain with one rating of 1 does not
    /// outrank its neighbours by half, and a pain nobody rated gets the situation's share rather than zero.
    static func priority(
        count: Int,
        previousCount: Int,
        severity: SeverityClass,
        dissatisfaction: RateShare,
        prior: Double = 0,
        configuration: PriorityConfiguration
    ) -> PainPriority {
        let volume = round3(log(1 + Double(count)))
        let growthFraction = Double(count - previousCount) / Double(max(previousCount, 1))
        let growth = round3(1 + min(configuration.growthCap, max(0, growthFraction)))
        let estimate = configuration.shrunkDissatisfaction(
            count: dissatisfaction.count,
            base: dissatisfaction.base,
            prior: prior
        )
        let unhappy = round3(0.5 + estimate)
        let score = round3(volume * growth * severity.weight * unhappy)
        return PainPriority(
            score: score,
            components: PriorityComponents(
                volume: volume,
                growth: growth,
                severity: severity.weight,
                severityClass: severity.id,
                severityName: severity.name,
                dissatisfaction: unhappy
            )
        )
    }

    private static func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    private func stageReference(_ id: String, stages: [LifeSituationStage]) -> ReportStageRef {
        if let index = stages.firstIndex(where: { $0.id == id }) {
            return ReportStageRef(id: id, name: stages[index].name, order: index + 1)
        }
        return ReportStageRef(id: id, name: context.catalog.stage(id: id)?.name ?? id, order: stages.count + 1)
    }

    /// This quarter's records to take a pain's title and quotes from, best first: the engine's representatives (most
    /// central, spread over channels and wordings), then the other records by how many of the pain's keyword stems
    /// they name (ties: record order), at most ``candidateLimit`` in all.
    private func candidateRecords(_ pain: SituationAnalysis.Pain, analysis: SituationAnalysis) -> [Int] {
        let records = analysis.records
        var result = pain.cluster.representativeDocumentIDs.compactMap(Int.init).filter {
            !analysis.folded.contains(records.id(at: $0))
        }
        guard result.count < Self.candidateCount else { return result }
        let keywords = Set(pain.cluster.keywords.flatMap { $0.term.split(separator: " ").map(String.init) })
        let taken = Set(result)
        let rest = pain.members.lazy.filter { !taken.contains($0) }.prefix(Self.candidateLimit)
        let ranked = rest.map { index in
            (index, Set(analyzer.analyze(records.text(at: index)).map(\.stem)).intersection(keywords).count)
        }
        result += ranked.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
        return Array(result.prefix(Self.candidateLimit))
    }

    /// Two or three quotes that differ in wording and, where possible, in channel.
    ///
    /// See ``QuoteSelector``; quotes are cut at a word boundary. A hotline record is quoted by its content: the
    /// operator's frame and answer are left out.
    private func quotes(_ candidates: [Int], contents: [String], records: RecordSelection, required: Int)
        -> [ReportQuote]
    {
        let chosen = QuoteSelector().select(
            zip(candidates, contents).map { index, content in
                QuoteSelector.Candidate(
                    record: index,
                    text: Self.shorten(content, to: Self.quoteLength),
                    channel: records.source(at: index).rawValue
                )
            },
            required: required
        )
        return chosen.map { candidate in
            let item = records[candidate.record]
            let record = item.record
            return ReportQuote(
                text: candidate.text,
                recordID: record.sourceRecordID.map { "\(record.source.rawValue):\($0)" } ?? "#\(item.id.rawValue)",
                channel: record.source.rawValue,
                channelName: channelNames(item),
                date: PainMetrics.localDate(record.receivedAt, utcOffsetHours: context.region.utcOffsetHours)
            )
        }
    }

    /// The record's channel, followed by the other channels the same complaint came through: «ПОС + Горячие линии».
    private func channelNames(_ item: ClassifiedRecord) -> String {
        var names = [item.record.source]
        for source in SourceKind.allCases where context.folded[item.id]?.contains(source) == true {
            if !names.contains(source) { names.append(source) }
        }
        return names.map(\.russianName).joined(separator: " + ")
    }

    /// Collapses whitespace and cuts at the last space before `limit` characters, adding «…».
    static func shorten(_ text: String, to limit: Int) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        let flat = words.joined(separator: " ")
        guard flat.count > limit else { return flat }
        var result = ""
        for word in words {
            if result.count + word.count + 1 > limit - 1 { break }
            result += result.isEmpty ? String(word) : " " + word
        }
        return (result.isEmpty ? String(flat.prefix(limit - 1)) : result) + "…"
    }

    /// Counts of the top pains over the last ``PriorityConfiguration/trendQuarters`` quarters, oldest first.
    private func trend(situation: String, active: [ReportPain]) -> ReportTrend {
        var quarters = [context.quarter]
        while quarters.count < context.priority.trendQuarters { quarters.insert(quarters[0].previous, at: 0) }
        var counts: [String: Int] = [:]
        let previous = context.quarter.previous
        for pain in context.history where pain.lifeSituation == situation && pain.quarter < previous {
            counts["\(pain.quarter)|\(pain.id)"] = pain.count
        }
        let series = active.prefix(Self.trendSeriesCount).map { pain in
            TrendSeries(
                painID: pain.id,
                title: pain.title,
                counts: quarters.map {
                    $0 == context.quarter
                        ? pain.count : $0 == previous ? pain.previousCount : counts["\($0)|\(pain.id)"] ?? 0
                }
            )
        }
        return ReportTrend(quarters: quarters.map(\.description), series: series)
    }

    private func methodology(analysis: SituationAnalysis) -> ReportMethodology {
        let configuration = context.priority
        let situationShare = PainMetrics.dissatisfaction(analysis.counted.lazy.map(\.record)).share ?? 0
        let statistics = analysis.statistics
        let signal = configuration.signal
        return ReportMethodology(
            sources: context.regionByChannel,
            period: PainMetrics.period(context.quarter),
            classification: """
                Жизненная ситуация записи определяется по первому сработавшему правилу: ответ анкеты, \
                код услуги ФРГУ, рубрика источника, ключевые слова текста (Config/life-situations.yaml). Записи без \
                рубрики (горячая линия, сайты ведомств) распознаются по ключевым словам, включая разговорные и \
                сокращённые формы; слова других тем (дороги, транспорт, медицина, магазины) с ними конкурируют. Если \
                ключевых слов мало или ничья, решает модель, обученная на записях хранилища с надёжной ситуацией \
                (рубрика, услуга, ответ анкеты): наивный байесовский классификатор по основам слов и парам основ, \
                только среди названных словами ситуаций и при уверенности не ниже \
                \(Self.percent(context.catalog.scoring.learnedMinimumConfidence)). Остальные записи остаются «Не определена» и не \
                попадают ни в одну карту. Этап пути — по низким оценкам критериев МКГУ и анкет, по ключевым словам \
                этапов, иначе по модели, обученной на записях, чьи оценки указывают на один этап.
                """,
            clustering: """
                Тексты нормализованы (регистр, ё, латинские двойники букв, ссылки, номера и персональные данные \
                удалены) и сведены к основам стеммером Snowball. Каждая запись — вектор TF-IDF по основам и парам \
                основ; сферический k-means разбивает записи на \(statistics.cellCount) ячеек, близкие ячейки \
                объединяются (косинус центроидов ≥ \(Self.decimal(context.clustering.mergeThreshold))), записи, далёкие от \
                всех болей (косинус < \(Self.decimal(context.clustering.catchAllThreshold))), и боли меньше \
                \(statistics.minimumPainSize) записей уходят в «Прочее». Название боли — фраза самих граждан из \
                центральных записей боли, называющая её ключевые слова и без подробностей одной записи (чисел, \
                адресов, имён); в записях операторов горячей линии берётся суть («Звонившая жалуется на отсутствие \
                движения очереди» → «Нет движения очереди»), а ответ или рекомендация («Рекомендовано обратиться…») \
                не бывает ни названием, ни цитатой. Цитаты — 2–3 записи разными словами и по возможности из разных \
                каналов (почти одинаковые тексты не повторяются). Обращения этого и прошлого квартала группируются вместе, поэтому у боли одно \
                определение и оба её счётчика (Δ) измерены одинаково. «Новая» — в прошлом квартале у боли не больше \
                \(context.analysis.noiseRecords) обращений и не больше \(Self.percent(context.analysis.noiseShare)) нынешнего \
                числа; «исчезла» — то же в обратную сторону. Боль сохраняет номер боли прошлого квартала, обращения \
                которой она содержит (больше \(context.analysis.noiseRecords) и не меньше половины; обращение прошлого \
                квартала относится к боли с ближайшим центроидом), сколько бы она ни выросла; иначе — той, с которой \
                совпадает по центроиду (косинус ≥ 0,5). Новая боль всегда получает новый номер. Результат \
                воспроизводим: те же данные дают те же боли.
                """ + sampleNote(statistics),
            priorityFormula: """
                Приоритет = объём × рост × тяжесть × неудовлетворённость, где объём = ln(1 + n), \
                рост = 1 + min(\(Self.decimal(configuration.growthCap)), max(0, (n − n_прош) / max(n_прош, 1))), \
                тяжесть — вес класса боли, неудовлетворённость = 0,5 + p̂. p̂ — доля оценок 1–2 среди оценённых записей \
                боли, сглаженная к доле по жизненной ситуации: p̂ = (k + m·p₀) / (n + m), где k из n — оценки 1–2 боли, \
                p₀ = \(Self.percent(situationShare)) — доля оценок 1–2 по ситуации в регионе за квартал, \
                m = \(Self.decimal(configuration.dissatisfactionPriorRatings)) — вес этой доли в оценках. Так одна \
                оценка сдвигает p̂ не больше чем на 1/(1 + m), а боль без оценок получает долю ситуации. Рядом с каждой \
                долей указана её база («k из n»).
                """,
            severityClasses: configuration.severityClasses.map {
                SeverityClassNote(id: $0.id, name: $0.name, weight: $0.weight)
            },
            signalRule: """
                «Сигнал» — боль меньше \(signal.minimumRecords) записей или новая боль меньше \(signal.minimumRecordsNew) \
                записей: её стоит проверить, прежде чем планировать меры.
                """,
            configDigest: context.configDigest
        )
    }

    /// The methodology's sentence on the sample, when the situation was clustered on one (``ClusteringStatistics/sampledDocumentCount``).
    private func sampleNote(_ statistics: ClusteringStatistics) -> String {
        guard let sampled = statistics.sampledDocumentCount else { return "" }
        return """
             Обращений больше, чем группируется целиком (\(context.analysis.clusterSampleAbove) различных текстов): \
            боли найдены по выборке из \(sampled) обращений (тексты с наименьшим хешем — выборка воспроизводима), \
            остальные обращения отнесены к ближайшей боли по косинусу или в «Прочее».
            """
    }

    /// A share as a whole percentage: «10 %».
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }

    /// A number with a decimal comma and no trailing zeros: 0,85; 2.
    static func decimal(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text.replacingOccurrences(of: ".", with: ",")
    }
}

extension RegionAnalyzer {
    /// How many representative records per pain clustering keeps, so that quote selection has candidates to choose
    /// distinct wordings and channels from.
    public static var quoteCandidateCount: Int { ReportBuilder.candidateCount }
}
