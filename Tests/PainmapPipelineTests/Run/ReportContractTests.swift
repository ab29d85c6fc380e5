import Foundation
import PainmapCore
import PainmapPipeline
import PainmapReports
import Testing

/// The cross-field rules of docs/report-schema.md that a JSON Schema cannot state (docs/report.schema.json checks
/// keys and types; `scripts/check-report-schema` runs it on the demo's output), checked on every report of a
/// `painmap run` over SampleFeeds.
@Suite struct ReportContractTests {
    /// The rule violations of one report, as readable lines (empty when it keeps its contract).
    static func violations(of report: PainMapReport, analysis: AnalysisConfiguration) -> [String] {
        var found: [String] = []
        let quarter = report.quarter
        var ranks: [Int] = []
        for pain in report.pains {
            func fail(_ rule: String) {
                found.append(
                    "\(report.quarter)/\(report.region.code)/\(report.lifeSituation.id) \(pain.id) (\(pain.status.rawValue), \(pain.count)/\(pain.previousCount)): \(rule)"
                )
            }
            // Status against counts: the noise floor of Config/analysis.yaml decides.
            switch pain.status {
            case .vanished:
                if !(pain.previousCount > 0 && analysis.isNoise(pain.count, against: pain.previousCount)) {
                    fail("исчезла, но счётчик не в пределах шума от прошлого квартала")
                }
                if pain.rank != nil { fail("у исчезнувшей боли есть rank") }
            case .new:
                if !analysis.isNoise(pain.previousCount, against: pain.count) {
                    fail("новая, но previous_count выше порога шума")
                }
            case .recurring:
                if analysis.isNoise(pain.previousCount, against: pain.count)
                    || analysis.isNoise(pain.count, against: pain.previousCount)
                {
                    fail("повторяется, но один из счётчиков в пределах шума")
                }
            }
            if pain.status != .vanished {
                if let rank = pain.rank { ranks.append(rank) } else { fail("нет rank") }
            }
            if pain.delta.absolute != pain.count - pain.previousCount {
                fail("delta.absolute ≠ count − previous_count")
            }
            if (pain.delta.relative != nil) != (pain.previousCount > 0) { fail("delta.relative не по правилу") }
            // Quotes against count: at least two when the pain has two records, never more than three or records.
            if pain.quotes.count < min(2, pain.count) { fail("цитат \(pain.quotes.count) при \(pain.count) записях") }
            if pain.quotes.count > min(3, pain.count) { fail("цитат больше, чем записей или трёх") }
            if Set(pain.quotes.map(\.recordID)).count != pain.quotes.count { fail("одна запись процитирована дважды") }
            // Ids: `<quarter>-<NN>` of a quarter no later than the report's.
            let idQuarter = String(pain.id.prefix(6))
            if Quarter(idQuarter) == nil || idQuarter > quarter || pain.id.dropFirst(6).first != "-" {
                fail("id не вида <квартал не позже отчёта>-<номер>")
            }
            if pain.byChannel.map(\.count).reduce(0, +) != pain.count { fail("by_channel не сходится с count") }
        }
        if ranks != (0..<ranks.count).map({ $0 + 1 }) {
            found.append("\(report.quarter)/\(report.region.code)/\(report.lifeSituation.id): ранги не 1…n по порядку")
        }
        if let firstVanished = report.pains.firstIndex(where: { $0.status == .vanished }),
            report.pains[firstVanished...].contains(where: { $0.status != .vanished })
        {
            found.append("\(report.quarter)/\(report.region.code)/\(report.lifeSituation.id): исчезнувшие не в конце")
        }
        return found
    }

    @Test func everyReportOfTheSampleRunKeepsTheCrossFieldRules() async throws {
        let fixture = try await RunFixture.shared.value
        let reports = fixture.files(under: "").keys.filter {
            $0.hasSuffix(".json") && !$0.hasSuffix("index.json")
        }
        #expect(reports.count == 28)
        var violations: [String] = []
        var pains = 0
        for path in reports.sorted() {
            let report = try JSONDecoder().decode(
                PainMapReport.self,
                from: Data(contentsOf: fixture.outputDirectory.appendingPathComponent(path))
            )
            pains += report.pains.count
            violations += Self.violations(of: report, analysis: fixture.configuration.analysis)
        }
        #expect(pains > 100)
        #expect(violations.isEmpty, "\(violations.prefix(20).joined(separator: "\n"))")
    }

    @Test func theRulesCatchABrokenReport() async throws {
        let fixture = try await RunFixture.shared.value
        var report = try fixture.report("2026Q3", "54", "kindergarten")
        let analysis = fixture.configuration.analysis
        #expect(Self.violations(of: report, analysis: analysis).isEmpty)
        let index = try #require(report.pains.firstIndex { $0.count >= 2 && $0.status != .vanished })
        report.pains[index].quotes = Array(report.pains[index].quotes.prefix(1))
        report.pains[index].status = .vanished
        report.pains[index].id = "2027Q1-01"
        let found = Self.violations(of: report, analysis: analysis)
        #expect(found.contains { $0.contains("цитат 1") })
        #expect(found.contains { $0.contains("исчезла, но счётчик") })
        #expect(found.contains { $0.contains("у исчезнувшей боли есть rank") })
        #expect(found.contains { $0.contains("id не вида") })
        #expect(found.contains { $0.contains("исчезнувшие не в конце") })
    }
}
