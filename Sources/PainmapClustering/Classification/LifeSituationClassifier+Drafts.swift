public import PainmapCore

extension LifeSituationClassifier {
    /// A record's classification as far as the rules go without the learned models.
    ///
    /// `painmap classify` reads each text once: it counts the text for training and drafts its classification in the
    /// same pass, before the models exist; ``finish(_:scratch:)`` completes the few drafts that need a model once
    /// they are trained. ``classify(_:scratch:)`` is exactly a draft finished at once.
    public enum Draft: Sendable {
        /// No learned model is consulted: this is the classification.
        case done(RecordClassification)
        /// The situation or the stage falls to a learned model.
        case pending(PendingClassification)
    }

    /// What a drafted record still needs from the learned models, with its analysed text.
    public struct PendingClassification: Sendable {
        /// The record's text (evidence names the stems it matched in it).
        let text: String
        /// The record's ratings (the stage rules read them).
        let ratings: [CriterionScore]
        /// The stem keys of the text and of its category, subcategory and service segments.
        let stems: [UInt64]
        /// How many of ``stems`` the text itself gave.
        let textCount: Int
        /// What rules 1–4 said.
        let situation: SituationPart

        /// About how many bytes the draft holds: its text, stem keys and ratings, plus the fixed parts.
        public var estimatedBytes: Int { text.utf8.count + stems.count * 8 + ratings.count * 16 + 160 }
    }

    /// Rules 1–4's outcome for a record.
    enum SituationPart: Sendable {
        /// A rule decided.
        case decided(Int, ClassificationRule, String)
        /// None did: the reason, and the situations some keyword named (the learned rule may choose among them).
        case undecided(reason: String, candidates: [Int])
    }

    /// What ``analyse(_:train:draft:into:scratch:)`` learned from one record.
    public struct Analysis: Sendable {
        /// The draft, when one was asked for.
        public var draft: Draft?
        /// Whether the record was counted for training.
        public var trained: Bool
    }

    /// Reads a record's text once: counts it for training and drafts its classification, as asked.
    ///
    /// Training counts exactly what ``addTraining(_:to:scratch:)`` counts and the draft finishes to exactly what
    /// ``classify(_:scratch:)`` returns; the text is analysed only when one of them needs it.
    /// - Parameters:
    ///   - record: Any stored record.
    ///   - train: Count the record when its situation or stage is certain.
    ///   - draft: Draft its classification.
    ///   - training: The calling task's counts.
    ///   - scratch: The calling task's scratch.
    /// - Returns: The draft (when asked) and whether the record trained.
    public func analyse(
        _ record: FeedbackRecord,
        train: Bool,
        draft: Bool,
        into training: inout ClassifierTraining,
        scratch: inout ClassifierScratch
    ) -> Analysis {
        let certain = certainSituation(of: record, scratch: &scratch)
        var situationLabel: Int?
        var stageLabel: Int?
        // A record with a source category that no situation lists trains «other» unless its keywords name one.
        var otherUnlessKeywords = false
        if train {
            stageLabel = certainStage(of: record)
            switch certain {
            case .situation(let index, _, _):
                situationLabel = index
            case .undecided(let note, let hasCategory):
                otherUnlessKeywords = hasCategory && note.isEmpty
            }
        }
        let mayTrain = situationLabel != nil || stageLabel != nil || otherUnlessKeywords
        guard draft || mayTrain else { return Analysis(draft: nil, trained: false) }
        var stems = scratch.takeStemBuffer()
        defer { scratch.returnStemBuffer(stems) }
        let textCount = Self.appendKeys(of: record, analyzer: analyzer, scratch: &scratch, to: &stems)
        var keyword: KeywordOutcome?
        if case .undecided(let note, _) = certain, draft || otherUnlessKeywords {
            keyword = keywordSituation(stems, note: note)
        }
        var trained = false
        if otherUnlessKeywords, let keyword {
            if case .decided = keyword {} else { situationLabel = catalog.situations.count }
        }
        if situationLabel != nil || stageLabel != nil {
            LearnedSituationModel.features(of: stems[..<textCount], into: &scratch.features)
            if !scratch.features.isEmpty {
                if let situationLabel { training.situations.add(scratch.features, to: situationLabel) }
                if let stageLabel { training.stages.add(scratch.features, to: stageLabel) }
                trained = true
            }
        }
        guard draft else { return Analysis(draft: nil, trained: trained) }
        let situation: SituationPart
        switch (certain, keyword) {
        case (.situation(let index, let rule, let evidence), _):
            situation = .decided(index, rule, evidence)
        case (.undecided, .decided(let index, let evidence)?):
            situation = .decided(index, .keywords, evidence)
        case (.undecided, .undecided(let reason, let candidates)?):
            situation = .undecided(reason: reason, candidates: candidates)
        case (.undecided, nil):
            preconditionFailure("the keyword rule runs for every drafted record that rules 1–3 leave undecided")
        }
        if case .decided(let index, let rule, let evidence) = situation,
            let stage = stageRules(ratings: record.ratings, situation: index, stems: stems)
        {
            let classification = RecordClassification(
                lifeSituation: catalog.situations[index].id,
                stage: stage.0,
                rule: rule,
                evidence: evidence,
                stageRule: stage.1,
                stageEvidence: stage.2
            )
            return Analysis(draft: .done(classification), trained: trained)
        }
        let pending = PendingClassification(
            text: record.text,
            ratings: record.ratings,
            stems: stems.withUnsafeBufferPointer { Array($0) },  // an exact-size copy; the buffer is reused
            textCount: textCount,
            situation: situation
        )
        return Analysis(draft: .pending(pending), trained: trained)
    }

    /// Drafts one record's classification without counting it for training.
    ///
    /// - Parameters:
    ///   - record: Any stored record.
    ///   - scratch: The calling task's scratch.
    /// - Returns: The classification, or what still needs a learned model.
    public func draft(_ record: FeedbackRecord, scratch: inout ClassifierScratch) -> Draft {
        var unused = ClassifierTraining(situations: .init(classCount: 0), stages: .init(classCount: 0))
        guard let draft = analyse(record, train: false, draft: true, into: &unused, scratch: &scratch).draft else {
            preconditionFailure("analyse drafts every record it is asked to draft")
        }
        return draft
    }

    /// Completes a draft with this classifier's learned models (without them: «Не определена» and the default stage,
    /// as ``classify(_:)`` gives).
    ///
    /// - Parameters:
    ///   - pending: A draft of a classifier with the same catalog.
    ///   - scratch: The calling task's scratch.
    /// - Returns: The record's classification.
    public func finish(_ pending: PendingClassification, scratch: inout ClassifierScratch) -> RecordClassification {
        var features: [UInt64] = []
        if model != nil || stageModel != nil {
            LearnedSituationModel.features(of: pending.stems[..<pending.textCount], into: &features)
        }
        let situation: Int?
        let rule: ClassificationRule
        let evidence: String
        switch pending.situation {
        case .decided(let index, let decided, let text):
            (situation, rule, evidence) = (index, decided, text)
        case .undecided(let reason, let candidates):
            (situation, rule, evidence) = learnedSituation(
                reason: reason,
                candidates: candidates,
                text: pending.text,
                stems: pending.stems,
                textCount: pending.textCount,
                features: features,
                scratch: &scratch
            )
        }
        let stage =
            stageRules(ratings: pending.ratings, situation: situation, stems: pending.stems)
            ?? stageFallback(
                situation: situation,
                text: pending.text,
                stems: pending.stems,
                textCount: pending.textCount,
                features: features,
                scratch: &scratch
            )
        return RecordClassification(
            lifeSituation: situation.map { catalog.situations[$0].id },
            stage: stage.0,
            rule: rule,
            evidence: evidence,
            stageRule: stage.1,
            stageEvidence: stage.2
        )
    }
}
