import Foundation
import Logging
import PainmapClustering
import PainmapPipeline
import PainmapTestSupport
import Testing

/// `painmap cluster --merge-cut stability`: the chosen cut and its criterion are printed and written to the summary.
@Suite struct CSVClusterJobMergeCutTests {
    private static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// Ninety reports (sixty distinct texts) on three problems that share no word: snow in the yard, late buses, no hot
    /// water.
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
                    "горячей воды нет, из крана идет холодная", "горячей воды нет, вода ржавая",
                ]
            ),
        ]
        let details = [
            "snow": ["", ", дворник не приходит", ", машину не откопать", ", детям не пройти", ", очень скользко"],
            "bus": ["", ", опоздал на работу", ", водитель грубит", ", мест нет", ", интервал больше часа"],
            "water": ["", ", не помыться", ", звонили в аварийную", ", нет напора", ", течёт кипяток из батареи"],
        ]
        var lines = ["id,text,topic"]
        for index in 0..<30 {
            for (name, texts) in topics {
                let text = texts[index % texts.count] + (details[name]?[index % 5] ?? "")
                lines.append("\(name)\(index),\"\(text)\",\(name)")
            }
        }
        return try directory.write("input.csv", Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    @Test func theStabilityCriterionIsPrintedWithTheChosenCut() async throws {
        let directory = try TemporaryDirectory("merge-cut")
        var options = CSVClusterJob.Options.testRun(input: try Self.input(in: directory), in: directory)
        let named = options.setMergeCut(named: "stability")
        #expect(named)
        let report = try await CSVClusterJob(options: options, logger: Self.logger).run()
        let text = report.text(showHash: false)
        let stability = try #require(report.mergeStability)
        #expect(report.summary.pains == 3, "\(text)")
        #expect(report.summary.parameters.mergeThreshold == 0.85)
        #expect(stability.splitGroupCount == 0, "\(text)")
        #expect(text.contains("критерий: устойчивость ветвей дерева слияния"), "\(text)")
        #expect(text.contains("при τ 0.85 групп \(stability.groupsAtUpperThreshold)"), "\(text)")
        #expect(text.contains("разделено 0, групп \(stability.groupCount)"), "\(text)")
        #expect(text.contains("болей 3"), "\(text)")
        let metrics = try #require(report.summary.metrics)
        #expect(metrics.ari > 0.99, "\(text)")
    }

    @Test func theFixedCutPrintsNoCriterionAndTakesTheGivenThreshold() async throws {
        let directory = try TemporaryDirectory("merge-cut-fixed")
        var options = CSVClusterJob.Options.testRun(input: try Self.input(in: directory), in: directory)
        let fixed = options.setMergeCut(named: "fixed")
        let unknown = options.setMergeCut(named: "silhouette")
        #expect(fixed && !unknown)
        options.mergeThreshold = 0.7
        let report = try await CSVClusterJob(options: options, logger: Self.logger).run()
        let text = report.text(showHash: false)
        #expect(report.mergeStability == nil)
        #expect(!text.contains("критерий"), "\(text)")
        #expect(text.contains("слиты при косинусном расстоянии ≤ 0.70"), "\(text)")
    }
}
