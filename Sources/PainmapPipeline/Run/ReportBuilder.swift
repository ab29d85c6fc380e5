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
    }

    /// A built report and what the store keeps of it.
    struct Output: Sendable {
        let report: PainMapReport
        let pains: [StoredPain]
    }

    /// The longest quote, in characters, before it is cut at a word boundary.
    static let quoteLength = 280
    /// Pains drawn in the trend chart.
    static let trendSeriesCount = 5

    let context: Context
    private let severity: SeverityMatcher
    private let analyzer: TextAnalyzer

    init(context: Context) {
        self.context = context
        severity = SeverityMatcher(configuration: context.priority)
        analyzer = TextAnalyzer(stopWords: StopWords(extra: context.analysis.stopWords))
    }

    /// Builds the report of one situation.
    ///
    /// - Parameters:
    ///   - situation: The life situation.
    ///   - analysis: Its clustered records of the quarter.
    func build(situation: LifeSituation, analysis: SituationAnalysis) -> Output {
        let stages = context.catalog.stages(for: situation)
        let stageOrder = Dictionary(
            stages.enumerated().map { ($1.id, $0 + 1) },
            uniquingKeysWith: { first, _ in first }
        )
        let records = analysis.records
        let total = records.count
        let quarterEnd = PainMetrics.quarterEnd(context.quarter, utcOffsetHours: context.region.utcOffsetHours)

        var rows: [(pain: ReportPain, stored: StoredPain?)] = []
        for pain in analysis.pains {
            let members = pain.members.map { records[$0] }
            let memberRecords = members.map(\.record)
            let count = memberRecords.count
            let previousCount = pain.previousCount
            let status: PainStatus =
                context.analysis.isNoise(count, against: previousCount) && previousCount > 0
                ? .vanished : context.analysis.isNoise(previousCount, against: count) ? .new : .recurring
            let currentTexts = pain.cluster.representativeDocumentIDs.compactMap(Int.init).map {
                records[$0].record.text
            }
            let title = PainTitle(analyzer: analyzer).title(
                texts: [pain.cluster.title] + currentTexts,
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
                byChannel: PainMetrics.byChannel(memberRecords),
                previousCount: previousCount,
                delta: ReportDelta(current: count, previous: previousCount),
                status: status,
                isSignal: status != .vanished && context.priority.signal.isSignal(count: count, isNew: status == .new),
                dissatisfaction: dissatisfaction,
                overdue: PainMetrics.overdue(memberRecords, reference: quarterEnd),
                organizations: PainMetrics.organizations(memberRecords),
                priority: priority,
                quotes: quotes(pain.cluster.representativeDocumentIDs, members: pain.members, records: records)
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
                records: records.filter { $0.classification.stage == stage.id }.count,
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
                byChannel: PainMetrics.byChannel(records.map(\.record)),
                regionCount: context.regionCount,
                unassignedCount: context.unassignedCount,
                unassignedShare: context.regionCount > 0
                    ? Double(context.unassignedCount) / Double(context.regionCount) : 0,
                withoutTextCount: analysis.withoutText.count
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

    /// `score = ln(1 + n) × (1 + min(cap, max(0, growth))) × severity × (0.5 + dissatisfied share)`, each factor
    /// rounded to 3 decimals so that reports compare byte for byte.
    static func priority(
        count: Int,
        previousCount: Int,
        severity: SeverityClass,
        dissatisfaction: RateShare,
        configuration: PriorityConfiguration
    ) -> PainPriority {
        let volume = round3(log(1 + Double(count)))
        let growthFraction = Double(count - previousCount) / Double(max(previousCount, 1))
        let growth = round3(1 + min(configuration.growthCap, max(0, growthFraction)))
        let unhappy = round3(0.5 + (dissatisfaction.share ?? 0))
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

    /// Up to three quotes of this quarter's records, cut at a word boundary: the cluster's representative records
    /// first, then its other members in order, skipping texts already quoted.
    ///
    /// Representatives may be records of the previous quarter (both quarters are clustered together), which this
    /// report does not hold; the members fill in, so every pain with two or more records has at least two quotes
    /// (docs/report-schema.md) and one with a single record has one.
    private func quotes(_ documentIDs: [String], members: [Int], records: [ClassifiedRecord]) -> [ReportQuote] {
        var chosen: [Int] = []
        var seen: Set<String> = []
        for index in documentIDs.compactMap(Int.init) + members where chosen.count < 3 {
            guard records.indices.contains(index), !chosen.contains(index) else { continue }
            let text = Self.shorten(records[index].record.text, to: Self.quoteLength)
            guard !text.isEmpty, seen.insert(text).inserted else { continue }
            chosen.append(index)
        }
        // Identical texts (a copied complaint) still make quotes when nothing else is left.
        for index in members where chosen.count < min(2, members.count) && !chosen.contains(index) {
            if !records[index].record.text.isEmpty { chosen.append(index) }
        }
        return chosen.map { index in
            let item = records[index]
            let record = item.record
            return ReportQuote(
                text: Self.shorten(record.text, to: Self.quoteLength),
                recordID: record.sourceRecordID.map { "\(record.source.rawValue):\($0)" } ?? "#\(item.id.rawValue)",
                channel: record.source.rawValue,
                channelName: record.source.russianName,
                date: PainMetrics.localDate(record.receivedAt, utcOffsetHours: context.region.utcOffsetHours)
            )
        }
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
        let statistics = analysis.statistics
        let signal = configuration.signal
        return ReportMethodology(
            sources: context.regionByChannel,
            period: PainMetrics.period(context.quarter),
            classification: """
                Жизненная ситуация записи определяется по первому сработавшему правилу: ответ анкеты, \
                код услуги ФРГУ, рубрика источника, ключевые слова текста (Config/life-situations.yaml); записи без \
                признаков остаются «Не определена» и не попадают ни в одну карту. Этап пути — по ключевым словам этапов \
                и по низким оценкам критериев МКГУ и анкет.
                """,
            clustering: """
                Тексты нормализованы (регистр, ё, латинские двойники букв, ссылки, номера и персональные данные \
                удалены) и сведены к основам стеммером Snowball. Каждая запись — вектор TF-IDF по основам и парам \
                основ; сферический k-means разбивает записи на \(statistics.cellCount) ячеек, близкие ячейки \
                объединяются (косинус центроидов ≥ \(Self.decimal(context.clustering.mergeThreshold))), записи, далёкие от \
                всех болей (косинус < \(Self.decimal(context.clustering.catchAllThreshold))), и боли меньше \
                \(statistics.minimumPainSize) записей уходят в «Прочее». Название боли — самая типичная короткая \
                формулировка граждан. Обращения этого и прошлого квартала группируются вместе, поэтому у боли одно \
                определение и оба её счётчика (Δ) измерены одинаково. «Новая» — в прошлом квартале у боли не больше \
                \(context.analysis.noiseRecords) обращений и не больше \(Self.percent(context.analysis.noiseShare)) нынешнего \
                числа; «исчезла» — то же в обратную сторону. Боль сохраняет номер боли прошлого квартала, с которой \
                совпадает по центроиду (косинус ≥ 0,5). Результат воспроизводим: те же данные дают те же боли.
                """,
            priorityFormula: """
                Приоритет = объём × рост × тяжесть × неудовлетворённость, где объём = ln(1 + n), \
                рост = 1 + min(\(Self.decimal(configuration.growthCap)), max(0, (n − n_прош) / max(n_прош, 1))), \
                тяжесть — вес класса боли, неудовлетворённость = 0,5 + доля оценок 1–2 среди оценённых записей боли.
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
