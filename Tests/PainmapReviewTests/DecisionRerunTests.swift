import Foundation
import PainmapCore
import PainmapReports
import PainmapReview
import PainmapSQLite
import Testing

/// `painmap run --region 54` after a rerun: the quarter's decisions re-attach to the new pains by the same matching
/// that carries pains across quarters, and a decision whose pain is gone is listed «требует пересмотра», never dropped.
@Suite(.serialized) struct DecisionRerunTests {
    @Test func aRerunReattachesDecisionsByMatchingAndListsTheGoneOnes() async throws {
        let fixture = try await ReviewFixture.make(quarters: [])
        defer { fixture.remove() }
        _ = try await fixture.run(quarter: "2026Q2", regions: ["54"])
        _ = try await fixture.run(quarter: "2026Q3", regions: ["54"])
        let q3 = try #require(Quarter("2026Q3"))
        let first = try await fixture.store.pains(region: "54", quarter: q3)
        // Two pains new in 2026Q3 of one situation (their ids are numbered by this run, not carried).
        let fresh = Dictionary(grouping: first.filter { $0.id.hasPrefix("2026Q3-") }, by: \.lifeSituation)
        let situation = try #require(fresh.keys.sorted().first { (fresh[$0]?.count ?? 0) >= 2 })
        let a = try #require(fresh[situation]?[0])
        let b = try #require(fresh[situation]?[1])
        // The run before numbered them the other way round (exports were fixed since), and had one more pain that the
        // fixed exports no longer produce.
        var earlier = first.map { pain -> StoredPain in
            var pain = pain
            if pain.lifeSituation == situation && pain.id == a.id {
                pain.id = b.id
            } else if pain.lifeSituation == situation && pain.id == b.id {
                pain.id = a.id
            }
            return pain
        }
        var gone = a
        gone.id = "2026Q3-90"
        gone.title = "Боль, которой больше нет"
        gone.centroid = ["ъъъ": 1]
        earlier.append(gone)
        try await fixture.store.replacePains(region: "54", quarter: q3, with: earlier)
        // The analyst decided on what was then `a.id`: the pain with b's words.
        let seen = PainKey(region: "54", quarter: q3, painID: "\(situation)/\(a.id)")
        #expect(try await fixture.service.pain(seen).pain?.title == b.title)
        _ = try await fixture.service.setStatus(seen, to: .inProgress, actor: "ivanova")
        _ = try await fixture.service.assign(seen, body: "МФЦ", actor: "ivanova")
        let ghost = PainKey(region: "54", quarter: q3, painID: "\(situation)/2026Q3-90")
        _ = try await fixture.service.setStatus(ghost, to: .inProgress, actor: "petrov")

        _ = try await fixture.run(quarter: "2026Q3", regions: ["54"])  // the rerun re-clusters and replaces pains

        let after = try await fixture.store.pains(region: "54", quarter: q3)
        // The pain with b's words took the id the decision was made on; a's words took b's; nothing took the gone id.
        #expect(after.first { $0.lifeSituation == situation && $0.title == b.title }?.id == a.id)
        #expect(after.first { $0.lifeSituation == situation && $0.title == a.title }?.id == b.id)
        #expect(!after.contains { $0.id == "2026Q3-90" })
        let url = fixture.directory.appendingPathComponent("out/2026Q3/54/\(situation).json")
        let report = try JSONDecoder().decode(PainMapReport.self, from: Data(contentsOf: url))
        let decided = try #require(report.pains.first { $0.id == a.id })
        #expect(decided.title == b.title)
        #expect(decided.review?.status == "in_progress" && decided.review?.responsibleBody == "МФЦ")
        #expect(report.pains.first { $0.id == b.id }?.review == nil)
        // The decision whose pain is gone: kept, listed «требует пересмотра» in the report and by the service.
        #expect(report.needsReview?.map(\.id) == ["2026Q3-90"])
        let listed = try await fixture.service.pains(region: "54", quarter: q3)
        #expect(listed.first { $0.key == ghost }?.needsReview == true)
        #expect(try await fixture.service.pain(ghost).decision.status == .inProgress)
        #expect(ReviewRendering.rows(listed).contains { $0[0] == ghost.painID && $0[3].contains("требует пересмотра") })
    }
}
