import Foundation
import PainmapCore
import Testing

/// Analysts' decisions, the same on every backend: versions, refusal of stale decisions, the append-only audit trail,
/// record corrections, and concurrent analysts losing nothing.
@Suite struct DecisionContractTests {
    private func decisions(_ store: any FeedbackStore) throws -> any DecisionStore {
        try #require(store as? any DecisionStore)
    }

    private func key(_ id: String, region: String = "54", quarter: String = "2026Q3") throws -> PainKey {
        PainKey(region: region, quarter: try #require(Quarter(quarter)), painID: id)
    }

    @Test(arguments: StoreBackend.runnable)
    func aDecisionRaisesTheVersionAndIsAudited(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let decisions = try decisions(store)
            let key = try key("2026Q2-01")
            var state = PainDecision(key: key)
            state.isJunk = true
            state.junkReason = "спам"
            let first = try await decisions.applyDecisions(
                DecisionBatch(
                    changes: [.init(expectedVersion: 0, kind: .junk, state: state)],
                    actor: "ivanova",
                    at: "2026-10-05T09:00:00Z"
                )
            )
            #expect(first.map(\.version) == [1])
            #expect(first[0].before == ["junk": "false", "status": "new"])
            #expect(first[0].after == ["junk": "true", "junk_reason": "спам", "status": "new"])
            state.status = .inProgress
            state.isJunk = false
            state.junkReason = nil
            _ = try await decisions.applyDecisions(
                DecisionBatch(
                    changes: [.init(expectedVersion: 1, kind: .status, state: state)],
                    actor: "petrov",
                    at: "2026-10-05T10:00:00Z"
                )
            )
            let stored = try await decisions.painDecisions(region: "54", quarter: key.quarter)
            #expect(stored.count == 1)
            #expect(stored[0].version == 2 && stored[0].status == .inProgress && !stored[0].isJunk)
            #expect(stored[0].updatedBy == "petrov" && stored[0].updatedAt == "2026-10-05T10:00:00Z")
            let log = try await decisions.decisionLog(region: "54", quarter: nil, painID: "2026Q2-01")
            #expect(log.map(\.kind) == [.junk, .status])
            #expect(log.map(\.actor) == ["ivanova", "petrov"])
            #expect(log[1].before["junk"] == "true" && log[1].after["status"] == "in_progress")
            #expect(try await decisions.painDecisions(region: "41", quarter: nil).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.runnable)
    func aStaleDecisionIsRefusedAndNothingIsWritten(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let decisions = try decisions(store)
            let a = try key("a")
            let b = try key("b")
            var state = PainDecision(key: a)
            state.title = "очередь в сад"
            _ = try await decisions.applyDecisions(
                DecisionBatch(changes: [.init(expectedVersion: 0, kind: .rename, state: state)], actor: "x", at: "t1")
            )
            var other = PainDecision(key: b)
            other.mergedInto = "a"
            state.title = "другое"
            do {
                // b is fine, a is stale: the whole batch is refused, b included.
                _ = try await decisions.applyDecisions(
                    DecisionBatch(
                        changes: [
                            .init(expectedVersion: 0, kind: .merge, state: other),
                            .init(expectedVersion: 0, kind: .rename, state: state),
                        ],
                        actor: "y",
                        at: "t2"
                    )
                )
                Issue.record("a stale decision was applied")
            } catch let failure as LocatedFailure {
                let stale = try #require(failure.staleDecision)
                #expect(stale.key == a && stale.expectedVersion == 0 && stale.currentVersion == 1)
                #expect(failure.code == .staleDecision && failure.exitStatus == .tempFail)
            }
            #expect(try await decisions.painDecisions(region: "54", quarter: nil).map(\.key.painID) == ["a"])
            #expect(try await decisions.painDecisions(region: "54", quarter: nil)[0].title == "очередь в сад")
            #expect(try await decisions.decisionLog(region: nil, quarter: nil, painID: nil).count == 1)
        }
    }

    @Test(arguments: StoreBackend.runnable)
    func recordCorrectionsReplaceEarlierOnes(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let q3 = try #require(Quarter("2026Q3"))
            _ = try await store.ingest(
                identity("d1"),
                rows: feed([try record("1", quarter: "2026Q3"), try record("2", quarter: "2026Q3")])
            )
            let ids = try await store.storedRecords(region: "54", quarter: q3).map(\.id)
            let decisions = try decisions(store)
            let source = PainDecision(key: try key("a"))
            func move(_ id: RecordID, pain: String?, situation: String?, moves: Bool) -> RecordDecision {
                RecordDecision(
                    recordID: id,
                    region: "54",
                    quarter: q3,
                    painID: pain,
                    movesSituation: moves,
                    lifeSituation: situation,
                    actor: "x",
                    at: "t"
                )
            }
            _ = try await decisions.applyDecisions(
                DecisionBatch(
                    changes: [.init(expectedVersion: 0, kind: .split, state: source)],
                    records: [move(ids[0], pain: "b", situation: nil, moves: false)],
                    actor: "x",
                    at: "t"
                )
            )
            _ = try await decisions.applyDecisions(
                DecisionBatch(
                    changes: [.init(expectedVersion: 1, kind: .move, state: source)],
                    records: [
                        move(ids[0], pain: nil, situation: "housing", moves: true),
                        move(ids[1], pain: nil, situation: nil, moves: true),
                    ],
                    actor: "x",
                    at: "t"
                )
            )
            let back = try await decisions.recordDecisions(region: "54", quarter: q3)
            #expect(back.map(\.recordID) == ids)
            #expect(back[0].painID == nil && back[0].lifeSituation == "housing" && back[0].movesSituation)
            #expect(back[1].lifeSituation == nil && back[1].movesSituation)
            #expect(try await decisions.recordDecisions(region: "41", quarter: nil).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.runnable)
    func twentyAnalystsAtOnceLoseNoDecision(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let decisions = try decisions(store)
            let pains = try (0..<4).map { try key("p\($0)") }
            // 20 analysts, 5 comments each, on 4 pains; each retries on a stale version, as the workspace does.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for analyst in 0..<20 {
                    group.addTask {
                        for round in 0..<5 {
                            let key = pains[(analyst + round) % pains.count]
                            while true {
                                let current =
                                    try await decisions.painDecisions(region: "54", quarter: key.quarter)
                                    .first { $0.key == key } ?? PainDecision(key: key)
                                do {
                                    _ = try await decisions.applyDecisions(
                                        DecisionBatch(
                                            changes: [
                                                .init(
                                                    expectedVersion: current.version,
                                                    kind: .comment,
                                                    state: current,
                                                    auditAfter: ["comment": "a\(analyst) r\(round)"]
                                                )
                                            ],
                                            actor: "a\(analyst)",
                                            at: "t"
                                        )
                                    )
                                    break
                                } catch let failure as LocatedFailure where failure.code == .staleDecision {
                                    continue
                                }
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let log = try await decisions.decisionLog(region: "54", quarter: nil, painID: nil)
            #expect(log.count == 100)
            #expect(Set(log.compactMap { $0.after["comment"] }).count == 100)
            let versions = try await decisions.painDecisions(region: "54", quarter: nil).map(\.version)
            #expect(versions.reduce(0, +) == 100)
            for key in pains {
                #expect(log.filter { $0.key == key }.map(\.version) == Array(1...25))
            }
        }
    }
}
