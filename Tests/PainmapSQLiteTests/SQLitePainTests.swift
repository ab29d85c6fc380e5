import Foundation
import PainmapCore
import PainmapSQLite
import Testing

private func pain(_ id: String, region: String = "54", quarter: String = "2026Q3", situation: String = "kindergarten", rank: Int, count: Int) throws -> StoredPain {
    StoredPain(
        region: region, quarter: try #require(Quarter(quarter)), lifeSituation: situation, id: id, rank: rank,
        title: "нет мест в садике \(id)", stage: "result", count: count, priority: 2.5, isSignal: count < 5,
        status: count < 5 ? "new" : "recurring", previousCount: count < 5 ? 0 : count / 2,
        centroid: ["сад": 0.7, "мест": 0.5, "сад мест": 0.2])
}

@Suite struct SQLitePainTests {
    let store: SQLiteFeedbackStore

    init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("painmap-pains-\(UUID().uuidString)")
        store = try SQLiteFeedbackStore(url: directory.appendingPathComponent("s.sqlite"))
    }

    @Test func painsRoundTripInRankOrder() async throws {
        let q3 = try #require(Quarter("2026Q3"))
        let written = [try pain("2026Q2-01", rank: 2, count: 40), try pain("2026Q3-00", rank: 1, count: 3), try pain("2026Q3-04", situation: "housing", rank: 1, count: 12)]
        try await store.replacePains(region: "54", quarter: q3, with: written)
        let back = try await store.pains(region: "54", quarter: q3)
        #expect(back == [written[2], written[1], written[0]])  // housing < kindergarten, then rank
        #expect(back[1].isSignal && !back[2].isSignal)
        #expect(back[0].centroid == ["сад": 0.7, "мест": 0.5, "сад мест": 0.2])
    }

    @Test func replacingOneRegionQuarterLeavesTheOthers() async throws {
        let q2 = try #require(Quarter("2026Q2"))
        let q3 = try #require(Quarter("2026Q3"))
        try await store.replacePains(region: "54", quarter: q2, with: [try pain("2026Q2-01", quarter: "2026Q2", rank: 1, count: 43)])
        try await store.replacePains(region: "54", quarter: q3, with: [try pain("2026Q2-01", rank: 1, count: 139)])
        try await store.replacePains(region: "41", quarter: q3, with: [try pain("2026Q3-02", region: "41", rank: 1, count: 7)])
        try await store.replacePains(region: "54", quarter: q3, with: [try pain("2026Q3-09", rank: 1, count: 5)])
        #expect(try await store.pains(region: "54", quarter: q3).map(\.id) == ["2026Q3-09"])
        #expect(try await store.pains(region: "54", quarter: q2).map(\.count) == [43])
        #expect(try await store.pains(region: "41", quarter: nil).map(\.id) == ["2026Q3-02"])
        #expect(try await store.pains(region: nil, quarter: nil).count == 3)
    }

    @Test func aPainOfAnotherSliceIsRefusedAndNothingChanges() async throws {
        let q3 = try #require(Quarter("2026Q3"))
        try await store.replacePains(region: "54", quarter: q3, with: [try pain("a", rank: 1, count: 1)])
        await #expect(throws: StoreError.self) {
            try await store.replacePains(region: "54", quarter: q3, with: [try pain("b", region: "41", rank: 1, count: 1)])
        }
        #expect(try await store.pains(region: "54", quarter: q3).map(\.id) == ["a"])
    }
}
