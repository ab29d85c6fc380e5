import Foundation
import PainmapCore
import PainmapReports
import Testing

@Suite struct ReportJSONTests {
    @Test func schemaNamesFromIssueFive() throws {
        let data = try ReportRenderer().render(ReportFixture.kindergarten(), as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schema_version"] as? Int == 2)
        #expect((object["region"] as? [String: Any])?["code"] as? String == "54")
        #expect(object["quarter"] as? String == "2026Q3")
        #expect((object["life_situation"] as? [String: Any])?["id"] as? String == "kindergarten")
        let pains = try #require(object["pains"] as? [[String: Any]])
        let first = try #require(pains.first)
        for key in [
            "id", "title", "stage", "count", "by_channel", "previous_count", "delta", "status", "priority", "quotes",
        ] {
            #expect(first[key] != nil, "pains[0].\(key) missing")
        }
        let priority = try #require(first["priority"] as? [String: Any])
        #expect(priority["score"] != nil && priority["components"] != nil)
    }

    @Test func numbersAreRoundedToFourDecimalsAndRoundTrip() throws {
        let report = ReportFixture.kindergarten()
        let data = try ReportRenderer().render(report, as: .json)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains("\"unassigned_share\" : 0.0696") || text.contains("\"unassigned_share\": 0.0696"))
        #expect(!text.contains("0.069591"))
        #expect(text.contains("http://evil.example/"))  // slashes unescaped
        let decoded = try JSONDecoder().decode(PainMapReport.self, from: data)
        #expect(decoded.pains.map(\.id) == report.pains.map(\.id))
        #expect(decoded.pains[0].dissatisfaction.share == 0.6471)
        #expect(decoded.pains.last?.dissatisfaction.share == nil)
        #expect(decoded.pains.last?.rank == nil)
    }

    @Test func nonFiniteNumberIsNamedInTheError() throws {
        var report = ReportFixture.kindergarten()
        report.pains[1].priority.score = .nan
        let error = try #require(throws: LocatedFailure.self) { try ReportRenderer().render(report, as: .json) }
        #expect(error.code == .reportUnencodable)
        #expect(error.exitStatus == .software)
        #expect(error.description.hasPrefix("ошибка: отчёт: pains[1].priority.score: "))
    }
}
