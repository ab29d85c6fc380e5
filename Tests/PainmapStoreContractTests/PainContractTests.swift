import Foundation
import PainmapCore
import Testing

/// Stored pains per region-quarter, the same on every backend.
@Suite struct PainContractTests {
    @Test(arguments: StoreBackend.runnable)
    func painsRoundTripInRankOrder(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let q3 = try #require(Quarter("2026Q3"))
            let written = [
                try pain("2026Q2-01", rank: 2, count: 40), try pain("2026Q3-00", rank: 1, count: 3),
                try pain("2026Q3-04", situation: "housing", rank: 1, count: 12),
            ]
            try await store.replacePains(region: "54", quarter: q3, with: written)
            let back = try await store.pains(region: "54", quarter: q3)
            #expect(back == [written[2], written[1], written[0]])  // housing < kindergarten, then rank
            #expect(back[1].isSignal && !back[2].isSignal)
            #expect(back[0].centroid == ["сад": 0.7, "мест": 0.5, "сад мест": 0.2])
        }
    }

    @Test(arguments: StoreBackend.runnable)
    func replacingOneRegionQuarterLeavesTheOthers(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let q2 = try #require(Quarter("2026Q2"))
            let q3 = try #require(Quarter("2026Q3"))
            try await store.replacePains(
                region: "54",
                quarter: q2,
                with: [try pain("2026Q2-01", quarter: "2026Q2", rank: 1, count: 43)]
            )
            try await store.replacePains(region: "54", quarter: q3, with: [try pain("2026Q2-01", rank: 1, count: 139)])
            try await store.replacePains(
                region: "41",
                quarter: q3,
                with: [try pain("2026Q3-02", region: "41", rank: 1, count: 7)]
            )
            try await store.replacePains(region: "54", quarter: q3, with: [try pain("2026Q3-09", rank: 1, count: 5)])
            #expect(try await store.pains(region: "54", quarter: q3).map(\.id) == ["2026Q3-09"])
            #expect(try await store.pains(region: "54", quarter: q2).map(\.count) == [43])
            #expect(try await store.pains(region: "41", quarter: nil).map(\.id) == ["2026Q3-02"])
            #expect(try await store.pains(region: nil, quarter: nil).map(\.region) == ["41", "54", "54"])
            try await store.replacePains(region: "54", quarter: q2, with: [])
            #expect(try await store.pains(region: "54", quarter: q2).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.runnable)
    func aPainOfAnotherSliceIsRefusedAndNothingChanges(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let q3 = try #require(Quarter("2026Q3"))
            try await store.replacePains(region: "54", quarter: q3, with: [try pain("a", rank: 1, count: 1)])
            await expectStoreFailure(.storeInvalidWrite) {
                try await store.replacePains(
                    region: "54",
                    quarter: q3,
                    with: [try pain("b", region: "41", rank: 1, count: 1)]
                )
            }
            // A refused write inside the transaction (negative count) rolls the delete back too.
            await expectStoreFailure(.storeConstraint) {
                try await store.replacePains(region: "54", quarter: q3, with: [try pain("c", rank: 1, count: -1)])
            }
            #expect(try await store.pains(region: "54", quarter: q3).map(\.id) == ["a"])
        }
    }
}
