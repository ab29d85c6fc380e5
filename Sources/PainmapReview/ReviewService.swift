public import Foundation
import PainmapAnalysis
public import PainmapCore
import PainmapPrivacy
import PainmapReports

/// The analysts' review loop over a store.
///
/// Lists and shows pains with their decisions and applies decisions, each an audit record, each refused on a stale
/// version. The CLI (`painmap review`) and the workspace both use it.
///
/// Analysts' own text (titles, reasons, comments, solutions) passes the ingest redactor before it is saved, so a
/// phone number typed into a comment never reaches a report (and never makes the report gate refuse a region).
public struct ReviewService: Sendable {
    /// The store, which must keep decisions too.
    public let store: any FeedbackStore & DecisionStore
    /// The life situations records may be moved to.
    public let catalog: LifeSituationCatalog
    /// The directory of responsible bodies.
    public let bodies: ResponsibleBodyDirectory
    /// Gives the time decisions are stamped with.
    public let now: @Sendable () -> Date
    private let redactor = Redactor()

    /// Creates a service.
    ///
    /// - Parameters:
    ///   - store: The store (SQLite or PostgreSQL).
    ///   - catalog: Life situations (`Config/life-situations.yaml`).
    ///   - bodies: Responsible bodies (`Config/responsible-bodies.yaml`).
    ///   - now: The clock; tests pin it.
    public init(
        store: any FeedbackStore & DecisionStore,
        catalog: LifeSituationCatalog,
        bodies: ResponsibleBodyDirectory,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.catalog = catalog
        self.bodies = bodies
        self.now = now
    }

    // MARK: Reading

    /// The pains of a region-quarter with their decisions, in the run's order (situation, rank); decisions whose
    /// pain no longer exists (and pains a split made) follow, by id.
    ///
    /// A pain nobody decided on this quarter carries the latest decision on it of an earlier quarter
    /// (``ReviewedPain/carried``), as the reports show it: a junked pain's successor is proposed as «не боль».
    ///
    /// - Parameters:
    ///   - region: The region code.
    ///   - quarter: The quarter.
    ///   - known: The region-quarter's stored pains when the caller has read them already (the workspace keeps them
    ///     per run); `nil` reads them.
    /// - Returns: The reviewed pains.
    /// - Throws: The store's failure when it cannot be read.
    public func pains(region: String, quarter: Quarter, stored known: [StoredPain]? = nil) async throws
        -> [ReviewedPain]
    {
        try await pains(region: region, quarter: quarter, stored: known, only: nil)
    }

    /// ``pains(region:quarter:stored:)``, or of them only those whose id is `only`.
    private func pains(region: String, quarter: Quarter, stored known: [StoredPain]?, only: String?) async throws
        -> [ReviewedPain]
    {
        let stored: [StoredPain]
        if let known { stored = known } else { stored = try await store.pains(region: region, quarter: quarter) }
        let every = try await store.painDecisions(region: region, quarter: nil)
        var decisions = Dictionary(
            every.filter { $0.key.quarter == quarter }.map { ($0.key.painID, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        var earlier: [String: PainDecision] = [:]
        for decision in every where decision.key.quarter < quarter && decision.isDecided {
            if let known = earlier[decision.key.painID], known.key.quarter > decision.key.quarter { continue }
            earlier[decision.key.painID] = decision
        }
        var result: [ReviewedPain] = []
        for pain in stored {
            let id = Self.reviewID(pain)
            if let only, id != only { continue }
            let key = PainKey(region: region, quarter: quarter, painID: id)
            let decision = decisions.removeValue(forKey: id) ?? PainDecision(key: key)
            result.append(
                ReviewedPain(pain: pain, decision: decision, carried: decision.isDecided ? nil : earlier[id])
            )
        }
        for decision in decisions.values.sorted(by: { $0.key < $1.key })
        where only == nil || decision.key.painID == only {
            result.append(ReviewedPain(pain: nil, decision: decision))
        }
        return result
    }

    /// The id decisions use for a stored pain: `situation/pain id` (a run numbers pains per life situation, so the
    /// same id may occur in two situations of one region-quarter; a pain keeps both across quarters).
    public static func reviewID(_ pain: StoredPain) -> String { "\(pain.lifeSituation)/\(pain.id)" }

    /// One pain with its decisions.
    ///
    /// - Parameters:
    ///   - key: The pain.
    ///   - stored: The region-quarter's stored pains when the caller has read them already; `nil` reads them.
    /// - Returns: The pain with its decisions.
    /// - Throws: ``LocatedFailure/reviewNotFound(_:)`` (66) when the region-quarter has no such pain.
    public func pain(_ key: PainKey, stored: [StoredPain]? = nil) async throws -> ReviewedPain {
        // Only the pains with the key's id are reviewed (a page asks for one of a region's hundreds).
        let all = try await pains(region: key.region, quarter: key.quarter, stored: stored, only: key.painID)
        guard let pain = all.first(where: { $0.key == key }) else {
            throw LocatedFailure.reviewNotFound(
                "боли \(key.painID) нет в \(key.region)/\(key.quarter); список: painmap review list --region \(key.region) --quarter \(key.quarter)"
            )
        }
        return pain
    }

    /// The audit trail of a region-quarter (or one pain), in the order it was written.
    public func log(region: String, quarter: Quarter, painID: String? = nil) async throws -> [DecisionAuditEntry] {
        try await store.decisionLog(region: region, quarter: quarter, painID: painID)
    }

    /// The comment thread of a pain, oldest first.
    public func comments(_ key: PainKey) async throws -> [DecisionAuditEntry] {
        try await log(region: key.region, quarter: key.quarter, painID: key.painID).filter { $0.kind == .comment }
    }

    /// The responsible bodies to offer for a pain: the organisations named in the pain's own records (as the run
    /// counted them, most frequent first), then those named in the other records of its life situation in the
    /// region-quarter, then the directory's bodies for the region, without repeats.
    public func bodyOptions(_ key: PainKey) async throws -> [String] {
        let reviewed = try await pain(key)
        return try await BodyOptionSources(store: store, region: key.region, quarter: key.quarter).options(
            for: reviewed.pain,
            directory: bodies.bodies(region: key.region)
        )
    }

    /// The store ids of records named as the reports name them: `pos:318661436` (a quote's `record_id`: channel and
    /// the source's own id), `#812` or `812` (the store id).
    ///
    /// - Throws: ``LocatedFailure/reviewNotFound(_:)`` (66) when a reference names no record of the region-quarter.
    public func recordIDs(_ references: [String], region: String, quarter: Quarter) async throws -> [RecordID] {
        var bySource: [String: RecordID] = [:]
        var known = Set<RecordID>()
        for item in try await store.classifiedRecords(region: region, quarter: quarter) {
            known.insert(item.id)
            if let source = item.record.sourceRecordID {
                bySource["\(item.record.source.rawValue):\(source)"] = item.id
            }
        }
        return try references.map { reference in
            let text = reference.trimmingCharacters(in: .whitespaces)
            let number = text.hasPrefix("#") ? String(text.dropFirst()) : text
            if let value = Int64(number), known.contains(RecordID(rawValue: value)) { return RecordID(rawValue: value) }
            if let id = bySource[text] { return id }
            throw LocatedFailure.reviewNotFound("записи «\(text)» нет среди записей \(region)/\(quarter)")
        }
    }

    // MARK: Decisions on one pain

    /// Marks a pain «не боль» (spam, off-topic, thanks) with the reason; it stays stored and listed.
    public func junk(_ key: PainKey, reason: String, actor: String, expect: Int? = nil) async throws -> ReviewOutcome {
        var warnings: [String] = []
        let reason = redacted(reason, field: "причина", warnings: &warnings)
        guard !reason.isEmpty else { throw LocatedFailure.reviewInvalid("укажите причину (--reason)") }
        return try await change(key, kind: .junk, actor: actor, expect: expect, warnings: warnings) { state in
            guard !state.isJunk else { throw LocatedFailure.reviewInvalid("боль \(key.painID) уже отмечена «не боль»") }
            state.isJunk = true
            state.junkReason = reason
        }
    }

    /// Withdraws «не боль».
    public func unjunk(_ key: PainKey, actor: String, expect: Int? = nil) async throws -> ReviewOutcome {
        try await change(key, kind: .unjunk, actor: actor, expect: expect, warnings: []) { state in
            guard state.isJunk else { throw LocatedFailure.reviewInvalid("боль \(key.painID) не отмечена «не боль»") }
            state.isJunk = false
            state.junkReason = nil
        }
    }

    /// Gives a pain a title of the analyst's own.
    public func rename(_ key: PainKey, title: String, actor: String, expect: Int? = nil) async throws -> ReviewOutcome {
        var warnings: [String] = []
        let title = redacted(title, field: "название", warnings: &warnings)
        guard !title.isEmpty else { throw LocatedFailure.reviewInvalid("название не может быть пустым") }
        return try await change(key, kind: .rename, actor: actor, expect: expect, warnings: warnings) { state in
            state.title = title
        }
    }

    /// Moves a pain along новая → в работе → решена, or closes it as не подтвердилась / вне компетенции.
    public func setStatus(_ key: PainKey, to status: ReviewStatus, actor: String, expect: Int? = nil) async throws
        -> ReviewOutcome
    {
        try await change(key, kind: .status, actor: actor, expect: expect, warnings: []) { state in
            guard state.status.allows(status) else {
                let allowed = ReviewStatus.allCases.filter(state.status.allows).map { "«\($0.russianName)»" }
                throw LocatedFailure.reviewInvalid(
                    "из статуса «\(state.status.russianName)» нельзя перейти в «\(status.russianName)»; можно: "
                        + allowed.joined(separator: ", ")
                )
            }
            state.status = status
        }
    }

    /// Sets the responsible body.
    public func assign(_ key: PainKey, body: String, actor: String, expect: Int? = nil) async throws -> ReviewOutcome {
        var warnings: [String] = []
        let body = redacted(body, field: "ответственный", warnings: &warnings)
        guard !body.isEmpty else { throw LocatedFailure.reviewInvalid("укажите ответственный орган") }
        return try await change(key, kind: .assign, actor: actor, expect: expect, warnings: warnings) { state in
            state.responsibleBody = body
        }
    }

    /// Sets the proposed solution and/or the due date (`YYYY-MM-DD`).
    public func setSolution(
        _ key: PainKey,
        solution: String?,
        due: String?,
        actor: String,
        expect: Int? = nil
    ) async throws -> ReviewOutcome {
        var warnings: [String] = []
        let solution = solution.map { redacted($0, field: "решение", warnings: &warnings) }
        if let due, !Self.isDate(due) {
            throw LocatedFailure.reviewInvalid("срок «\(due)» не дата ГГГГ-ММ-ДД")
        }
        guard solution != nil || due != nil else { throw LocatedFailure.reviewInvalid("укажите --text и/или --due") }
        return try await change(key, kind: .solution, actor: actor, expect: expect, warnings: warnings) { state in
            if let solution { state.solution = solution.isEmpty ? nil : solution }
            if let due { state.dueDate = due }
        }
    }

    /// Adds a comment to the pain's thread.
    public func comment(_ key: PainKey, text: String, actor: String, expect: Int? = nil) async throws -> ReviewOutcome {
        var warnings: [String] = []
        let text = redacted(text, field: "комментарий", warnings: &warnings)
        guard !text.isEmpty else { throw LocatedFailure.reviewInvalid("комментарий пуст") }
        return try await change(
            key,
            kind: .comment,
            actor: actor,
            expect: expect,
            warnings: warnings,
            auditAfter: ["comment": text]
        ) { _ in }
    }

    // MARK: Decisions on several pains or on records

    /// Merges pains into `target`: each source is marked merged (its records count for the target from then on).
    ///
    /// - Parameters:
    ///   - target: The pain the others join.
    ///   - sources: The pains merged into it.
    ///   - actor: Who decides.
    ///   - expect: Expected versions by pain id; a pain not named is taken at its current version.
    /// - Returns: The audit entries (one per source, then the target's).
    /// - Throws: ``LocatedFailure`` (`review.*`) for unknown pains or pains already merged, ``LocatedFailure/staleDecision(_:)`` on a stale version.
    public func merge(
        into target: PainKey,
        sources: [String],
        actor: String,
        expect: [String: Int] = [:]
    ) async throws -> ReviewOutcome {
        let sources = sources.filter { $0 != target.painID }
        guard !sources.isEmpty else {
            throw LocatedFailure.reviewInvalid("укажите хотя бы одну боль, отличную от целевой")
        }
        let all = try await pains(region: target.region, quarter: target.quarter)
        let byID = Dictionary(all.map { ($0.key.painID, $0) }, uniquingKeysWith: { first, _ in first })
        guard let into = byID[target.painID] else { return try await notFound(target) }
        guard into.decision.mergedInto == nil else {
            throw LocatedFailure.reviewInvalid(
                "боль \(target.painID) уже объединена с \(into.decision.mergedInto ?? "")"
            )
        }
        var changes: [DecisionBatch.Change] = []
        for id in sources {
            guard let source = byID[id] else {
                return try await notFound(PainKey(region: target.region, quarter: target.quarter, painID: id))
            }
            guard source.decision.mergedInto == nil else {
                throw LocatedFailure.reviewInvalid("боль \(id) уже объединена с \(source.decision.mergedInto ?? "")")
            }
            if let a = source.pain?.lifeSituation, let b = into.pain?.lifeSituation, a != b {
                throw LocatedFailure.reviewInvalid(
                    "боли \(id) и \(target.painID) относятся к разным жизненным ситуациям"
                )
            }
            var state = source.decision
            state.mergedInto = target.painID
            changes.append(
                DecisionBatch.Change(
                    expectedVersion: expect[id] ?? source.decision.version,
                    kind: .merge,
                    state: state,
                    auditAfter: state.fields
                )
            )
        }
        changes.append(
            DecisionBatch.Change(
                expectedVersion: expect[target.painID] ?? into.decision.version,
                kind: .merge,
                state: into.decision,
                auditAfter: ["absorbed": sources.joined(separator: ",")]
            )
        )
        return try await apply(DecisionBatch(changes: changes, actor: actor, at: timestamp()), warnings: [])
    }

    /// Moves records in the wrong place to another life situation (`""` = «Не определена»).
    ///
    /// A decision on the pain the records came from, audited like the others, which `painmap classify` applies from
    /// then on over the classifier (rule `analyst`, also after a configuration change). The same as `split` with
    /// `toSituation`.
    ///
    /// - Throws: ``LocatedFailure`` (`review.*`) when a record is not classified in the pain's situation or the situation is unknown,
    ///   ``LocatedFailure/staleDecision(_:)`` on a stale version.
    public func move(
        _ key: PainKey,
        records: [RecordID],
        toSituation situation: String,
        actor: String,
        expect: Int? = nil
    ) async throws -> ReviewOutcome {
        try await split(key, records: records, toSituation: situation, actor: actor, expect: expect)
    }

    /// Moves chosen records out of a pain: into another pain of the region-quarter (`toPain`), into a new pain
    /// (`newTitle`), or into another life situation (`toSituation`; `""` = «Не определена»).
    public func split(
        _ key: PainKey,
        records: [RecordID],
        toPain: String? = nil,
        newTitle: String? = nil,
        toSituation: String? = nil,
        actor: String,
        expect: Int? = nil
    ) async throws -> ReviewOutcome {
        guard !records.isEmpty else { throw LocatedFailure.reviewInvalid("укажите записи (--records)") }
        guard [toPain != nil, newTitle != nil, toSituation != nil].filter({ $0 }).count == 1 else {
            throw LocatedFailure.reviewInvalid("укажите ровно одно: --to, --new-title или --situation")
        }
        let all = try await pains(region: key.region, quarter: key.quarter)
        guard let source = all.first(where: { $0.key == key }) else { return try await notFound(key) }
        let situation = source.pain?.lifeSituation
        let classified = Dictionary(
            try await store.classifiedRecords(region: key.region, quarter: key.quarter).map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        let existing = Dictionary(
            try await store.recordDecisions(region: key.region, quarter: key.quarter).map { ($0.recordID, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        for id in records {
            guard let item = classified[id] else {
                throw LocatedFailure.reviewNotFound(
                    "записи \(id) нет среди классифицированных записей \(key.region)/\(key.quarter)"
                )
            }
            let current =
                existing[id].flatMap { $0.movesSituation ? $0.lifeSituation : nil }
                ?? item.classification.lifeSituation
            if let situation, current != situation {
                throw LocatedFailure.reviewInvalid(
                    "запись \(id) не относится к ситуации боли \(key.painID) (\(situation))"
                )
            }
        }
        var warnings: [String] = []
        let at = timestamp()
        let list = records.map(\.description).joined(separator: ",")
        var changes: [DecisionBatch.Change] = []
        var target: String?
        var kind = DecisionKind.split
        if let toSituation {
            let id = toSituation.isEmpty ? nil : toSituation
            if let id, !catalog.situations.contains(where: { $0.id == id }) {
                throw LocatedFailure.reviewInvalid("жизненной ситуации «\(id)» нет в Config/life-situations.yaml")
            }
            kind = .move
            changes.append(
                DecisionBatch.Change(
                    expectedVersion: expect ?? source.decision.version,
                    kind: .move,
                    state: source.decision,
                    auditAfter: ["records": list, "life_situation": id ?? "Не определена"]
                )
            )
            let moved = records.map {
                RecordDecision(
                    recordID: $0,
                    region: key.region,
                    quarter: key.quarter,
                    painID: nil,
                    movesSituation: true,
                    lifeSituation: id,
                    actor: actor,
                    at: at
                )
            }
            return try await apply(DecisionBatch(changes: changes, records: moved, actor: actor, at: at), warnings: [])
        }
        if let toPain {
            guard let into = all.first(where: { $0.key.painID == toPain }), toPain != key.painID else {
                return try await notFound(PainKey(region: key.region, quarter: key.quarter, painID: toPain))
            }
            target = toPain
            changes.append(
                DecisionBatch.Change(
                    expectedVersion: into.decision.version,
                    kind: .split,
                    state: into.decision,
                    auditAfter: ["records": list, "from": key.painID]
                )
            )
        } else if let newTitle {
            let title = redacted(newTitle, field: "название", warnings: &warnings)
            guard !title.isEmpty else { throw LocatedFailure.reviewInvalid("название новой боли не может быть пустым") }
            let taken = Set(all.map(\.key.painID))
            var number = 1
            while taken.contains("\(key.painID)-р\(number)") { number += 1 }
            let id = "\(key.painID)-р\(number)"
            target = id
            var state = PainDecision(key: PainKey(region: key.region, quarter: key.quarter, painID: id))
            state.title = title
            state.splitFrom = key.painID
            changes.append(
                DecisionBatch.Change(
                    expectedVersion: 0,
                    kind: .split,
                    state: state,
                    auditAfter: state.fields.merging(["records": list, "from": key.painID]) { first, _ in first }
                )
            )
        }
        changes.insert(
            DecisionBatch.Change(
                expectedVersion: expect ?? source.decision.version,
                kind: kind,
                state: source.decision,
                auditAfter: ["records": list, "to": target ?? ""]
            ),
            at: 0
        )
        let moved = records.map {
            RecordDecision(
                recordID: $0,
                region: key.region,
                quarter: key.quarter,
                painID: target,
                movesSituation: existing[$0]?.movesSituation ?? false,
                lifeSituation: existing[$0]?.lifeSituation,
                actor: actor,
                at: at
            )
        }
        return try await apply(
            DecisionBatch(changes: changes, records: moved, actor: actor, at: at),
            warnings: warnings
        )
    }

    // MARK: Plumbing

    private func change(
        _ key: PainKey,
        kind: DecisionKind,
        actor: String,
        expect: Int?,
        warnings: [String],
        auditAfter: [String: String]? = nil,
        _ update: (inout PainDecision) throws -> Void
    ) async throws -> ReviewOutcome {
        let current = try await pain(key)
        var state = current.decision
        try update(&state)
        let change = DecisionBatch.Change(
            expectedVersion: expect ?? current.decision.version,
            kind: kind,
            state: state,
            auditAfter: auditAfter
        )
        return try await apply(DecisionBatch(changes: [change], actor: actor, at: timestamp()), warnings: warnings)
    }

    private func apply(_ batch: DecisionBatch, warnings: [String]) async throws -> ReviewOutcome {
        do {
            return ReviewOutcome(entries: try await store.applyDecisions(batch), warnings: warnings)
        } catch let failure as LocatedFailure where failure.staleDecision != nil {
            guard var stale = failure.staleDecision else { throw failure }
            stale.changes = try await store.decisionLog(
                region: stale.key.region,
                quarter: stale.key.quarter,
                painID: stale.key.painID
            ).filter { $0.version > stale.expectedVersion }
            throw LocatedFailure.staleDecision(stale)
        }
    }

    private func notFound<T>(_ key: PainKey) async throws -> T {
        _ = try await pain(key)
        throw LocatedFailure.reviewNotFound("боли \(key.painID) нет в \(key.region)/\(key.quarter)")
    }

    /// The text redacted like a citizen's message; a warning names what was replaced.
    private func redacted(_ text: String, field: String, warnings: inout [String]) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let redaction = redactor.redact(trimmed)
        if !redaction.spans.isEmpty {
            let kinds = Set(redaction.spans.map(\.type)).sorted().map(\.placeholder).joined(separator: ", ")
            warnings.append(
                "внимание: в поле «\(field)» найдены персональные данные; сохранено с заменой на \(kinds)"
            )
        }
        return redaction.text
    }

    private func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: now())
    }

    private static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
