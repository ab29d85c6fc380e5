import Foundation
import PainmapCore
import PainmapSQLite
import Testing

/// A run stores each pain's records with the pain (`v10_pain_members`): the clustering's members, as counted.
@Suite struct PainMembersRunTests {
    @Test func everyStoredPainKeepsExactlyTheRecordsItCountsNewestFirst() async throws {
        let fixture = try await RunFixture.shared.value
        let store = try SQLiteFeedbackStore(url: fixture.storeURL)
        for region in ["54", "41"] {
            for quarter in ["2026Q2", "2026Q3"].compactMap({ Quarter($0) }) {
                let situations = Dictionary(
                    try await store.classifiedRecords(region: region, quarter: quarter).map {
                        ($0.id, $0.classification.lifeSituation)
                    },
                    uniquingKeysWith: { first, _ in first }
                )
                let pains = try await store.pains(region: region, quarter: quarter)
                #expect(!pains.isEmpty)
                var seen = Set<RecordID>()
                for pain in pains {
                    let page = try await store.painMembers(
                        of: PainReference(
                            region: region,
                            quarter: quarter,
                            lifeSituation: pain.lifeSituation,
                            painID: pain.id
                        ),
                        offset: 0,
                        limit: 100_000
                    )
                    let label = "\(region)/\(quarter)/\(pain.lifeSituation)/\(pain.id)"
                    #expect(page.total == pain.count, "\(label)")
                    #expect(page.records.count == pain.count, "\(label)")
                    for item in page.records {
                        #expect(situations[item.id] == .some(pain.lifeSituation), "\(label): \(item.id)")
                        #expect(seen.insert(item.id).inserted, "\(label): \(item.id) in two pains")
                    }
                    let times = page.records.map(\.record.receivedAt)
                    #expect(times == times.sorted(by: >), "\(label)")
                }
            }
        }
    }
}
