import Foundation
import Logging
import PainmapPipeline
import PainmapTestSupport
import Testing

/// `painmap cluster --merge-cut stability`: the chosen cut and its criterion are printed and written to the summary.
@Suite struct CSVClusterJobMergeCutTests {
    private static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// Ninety reports on three problems that share no word: snow in the yard, late buses, no hot water.
    private static func input(in directory: TemporaryDirectory) throws -> URL {
        let topics = [
            (
                "snow",
                [
                    "не чистят снег во дворе", "снег во дворе лежит неделю, сугробы",
                    "двор завален снегом, уборки снега нет", "сугробы во дворе, снег не убирают",
                ]
            ),
            (
                "bus",
                [
                    "автобус 45 не пришел по расписанию", "автобусы ходят не по расписанию, ждали час",
                    "нет автобуса по расписанию на остановке", "автобус опять не пришел, расписание не соблюдают",
                ]
            ),
            (
                "water",
                [
                    "нет горячей воды третий день", "горячую воду отключили без предупреждения",
                    "из крана идет только холодная вода", "горячей воды нет, вода ржавая",
                ]
            ),
        ]
        var lines = ["id,text,topic"]
        for index in 0..<30 {
            for (name, texts) in topics { lines.append("\(name)\(index),\"\(texts[index % texts.count])\",\(name)") }
        }
        return try directory.write("input.csv", Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    @Test func theStabilityCriterionIsPrintedWithTheChosenCut() async throws {
        let directory = try TemporaryDirectory("merge-cut")
        var options = CSVClusterJob.Options.testRun(input: try Self.input(in: directory), in: directory)
        #expect(options.setMergeCut(named: "stability"))
        let report = try await CSVClusterJob(options: options, logger: Self.logger).run()
        let text = report.text(showHash: false)
        let stability = try #require(report.mergeStability)
        #expect(report.summary.pains == 3, "\(text)")
        #expect(report.summary.parameters.mergeThreshold == stability.chosenThreshold)
        #expect(text.contains("критерий τ: устойчивость"), "\(text)")
        #expect(text.contains(String(format: "τ = %.3f", stability.chosenThreshold)), "\(text)")
        #expect(text.contains("устойчивость по τ: "), "\(text)")
        #expect(text.contains(String(format: "%.3f:%.3f*", stability.chosenThreshold, stability.chosenStability)))
        let metrics = try #require(report.summary.metrics)
        #expect(metrics.ari > 0.99, "\(text)")
    }

    @Test func theFixedCutPrintsNoCriterionAndTakesTheGivenThreshold() async throws {
        let directory = try TemporaryDirectory("merge-cut-fixed")
        var options = CSVClusterJob.Options.testRun(input: try Self.input(in: directory), in: directory)
        #expect(options.setMergeCut(named: "fixed"))
        #expect(!options.setMergeCut(named: "silhouette"))
        options.mergeThreshold = 0.7
        let report = try await CSVClusterJob(options: options, logger: Self.logger).run()
        let text = report.text(showHash: false)
        #expect(report.mergeStability == nil)
        #expect(!text.contains("критерий τ"), "\(text)")
        #expect(text.contains("слиты при косинусном расстоянии ≤ 0.70"), "\(text)")
    }
}
