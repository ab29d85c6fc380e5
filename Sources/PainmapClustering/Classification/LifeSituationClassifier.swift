import Foundation
public import PainmapCore
public import PainmapText

/// Places a record in a life situation and a journey stage, and says which rule decided and on what evidence.
///
/// Pure and deterministic: the same catalog and record give the same ``RecordClassification`` on any thread. The
/// situation rules are tried in order, and the first that decides wins:
/// 1. `survey_hint` — a survey's «Жизненная ситуация» answer equals a situation's name, alias or id (ignoring case,
///    `ё` and punctuation);
/// 2. `service` — the record's service id is one of a situation's services (or, for surveys, the service name is);
/// 3. `category` — the source category is mapped: `Категория / Подкатегория` pair, then subcategory, then the longest
///    ТОТК prefix, then category alone; a level pointing at two situations is ambiguous and does not decide;
/// 4. `keywords` — on Snowball stems of the text (plus the category, subcategory and service name as separate
///    segments; stop words out, negations kept, see `KeywordAnalyzer`), each distinct keyword, alias or name of a
///    situation scores 2 and each related keyword 1 (a longer phrase owns its words, see `PhraseMatcher`); the best
///    situation is taken when it scores at least `scoring.min_score` and leads the runner-up by `scoring.min_margin`.
///    A tie or a narrow lead assigns nothing;
/// 5. `none` — «Не определена». A record is never forced into a situation.
///
/// The stage is chosen among the situation's stages (the defaults for an unassigned record):
/// - a stage's text score is the number of words its distinct keywords cover (a two-word phrase counts 2); on a tie
///   the later stage in the journey wins, because a complaint usually describes the furthest point the citizen
///   reached («отказали, буду обжаловать» is an appeal, not a result);
/// - low scores (1–2) on rated criteria point at stages through the catalog's `criteria` (the lowest score wins;
///   `time` → review or result, `politeness` → any stage where staff are met); the text chooses among them
///   (`criteria_text`); when the text names none of them but names another stage, the text wins (`text`); when the
///   text names no stage, the criterion's first listed stage is taken (`criteria`);
/// - without low scores, the stage with the highest text score (`text`);
/// - otherwise the catalog's `default_stage` (`default`).
///
/// ```swift
/// let classifier = LifeSituationClassifier(catalog: configuration.lifeSituations)
/// let result = classifier.classify(record)  // kindergarten, review, keywords, "ключевые слова: садик, очередь в сад (4)"
/// ```
public struct LifeSituationClassifier: Sendable {
    /// Names the algorithm in ``configDigest``: bump it when a change to the rules should re-classify stored records.
    public static let version = "painmap-classifier/1"

    /// The catalog the classifier was built from.
    public let catalog: LifeSituationCatalog
    /// SHA-256 (hex) of ``version`` and the catalog: stored with each classification so a changed configuration
    /// re-classifies.
    public let configDigest: String

    private let analyzer = KeywordAnalyzer()
    private let keywords: PhraseMatcher
    private let categories: CategoryMatcher
    private let serviceIDs: [String: (situation: Int, evidence: String)]
    private let serviceNames: [LabelKey: (situation: Int, evidence: String)]
    private let hints: [LabelKey: Int]
    /// Resolved stages and their matcher per situation; the last entry serves unassigned records.
    private let stageSets: [StageSet]

    struct StageSet: Sendable {
        let stages: [LifeSituationStage]
        let matcher: PhraseMatcher
    }

    /// Compiles a catalog: keywords to stems, categories and services to lookup tables.
    ///
    /// An id or label configured for two situations goes to the first (validation reports it).
    /// - Parameter catalog: The life situations and stages.
    public init(catalog: LifeSituationCatalog) {
        self.catalog = catalog
        let situations = catalog.situations
        var entries: [PhraseMatcher.Entry] = []
        var serviceIDs: [String: (Int, String)] = [:]
        var serviceNames: [LabelKey: (Int, String)] = [:]
        var hints: [LabelKey: Int] = [:]
        for (index, situation) in situations.enumerated() {
            for label in [situation.name] + situation.aliases + situation.keywords {
                entries.append(.init(label: label, group: index, weight: 2))
            }
            for label in situation.relatedKeywords { entries.append(.init(label: label, group: index, weight: 1)) }
            for service in situation.services {
                let id = service.id.trimmingCharacters(in: .whitespaces)
                if serviceIDs[id] == nil { serviceIDs[id] = (index, "услуга \(service.system) \(id)") }
                if let name = service.name, serviceNames[LabelKey(name)] == nil {
                    serviceNames[LabelKey(name)] = (index, "услуга \(service.system) \(id) (по названию)")
                }
            }
            for label in [situation.id, situation.name] + situation.aliases where hints[LabelKey(label)] == nil {
                hints[LabelKey(label)] = index
            }
        }
        keywords = PhraseMatcher(entries, groupCount: situations.count, analyzer: analyzer)
        categories = CategoryMatcher(situations.map { ($0.categories, $0.categoryCodes) })
        self.serviceIDs = serviceIDs
        self.serviceNames = serviceNames
        self.hints = hints
        var stageSets: [StageSet] = []
        for situation in situations.map(Optional.some) + [nil] {
            let stages = catalog.stages(for: situation)
            var stageEntries: [PhraseMatcher.Entry] = []
            for (index, stage) in stages.enumerated() {
                for label in stage.keywords { stageEntries.append(.init(label: label, group: index, weight: 1)) }
            }
            let matcher = PhraseMatcher(
                stageEntries,
                groupCount: stages.count,
                weightByLength: true,
                analyzer: analyzer
            )
            stageSets.append(StageSet(stages: stages, matcher: matcher))
        }
        self.stageSets = stageSets
        configDigest = Self.digest(of: catalog)
    }

    /// Classifies one record.
    ///
    /// - Parameter record: Any stored record.
    /// - Returns: Its situation (or none), stage, rules and evidence.
    public func classify(_ record: FeedbackRecord) -> RecordClassification {
        var cache = StemCache()
        return classify(record, cache: &cache)
    }

    /// Classifies one record, stemming through the calling task's cache.
    ///
    /// Gives the same result as ``classify(_:)``; use it when classifying many records on one task.
    /// - Parameters:
    ///   - record: Any stored record.
    ///   - cache: The calling task's own stem cache.
    /// - Returns: Its situation (or none), stage, rules and evidence.
    public func classify(_ record: FeedbackRecord, cache: inout StemCache) -> RecordClassification {
        let stems = Self.stems(of: record, analyzer: analyzer, cache: &cache)
        let (situation, rule, evidence) = situation(of: record, stems: stems)
        let (stage, stageRule, stageEvidence) = stage(of: record, situation: situation, stems: stems)
        return RecordClassification(
            lifeSituation: situation.map { catalog.situations[$0].id },
            stage: stage,
            rule: rule,
            evidence: evidence,
            stageRule: stageRule,
            stageEvidence: stageEvidence
        )
    }

    /// The situation rules, in precedence order.
    private func situation(of record: FeedbackRecord, stems: [String]) -> (Int?, ClassificationRule, String) {
        let situations = catalog.situations
        if let hint = record.lifeSituationHint, let index = hints[LabelKey(hint)] {
            return (index, .surveyHint, "анкета: «\(situations[index].name)»")
        }
        if let id = record.serviceID?.trimmingCharacters(in: .whitespaces), let match = serviceIDs[id] {
            return (match.situation, .service, match.evidence)
        }
        if let name = record.serviceName, let match = serviceNames[LabelKey(name)] {
            return (match.situation, .service, match.evidence)
        }
        var note = ""
        switch categories.match(
            category: record.categoryRaw,
            subcategory: record.subcategoryRaw,
            code: record.categoryCode
        ) {
        case .situation(let index, let evidence):
            return (index, .category, evidence)
        case .ambiguous(let indices):
            note = "категория неоднозначна (\(indices.map { situations[$0].id }.joined(separator: ", "))); "
        case .none:
            break
        }
        let scores = keywords.scores(stems)
        let ranked = scores.indices.sorted {
            scores[$0].score != scores[$1].score ? scores[$0].score > scores[$1].score : $0 < $1
        }
        guard let best = ranked.first, scores[best].score > 0 else {
            return (nil, .unassigned, note + "нет признаков ситуации")
        }
        let runnerUp = ranked.dropFirst().first.map { scores[$0].score } ?? 0
        let scoring = catalog.scoring
        let found = Self.list(scores[best].labels)
        if scores[best].score >= scoring.minimumScore, scores[best].score - runnerUp >= scoring.minimumMargin {
            let next =
                ranked.dropFirst().first.flatMap { runnerUp > 0 ? ", далее \(situations[$0].id) \(runnerUp)" : nil }
                ?? ""
            return (best, .keywords, note + "ключевые слова: \(found) (счёт \(scores[best].score)\(next))")
        }
        if scores[best].score < scoring.minimumScore {
            return (
                nil, .unassigned,
                note
                    + "мало признаков: \(situations[best].id) \(scores[best].score) < \(scoring.minimumScore) (\(found))"
            )
        }
        let close = ranked.prefix { scores[best].score - scores[$0].score < scoring.minimumMargin }
        let tied = close.map { "\(situations[$0].id) \(scores[$0].score)" }.joined(separator: ", ")
        return (nil, .unassigned, note + "ничья: \(tied)")
    }

    /// The stage rules: low scores and stage keywords, else the default stage.
    private func stage(of record: FeedbackRecord, situation: Int?, stems: [String]) -> (String, StageRule, String) {
        let set = stageSets[situation ?? catalog.situations.count]
        let stages = set.stages
        let text = set.matcher.scores(stems)
        var candidates: [Int] = []
        var ratings = ""
        let low = record.ratings.filter(\.isDissatisfied)
        if let minimum = low.map(\.score).min() {
            let lowest = RatingCriterion.allCases.filter { criterion in
                low.contains { $0.criterion == criterion && $0.score == minimum }
            }
            ratings = "оценки: " + lowest.map { "\($0.rawValue)=\(minimum)" }.joined(separator: ", ")
            for criterion in lowest {
                for id in catalog.criteria[criterion] ?? [] {
                    if let index = stages.firstIndex(where: { $0.id == id }), !candidates.contains(index) {
                        candidates.append(index)
                    }
                }
            }
        }
        // The stage with the highest text score; the later in the journey on a tie.
        func strongest(_ among: [Int]) -> Int? {
            var best: Int?
            for index in among where text[index].score > 0 {
                if best.map({
                    text[index].score > text[$0].score || (text[index].score == text[$0].score && index > $0)
                }) ?? true {
                    best = index
                }
            }
            return best
        }
        if !candidates.isEmpty {
            if let index = strongest(candidates) {
                return (stages[index].id, .criteriaText, "\(ratings); слова: \(Self.list(text[index].labels))")
            }
            if let index = strongest(Array(stages.indices)) {
                return (
                    stages[index].id, .text,
                    "слова: \(Self.list(text[index].labels)); \(ratings) — их этапов в тексте нет"
                )
            }
            return (stages[candidates[0]].id, .criteria, ratings)
        }
        if let index = strongest(Array(stages.indices)) {
            return (stages[index].id, .text, "слова: \(Self.list(text[index].labels))")
        }
        let fallback =
            stages.contains { $0.id == catalog.defaultStage }
            ? catalog.defaultStage : (stages.first?.id ?? catalog.defaultStage)
        return (fallback, .default, "нет признаков этапа")
    }

    /// The stems of the text, then of the category, subcategory and service name, with an empty stem between
    /// segments so that no phrase spans two of them.
    private static func stems(of record: FeedbackRecord, analyzer: KeywordAnalyzer, cache: inout StemCache) -> [String]
    {
        var stems = analyzer.stems(record.text, cache: &cache)
        for segment in [record.categoryRaw, record.subcategoryRaw, record.serviceName] {
            guard let segment, !segment.isEmpty else { continue }
            stems.append("")
            stems += analyzer.stems(segment, cache: &cache)
        }
        return stems
    }

    /// At most six labels, comma-separated: evidence stays short.
    private static func list(_ labels: [String]) -> String {
        labels.count <= 6 ? labels.joined(separator: ", ") : labels.prefix(6).joined(separator: ", ") + ", …"
    }

    private static func digest(of catalog: LifeSituationCatalog) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding these plain string and integer values cannot fail (JSONEncoder only refuses non-finite floats); the
        // fallback keeps the digest defined rather than trapping.
        let body = (try? encoder.encode(catalog)) ?? Data()
        return SHA256.hex(of: Array(version.utf8) + [0x0A] + Array(body))
    }
}
