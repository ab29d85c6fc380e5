import Foundation
import Logging
import PainmapCore
import PainmapPipeline
import PainmapReports
import PainmapReview
import PainmapSQLite
import Testing

/// The review service on SampleFeeds' 2026Q2 run: every decision audited, stale versions refused with what changed,
/// analysts' text redacted with a warning, merges, splits and moves checked against the pains' records.
@Suite(.serialized) struct ReviewServiceTests {
    /// The code of the ``LocatedFailure`` `body` throws; `nil`, with an issue recorded, if it throws none.
    static func failureCode(_ body: () async throws -> Void) async -> FailureCode? {
        await #expect(throws: LocatedFailure.self) { try await body() }?.code
    }

    var q2: Quarter { get throws { try #require(Quarter("2026Q2")) } }

    /// The two largest pains of the first situation of region 54 with at least two.
    private func twoPains(_ service: ReviewService) async throws -> (ReviewedPain, ReviewedPain) {
        let pains = try await service.pains(region: "54", quarter: try q2)
        let bySituation = Dictionary(grouping: pains.filter { $0.pain != nil }) { $0.pain?.lifeSituation ?? "" }
        let group = try #require(bySituation.keys.sorted().lazy.compactMap { bySituation[$0] }.first { $0.count >= 2 })
        return (group[0], group[1])
    }

    @Test func decisionsOnRealPainsAreAuditedAndVersioned() async throws {
        let fixture = try await ReviewFixture.make()
        defer { fixture.remove() }
        let service = fixture.service
        let pains = try await service.pains(region: "54", quarter: try q2)
        #expect(pains.count >= 4)
        #expect(pains.allSatisfy { $0.decision.version == 0 && $0.decision.status == .new })
        let (first, _) = try await twoPains(service)
        let key = first.key

        _ = try await service.setStatus(key, to: .inProgress, actor: "ivanova", expect: 0)
        _ = try await service.assign(key, body: "Министерство образования Новосибирской области", actor: "ivanova")
        _ = try await service.setSolution(key, solution: "Открыть группы", due: "2026-12-31", actor: "ivanova")
        let shown = try await service.pain(key)
        #expect(shown.decision.version == 3)
        #expect(shown.decision.status == .inProgress)
        #expect(shown.decision.responsibleBody == "Министерство образования Новосибирской области")
        #expect(shown.decision.solution == "Открыть группы" && shown.decision.dueDate == "2026-12-31")
        #expect(shown.title == first.pain?.title)
        let log = try await service.log(region: "54", quarter: try q2, painID: key.painID)
        #expect(log.map(\.kind) == [.status, .assign, .solution])
        #expect(log[0].before["status"] == "new" && log[0].after["status"] == "in_progress")
        #expect(log.allSatisfy { $0.actor == "ivanova" && $0.at == "2026-10-04T07:46:40Z" })

        // новая → решена skips «в работе» only from «новая»; из «в работе» → «новая» is not allowed.
        #expect(
            await Self.failureCode {
                _ = try await service.setStatus(key, to: .new, actor: "ivanova")
            } == .reviewInvalid
        )
        #expect(
            await Self.failureCode {
                _ = try await service.setSolution(key, solution: nil, due: "31.12.2026", actor: "ivanova")
            } == .reviewInvalid
        )
        #expect(
            await Self.failureCode {
                _ = try await service.rename(
                    PainKey(region: "54", quarter: try q2, painID: "нет-такой"),
                    title: "x",
                    actor: "a"
                )
            } == .reviewNotFound
        )
    }

    @Test func aDecisionOnAStaleVersionIsRefusedNamingWhatChanged() async throws {
        let fixture = try await ReviewFixture.make()
        defer { fixture.remove() }
        let (pain, _) = try await twoPains(fixture.service)
        _ = try await fixture.service.rename(pain.key, title: "Нет мест в детских садах", actor: "petrov", expect: 0)
        do {
            _ = try await fixture.service.junk(pain.key, reason: "спам", actor: "ivanova", expect: 0)
            Issue.record("a decision on version 0 was applied to version 1")
        } catch let failure as LocatedFailure {
            let stale = try #require(failure.staleDecision)
            #expect(failure.code == .staleDecision && stale.currentVersion == 1 && stale.expectedVersion == 0)
            #expect(failure.exitStatus.rawValue == 75)
            #expect(stale.changes.map(\.actor) == ["petrov"])
            #expect(failure.description.hasPrefix("ошибка: боль 54/2026Q2/"))
            #expect(failure.description.contains("текущая версия 1; посмотрите изменения и повторите с --expect 1"))
            #expect(failure.description.contains("title=Нет мест в детских садах"))
        }
        #expect(try await fixture.service.pain(pain.key).decision.isJunk == false)
    }

    @Test func analystsTextIsRedactedWithAWarning() async throws {
        let fixture = try await ReviewFixture.make()
        defer { fixture.remove() }
        let (pain, _) = try await twoPains(fixture.service)
        let outcome = try await fixture.service.comment(
            pain.key,
            text: "Звонила заявительница, тел. +7 913 555-12-34, просит перезвонить",
            actor: "ivanova"
        )
        #expect(outcome.warnings.count == 1)
        #expect(outcome.warnings[0].contains("[ТЕЛЕФОН]"))
        let comment = try #require(outcome.entries.first?.after["comment"])
        #expect(!comment.contains("555") && comment.contains("[ТЕЛЕФОН]"))
        let thread = try await fixture.service.comments(pain.key)
        #expect(thread.map { $0.after["comment"] } == [comment])
        let clean = try await fixture.service.rename(pain.key, title: "Очередь в сад не движется", actor: "ivanova")
        #expect(clean.warnings.isEmpty)
    }

    @Test func junkMergeSplitAndMoveOnRealRecords() async throws {
        let fixture = try await ReviewFixture.make()
        defer { fixture.remove() }
        let service = fixture.service
        let (target, source) = try await twoPains(service)
        _ = try await service.merge(into: target.key, sources: [source.key.painID], actor: "ivanova")
        #expect(try await service.pain(source.key).decision.mergedInto == target.key.painID)
        #expect(try await service.pain(target.key).decision.version == 1)
        #expect(
            await Self.failureCode {
                _ = try await service.merge(into: source.key, sources: [target.key.painID], actor: "ivanova")
            } == .reviewInvalid
        )

        let situation = try #require(target.pain?.lifeSituation)
        let records = try await fixture.store.classifiedRecords(region: "54", quarter: try q2)
            .filter { $0.classification.lifeSituation == situation }
        #expect(records.count >= 3)
        let chosen = Array(records.prefix(2).map(\.id))
        let split = try await service.split(
            target.key,
            records: chosen,
            newTitle: "Запись через Госуслуги",
            actor: "ivanova"
        )
        let newID = try #require(split.entries.last?.key.painID)
        #expect(newID == "\(target.key.painID)-р1")
        let created = try await service.pain(PainKey(region: "54", quarter: try q2, painID: newID))
        #expect(created.pain == nil && created.decision.splitFrom == target.key.painID && !created.needsReview)
        #expect(created.title == "Запись через Госуслуги")
        var corrections = try await fixture.store.recordDecisions(region: "54", quarter: try q2)
        #expect(corrections.map(\.recordID) == chosen.sorted())
        #expect(corrections.allSatisfy { $0.painID == newID && !$0.movesSituation })

        // A record of another situation cannot be split out of this pain.
        let foreign = try #require(
            try await fixture.store.classifiedRecords(region: "54", quarter: try q2)
                .first { $0.classification.lifeSituation != situation && $0.classification.lifeSituation != nil }
        )
        #expect(
            await Self.failureCode {
                _ = try await service.split(target.key, records: [foreign.id], toPain: source.key.painID, actor: "a")
            } == .reviewInvalid
        )

        // Moving the first record to «Не определена» keeps the record in the list, now as a situation move.
        _ = try await service.split(target.key, records: [chosen[0]], toSituation: "", actor: "ivanova")
        corrections = try await fixture.store.recordDecisions(region: "54", quarter: try q2)
        #expect(corrections.first { $0.recordID == chosen[0] }?.movesSituation == true)
        #expect(corrections.first { $0.recordID == chosen[0] }?.lifeSituation == nil)
        #expect(
            await Self.failureCode {
                _ = try await service.split(target.key, records: [chosen[1]], toSituation: "no-such", actor: "ivanova")
            } == .reviewInvalid
        )

        _ = try await service.junk(source.key, reason: "благодарности, не жалобы", actor: "petrov")
        let junked = try await service.pain(source.key)
        #expect(junked.decision.isJunk && junked.decision.junkReason == "благодарности, не жалобы")
        #expect(try await service.pains(region: "54", quarter: try q2).contains { $0.key == source.key })
        _ = try await service.unjunk(source.key, actor: "petrov")
        #expect(try await service.pain(source.key).decision.isJunk == false)
        let kinds = try await service.log(region: "54", quarter: try q2).map(\.kind)
        #expect(kinds == [.merge, .merge, .split, .split, .move, .junk, .unjunk])
    }

    @Test func bodyOptionsPutTheRecordsOrganisationsFirst() async throws {
        let fixture = try await ReviewFixture.make()
        defer { fixture.remove() }
        let (pain, _) = try await twoPains(fixture.service)
        let options = try await fixture.service.bodyOptions(pain.key)
        let directory = fixture.configuration.responsibleBodies.bodies(region: "54")
        #expect(directory.count >= 5)
        #expect(options.count > directory.count)  // SampleFeeds' records name organisations
        #expect(Array(options.suffix(directory.count)) == directory || Set(directory).isSubset(of: Set(options)))
        #expect(!directory.contains(options[0]))
        #expect(!fixture.configuration.responsibleBodies.bodies(region: "41").contains(directory[0]))
    }

    @Test func bodyOptionsOfferThePainsOwnOrganisationsFirst() async throws {
        let fixture = try await ReviewFixture.make()
        defer { fixture.remove() }
        let q2 = try #require(Quarter("2026Q2"))
        var checked = 0
        for reviewed in try await fixture.service.pains(region: "54", quarter: q2) {
            let stored = try #require(reviewed.pain)
            let url = fixture.directory.appendingPathComponent("out/2026Q2/54/\(stored.lifeSituation).json")
            let report = try JSONDecoder().decode(PainMapReport.self, from: Data(contentsOf: url))
            let named = try #require(report.pains.first { $0.id == stored.id }).organizations.map(\.name)
            guard !named.isEmpty else { continue }
            let options = try await fixture.service.bodyOptions(reviewed.key)
            #expect(Array(options.prefix(named.count)) == named, "\(reviewed.key)")
            checked += 1
        }
        #expect(checked >= 3)  // SampleFeeds' records name organisations in several pains
    }
}

/// A record an analyst moves to another life situation is classified there from then on.
@Suite struct AnalystMoveClassificationTests {
    @Test func aMovedRecordKeepsItsNewSituationThroughReclassification() async throws {
        let fixture = try await ReviewFixture.make()
        defer { fixture.remove() }
        let q2 = try #require(Quarter("2026Q2"))
        let pains = try await fixture.service.pains(region: "54", quarter: q2)
        let pain = try #require(pains.first { $0.pain?.lifeSituation == "kindergarten" })
        let record = try #require(
            try await fixture.store.classifiedRecords(region: "54", quarter: q2)
                .first { $0.classification.lifeSituation == "kindergarten" }
        )
        _ = try await fixture.service.move(pain.key, records: [record.id], toSituation: "housing", actor: "ivanova")
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let job = ClassifyJob(
            configuration: fixture.configuration,
            store: fixture.store,
            logger: logger,
            threadCount: 2
        )
        _ = try await job.run(region: "54", quarter: q2)
        var after = try #require(
            try await fixture.store.classifiedRecords(region: "54", quarter: q2).first { $0.id == record.id }
        )
        #expect(after.classification.lifeSituation == "housing")
        #expect(after.classification.rule == .analyst)
        #expect(after.classification.evidence.contains("ivanova"))
        // A full reclassification (another configuration, `--all`) keeps the move too.
        _ = try await job.run(region: "54", quarter: q2, all: true)
        after = try #require(
            try await fixture.store.classifiedRecords(region: "54", quarter: q2).first { $0.id == record.id }
        )
        #expect(after.classification.lifeSituation == "housing" && after.classification.rule == .analyst)
    }
}
