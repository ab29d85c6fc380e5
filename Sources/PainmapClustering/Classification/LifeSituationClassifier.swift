import Foundation
public import PainmapCore
import PainmapText

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
/// 5. `learned` — with a ``LearnedSituationModel`` (``withModel(_:)``), trained on the store's records that rules 1–3
///    decide: the text's most probable class when it is a situation, its posterior probability reaches
///    `scoring.learned_min_confidence` and at least one of the text's words favours it over every other class (the
///    evidence lists the strongest);
/// 6. `none` — «Не определена». A record is never forced into a situation.
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
    public static let version = "painmap-classifier/2"

    /// The catalog the classifier was built from.
    public let catalog: LifeSituationCatalog
    /// SHA-256 (hex) of ``version``, the catalog and the learned model's digest: stored with each classification so
    /// a changed configuration, or changed certain records, re-classify.
    public private(set) var configDigest: String
    /// SHA-256 (hex) of ``version`` and the catalog alone.
    public let rulesDigest: String
    /// The model the `learned` rule applies, if any.
    public private(set) var model: LearnedSituationModel?
    /// The model the `learned` stage rule applies, if any.
    public private(set) var stageModel: LearnedSituationModel?

    let analyzer = KeywordAnalyzer()
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
        // The last group is «вне ситуаций»: off-topic words compete with the situations' keywords.
        for label in catalog.offTopicKeywords {
            entries.append(.init(label: label, group: situations.count, weight: 2))
        }
        keywords = PhraseMatcher(entries, groupCount: situations.count + 1, analyzer: analyzer)
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
        rulesDigest = Self.digest(of: catalog)
        configDigest = rulesDigest
    }

    /// The same classifier with learned models for the records no rule decides.
    ///
    /// - Parameters:
    ///   - model: The situation model, trained from ``makeTraining()`` counts.
    ///   - stageModel: The stage model, from the same counts.
    /// - Returns: A classifier whose ``configDigest`` also names both models.
    public func withModels(_ model: LearnedSituationModel, stageModel: LearnedSituationModel) -> LifeSituationClassifier
    {
        var copy = self
        copy.model = model
        copy.stageModel = stageModel
        copy.configDigest = SHA256.hex(of: Array("\(rulesDigest)\n\(model.digest)\n\(stageModel.digest)".utf8))
        return copy
    }

    /// Empty training counts for this catalog: one situation class per situation plus «other», one stage class per
    /// default stage.
    public func makeTraining() -> ClassifierTraining {
        ClassifierTraining(
            situations: LearnedSituationModel.Training(classCount: catalog.situations.count + 1),
            stages: LearnedSituationModel.Training(classCount: catalog.stages.count)
        )
    }

    /// Counts a record for training where its situation or its stage is certain.
    ///
    /// A record trains its situation when a survey answer, a service or a source category decides it (rules 1–3), and
    /// the class «other» when it has a source category that no situation lists and its keywords name no situation
    /// (a real ПОС export's roads, transport and healthcare). It trains its stage when its lowest rated criteria
    /// («Ваш контроль», a survey's Likert questions) point at exactly one stage through `criteria` (e.g. `queue` →
    /// booking). Any other record does not train.
    /// - Parameters:
    ///   - record: Any stored record.
    ///   - training: The calling task's counts.
    ///   - scratch: The calling task's scratch.
    public func addTraining(
        _ record: FeedbackRecord,
        to training: inout ClassifierTraining,
        scratch: inout ClassifierScratch
    ) {
        _ = analyse(record, train: true, draft: false, into: &training, scratch: &scratch)
    }

    /// The default stage (index) a record's low ratings point at when they point at exactly one.
    func certainStage(of record: FeedbackRecord) -> Int? {
        let low = record.ratings.filter(\.isDissatisfied)
        guard let minimum = low.map(\.score).min() else { return nil }
        var ids = Set<String>()
        for rating in low where rating.score == minimum {
            for id in catalog.criteria[rating.criterion] ?? [] { ids.insert(id) }
        }
        guard ids.count == 1, let id = ids.first else { return nil }
        return catalog.stages.firstIndex { $0.id == id }
    }

    /// Classifies one record.
    ///
    /// - Parameter record: Any stored record.
    /// - Returns: Its situation (or none), stage, rules and evidence.
    public func classify(_ record: FeedbackRecord) -> RecordClassification {
        var scratch = ClassifierScratch()
        return classify(record, scratch: &scratch)
    }

    /// Classifies one record, reading words through the calling task's scratch.
    ///
    /// Gives the same result as ``classify(_:)``; use it when classifying many records on one task.
    /// - Parameters:
    ///   - record: Any stored record.
    ///   - scratch: The calling task's own scratch.
    /// - Returns: Its situation (or none), stage, rules and evidence.
    public func classify(_ record: FeedbackRecord, scratch: inout ClassifierScratch) -> RecordClassification {
        switch draft(record, scratch: &scratch) {
        case .done(let classification): return classification
        case .pending(let pending): return finish(pending, scratch: &scratch)
        }
    }

    /// What the rules that need no text say: survey answer, service, category.
    enum CertainOutcome {
        /// A rule decided.
        case situation(Int, ClassificationRule, String)
        /// None decided; `note` says when the category was ambiguous, `hasCategory` whether the record has one.
        case undecided(note: String, hasCategory: Bool)
    }

    /// Rules 1–3, remembered per distinct set of the fields they read.
    func certainSituation(of record: FeedbackRecord, scratch: inout ClassifierScratch) -> CertainOutcome {
        let key = ClassifierScratch.CertainKey(
            hint: record.lifeSituationHint,
            serviceID: record.serviceID,
            serviceName: record.serviceName,
            category: record.categoryRaw,
            subcategory: record.subcategoryRaw,
            code: record.categoryCode
        )
        if let known = scratch.certain[key] { return known }
        let outcome = certainSituation(of: record)
        if scratch.certain.count >= ClassifierScratch.memoLimit { scratch.certain.removeAll(keepingCapacity: true) }
        scratch.certain[key] = outcome
        return outcome
    }

    /// Rules 1–3, in precedence order.
    func certainSituation(of record: FeedbackRecord) -> CertainOutcome {
        let situations = catalog.situations
        if let hint = record.lifeSituationHint, let index = hints[LabelKey(hint)] {
            return .situation(index, .surveyHint, "анкета: «\(situations[index].name)»")
        }
        if let id = record.serviceID?.trimmingCharacters(in: .whitespaces), let match = serviceIDs[id] {
            return .situation(match.situation, .service, match.evidence)
        }
        if let name = record.serviceName, let match = serviceNames[LabelKey(name)] {
            return .situation(match.situation, .service, match.evidence)
        }
        switch categories.match(
            category: record.categoryRaw,
            subcategory: record.subcategoryRaw,
            code: record.categoryCode
        ) {
        case .situation(let index, let evidence):
            return .situation(index, .category, evidence)
        case .ambiguous(let indices):
            return .undecided(
                note: "категория неоднозначна (\(indices.map { situations[$0].id }.joined(separator: ", "))); ",
                hasCategory: true
            )
        case .none:
            let hasCategory = [record.categoryRaw, record.subcategoryRaw, record.categoryCode].contains {
                !($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty
            }
            return .undecided(note: "", hasCategory: hasCategory)
        }
    }

    /// What the keyword rule says.
    enum KeywordOutcome {
        /// A situation, with the evidence.
        case decided(Int, String)
        /// Nothing, with the reason and the situations some keyword or related keyword named.
        case undecided(String, candidates: [Int])
    }

    /// Rule 4, the keywords; the off-topic words score as one more group, which assigns nothing when it leads.
    func keywordSituation(_ stems: [UInt64], note: String) -> KeywordOutcome {
        let situations = catalog.situations
        let offTopic = situations.count
        let scores = keywords.scores(stems)
        func name(_ group: Int) -> String { group == offTopic ? "вне ситуаций" : situations[group].id }
        let ranked = scores.indices.sorted {
            scores[$0].score != scores[$1].score ? scores[$0].score > scores[$1].score : $0 < $1
        }
        guard let best = ranked.first, scores[best].score > 0 else {
            return .undecided(note + "нет признаков ситуации", candidates: [])
        }
        // The learned model may choose among situations the keywords named, unless off-topic words lead.
        let candidates =
            best == offTopic
            ? [] : scores.indices.filter { $0 != offTopic && scores[$0].score > scores[offTopic].score }
        if best == offTopic {
            return .undecided(note + "вне ситуаций: \(Self.list(scores[best].labels))", candidates: [])
        }
        let runnerUp = ranked.dropFirst().first.map { scores[$0].score } ?? 0
        let scoring = catalog.scoring
        let found = Self.list(scores[best].labels)
        if scores[best].score >= scoring.minimumScore, scores[best].score - runnerUp >= scoring.minimumMargin {
            let next =
                ranked.dropFirst().first.flatMap { runnerUp > 0 ? ", далее \(name($0)) \(runnerUp)" : nil }
                ?? ""
            return .decided(best, note + "ключевые слова: \(found) (счёт \(scores[best].score)\(next))")
        }
        if scores[best].score < scoring.minimumScore {
            return .undecided(
                note
                    + "мало признаков: \(situations[best].id) \(scores[best].score) < \(scoring.minimumScore) (\(found))",
                candidates: candidates
            )
        }
        let close = ranked.prefix { scores[best].score - scores[$0].score < scoring.minimumMargin }
        let tied = close.map { "\(name($0)) \(scores[$0].score)" }.joined(separator: ", ")
        return .undecided(note + "ничья: \(tied)", candidates: candidates)
    }

    /// The learned rule for a record rules 1–4 left undecided, or the undecided outcome when no model decides.
    func learnedSituation(
        reason: String,
        candidates: [Int],
        text: String,
        stems: [UInt64],
        textCount: Int,
        features: [UInt64],
        scratch: inout ClassifierScratch
    ) -> (Int?, ClassificationRule, String) {
        guard let model else { return (nil, .unassigned, reason) }
        let words = Set(stems[..<textCount])
        guard let prediction = model.predict(features, words: words) else { return (nil, .unassigned, reason) }
        let confidence = Self.decimal(prediction.confidence)
        let known = "знакомых слов \(prediction.knownWords) из \(prediction.words)"
        guard prediction.label < catalog.situations.count else {
            return (nil, .unassigned, reason + "; модель: вне ситуаций (\(confidence); \(known))")
        }
        let id = catalog.situations[prediction.label].id
        // Only among the situations the keywords named: on text unlike its training records the model's confidence
        // does not tell right from wrong (BENCHMARKS.md, classification accuracy).
        guard prediction.confidence >= catalog.scoring.learnedMinimumConfidence, !prediction.evidence.isEmpty,
            candidates.contains(prediction.label)
        else {
            return (nil, .unassigned, reason + "; модель: \(id) \(confidence), \(known) — неуверенно")
        }
        let named = Self.words(prediction.evidence.prefix(4), in: text, analyzer: analyzer, scratch: &scratch)
        return (prediction.label, .learned, "обученная модель: \(named) (\(confidence); \(known))")
    }

    /// Names features by the stems they stand for: «подъезд», «убор подъезд».
    private static func words(
        _ features: ArraySlice<UInt64>,
        in text: String,
        analyzer: KeywordAnalyzer,
        scratch: inout ClassifierScratch
    ) -> String {
        var keys: [UInt64] = []
        analyzer.appendKeys(text, scratch: &scratch, to: &keys)
        var names: [UInt64: String] = [:]
        for (position, word) in scratch.words.enumerated() {
            let stem = scratch.stems[Int(word)]
            names[keys[position]] = stem
            if position > 0 {
                let previous = scratch.stems[Int(scratch.words[position - 1])]
                names[StemKey.pair(keys[position - 1], keys[position])] = previous + " " + stem
            }
        }
        return features.compactMap { names[$0].map { "«\($0)»" } }.joined(separator: ", ")
    }

    /// 0,97: two decimals (rounded down), a decimal comma.
    private static func decimal(_ value: Double) -> String {
        let hundredths = min(100, Int((value * 100).rounded(.down)))
        return hundredths == 100 ? "1,00" : "0,\(hundredths < 10 ? "0" : "")\(hundredths)"
    }

    /// The stage rules that need no model: low scores and stage keywords; `nil` when neither decides, and the stage
    /// falls to ``stageFallback(situation:text:stems:textCount:features:scratch:)``.
    func stageRules(ratings: [CriterionScore], situation: Int?, stems: [UInt64]) -> (String, StageRule, String)? {
        let set = stageSets[situation ?? catalog.situations.count]
        let stages = set.stages
        let text = set.matcher.scores(stems)
        var candidates: [Int] = []
        var ratingsNote = ""
        let low = ratings.filter(\.isDissatisfied)
        if let minimum = low.map(\.score).min() {
            let lowest = RatingCriterion.allCases.filter { criterion in
                low.contains { $0.criterion == criterion && $0.score == minimum }
            }
            ratingsNote = "оценки: " + lowest.map { "\($0.rawValue)=\(minimum)" }.joined(separator: ", ")
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
                return (stages[index].id, .criteriaText, "\(ratingsNote); слова: \(Self.list(text[index].labels))")
            }
            if let index = strongest(Array(stages.indices)) {
                return (
                    stages[index].id, .text,
                    "слова: \(Self.list(text[index].labels)); \(ratingsNote) — их этапов в тексте нет"
                )
            }
            return (stages[candidates[0]].id, .criteria, ratingsNote)
        }
        if let index = strongest(Array(stages.indices)) {
            return (stages[index].id, .text, "слова: \(Self.list(text[index].labels))")
        }
        return nil
    }

    /// The stage when neither low scores nor stage keywords decide: the learned stage model, else the default stage.
    func stageFallback(
        situation: Int?,
        text: String,
        stems: [UInt64],
        textCount: Int,
        features: [UInt64],
        scratch: inout ClassifierScratch
    ) -> (String, StageRule, String) {
        let stages = stageSets[situation ?? catalog.situations.count].stages
        let fallback =
            stages.contains { $0.id == catalog.defaultStage }
            ? catalog.defaultStage : (stages.first?.id ?? catalog.defaultStage)
        if let stageModel, let prediction = stageModel.predict(features, words: Set(stems[..<textCount])),
            prediction.confidence >= catalog.scoring.learnedMinimumConfidence, !prediction.evidence.isEmpty,
            let index = stages.firstIndex(where: { $0.id == catalog.stages[prediction.label].id })
        {
            let named = Self.words(
                prediction.evidence.prefix(4),
                in: text,
                analyzer: analyzer,
                scratch: &scratch
            )
            return (
                stages[index].id, .learned,
                "обученная модель: \(named) (\(Self.decimal(prediction.confidence)))"
            )
        }
        return (fallback, .default, "нет признаков этапа")
    }

    /// The stem keys of the text, then of the category, subcategory and service name, with ``StemKey/boundary``
    /// between segments so that no phrase spans two of them.
    ///
    /// - Returns: How many keys the text itself gave.
    @discardableResult
    static func appendKeys(
        of record: FeedbackRecord,
        analyzer: KeywordAnalyzer,
        scratch: inout ClassifierScratch,
        to stems: inout [UInt64]
    ) -> Int {
        analyzer.appendKeys(record.text, scratch: &scratch, to: &stems)
        let textCount = stems.count
        for segment in [record.categoryRaw, record.subcategoryRaw, record.serviceName] {
            guard let segment, !segment.isEmpty else { continue }
            stems.append(StemKey.boundary)
            if let keys = scratch.segments[segment] {
                stems += keys
                continue
            }
            var keys: [UInt64] = []
            analyzer.appendKeys(segment, scratch: &scratch, to: &keys)
            if scratch.segments.count >= ClassifierScratch.memoLimit {
                scratch.segments.removeAll(keepingCapacity: true)
            }
            scratch.segments[segment] = keys
            stems += keys
        }
        return textCount
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
