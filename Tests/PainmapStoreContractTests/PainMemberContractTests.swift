import Foundation
import PainmapCore
import Testing

/// The records a run stores with each pain (`v10_pain_members`), the same on every backend.
@Suite struct PainMemberContractTests {
    /// Ingests `count` records of region 54, 2026Q3, and returns their store ids in store order.
    private func records(_ count: Int, in store: any FeedbackStore) async throws -> [RecordID] {
        let written = try (1...count).map { try record(String($0), quarter: "2026Q3", text: "нет мест в саду \($0)") }
        _ = try await store.ingest(identity("members"), rows: feed(written))
        let q3 = try #require(Quarter("2026Q3"))
        return try await store.storedRecords(region: "54", quarter: q3).map(\.id)
    }

    @Test(arguments: StoreBackend.runnable)
    func membersAreStoredWithTheirPainsAndReadInPages(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let q3 = try #require(Quarter("2026Q3"))
            let ids = try await records(7, in: store)
            let listed = [ids[4], ids[0], ids[6], ids[2], ids[5]]  // the order given is the order kept
            try await store.replacePains(
                region: "54",
                quarter: q3,
                with: [
                    try pain("2026Q3-01", rank: 1, count: 5),
                    try pain("2026Q3-01", situation: "housing", rank: 1, count: 2),
                ],
                members: [
                    PainMembers(lifeSituation: "kindergarten", painID: "2026Q3-01", records: listed),
                    PainMembers(lifeSituation: "housing", painID: "2026Q3-01", records: [ids[1], ids[3]]),
                ]
            )
            func page(_ situation: String, _ offset: Int, _ limit: Int) async throws -> PainMemberPage {
                try await store.painMembers(
                    of: PainReference(region: "54", quarter: q3, lifeSituation: situation, painID: "2026Q3-01"),
                    offset: offset,
                    limit: limit
                )
            }
            let first = try await page("kindergarten", 0, 2)
            #expect(first.total == 5)
            #expect(first.records.map(\.id) == [ids[4], ids[0]])
            #expect(first.records.first?.record.text == "нет мест в саду 5")
            #expect(try await page("kindergarten", 2, 2).records.map(\.id) == [ids[6], ids[2]])
            #expect(try await page("kindergarten", 4, 2).records.map(\.id) == [ids[5]])
            #expect(try await page("kindergarten", 6, 2) == PainMemberPage(total: 5, records: []))
            #expect(try await page("housing", 0, 20).records.map(\.id) == [ids[1], ids[3]])
            // Another region-quarter, or a pain that is not stored, has none.
            #expect(try await page("health", 0, 20) == PainMemberPage(total: 0, records: []))
            #expect(
                try await store.painMembers(
                    of: PainReference(
                        region: "54",
                        quarter: try #require(Quarter("2026Q2")),
                        lifeSituation: "kindergarten",
                        painID: "2026Q3-01"
                    ),
                    offset: 0,
                    limit: 20
                ).total == 0
            )
        }
    }

    @Test(arguments: StoreBackend.runnable)
    func aRerunReplacesMembersAndARefusedOneKeepsThem(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let q3 = try #require(Quarter("2026Q3"))
            let ids = try await records(4, in: store)
            func members(_ painID: String) async throws -> [RecordID] {
                try await store.painMembers(
                    of: PainReference(region: "54", quarter: q3, lifeSituation: "kindergarten", painID: painID),
                    offset: 0,
                    limit: 100
                ).records.map(\.id)
            }
            try await store.replacePains(
                region: "54",
                quarter: q3,
                with: [try pain("a", rank: 1, count: 3)],
                members: [PainMembers(lifeSituation: "kindergarten", painID: "a", records: Array(ids[0..<3]))]
            )
            try await store.replacePains(
                region: "54",
                quarter: q3,
                with: [try pain("b", rank: 1, count: 2)],
                members: [PainMembers(lifeSituation: "kindergarten", painID: "b", records: [ids[3], ids[0]])]
            )
            #expect(try await members("a").isEmpty)
            #expect(try await members("b") == [ids[3], ids[0]])
            // Members of a pain not being stored are refused; so is a pain the store refuses. Nothing changes.
            await expectStoreFailure(.storeInvalidWrite) {
                try await store.replacePains(
                    region: "54",
                    quarter: q3,
                    with: [try pain("c", rank: 1, count: 1)],
                    members: [PainMembers(lifeSituation: "kindergarten", painID: "d", records: [ids[1]])]
                )
            }
            await expectStoreFailure(.storeConstraint) {
                try await store.replacePains(
                    region: "54",
                    quarter: q3,
                    with: [try pain("c", rank: 1, count: -1)],
                    members: [PainMembers(lifeSituation: "kindergarten", painID: "c", records: [ids[1]])]
                )
            }
            #expect(try await members("b") == [ids[3], ids[0]])
            #expect(try await members("c").isEmpty)
            // Pains stored without members (as before `v10_pain_members`) have none.
            try await store.replacePains(region: "54", quarter: q3, with: [try pain("b", rank: 1, count: 2)])
            #expect(try await members("b").isEmpty)
        }
    }

    @Test(arguments: StoreBackend.runnable)
    func manyMembersCrossTheWriteBatches(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let q3 = try #require(Quarter("2026Q3"))
            let ids = try await records(3, in: store)
            // 25,001 positions (more than two of PostgreSQL's 10,000-id batches); the ids repeat, the positions do not.
            let many = (0..<25_001).map { ids[$0 % 3] }
            try await store.replacePains(
                region: "54",
                quarter: q3,
                with: [try pain("big", rank: 1, count: many.count)],
                members: [PainMembers(lifeSituation: "kindergarten", painID: "big", records: many)]
            )
            let tail = try await store.painMembers(
                of: PainReference(region: "54", quarter: q3, lifeSituation: "kindergarten", painID: "big"),
                offset: 19_998,
                limit: 4
            )
            #expect(tail.total == 25_001)
            #expect(tail.records.map(\.id) == [many[19_998], many[19_999], many[20_000], many[20_001]])
        }
    }
}
