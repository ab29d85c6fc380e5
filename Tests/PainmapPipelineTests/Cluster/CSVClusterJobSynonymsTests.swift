import Foundation
import Logging
import PainmapCore
import PainmapPipeline
import PainmapTestSupport
import Testing

/// `painmap cluster`'s text features: the synonyms of the real `Config/synonyms.yaml`, and its failures.
@Suite struct CSVClusterJobSynonymsTests {
    private static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// Forty reports: snow in the yard named three ways, and late buses.
    private static func input(in directory: TemporaryDirectory) throws -> URL {
        var lines = ["id,text,topic"]
        let snow = [
            "УК не чистит снег во дворе", "управляющая компания не чистит снег во дворе",
            "Управляйка не чистит снег во дворе, сугробы", "снег во дворе не чистит управляющая компания",
        ]
        let buses = [
            "автобус 45 не пришел по расписанию", "автобусы ходят не по расписанию, ждали час",
            "нет автобуса по расписанию на остановке", "автобус опять не пришел, расписание не соблюдают",
        ]
        for index in 0..<20 {
            lines.append("s\(index),\"\(snow[index % snow.count])\",snow")
            lines.append("b\(index),\"\(buses[index % buses.count])\",bus")
        }
        return try directory.write("input.csv", Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// The summary and the cluster of every row, by id.
    private static func run(_ directory: TemporaryDirectory, plain: Bool) async throws -> (
        summary: ClusterSummary, clusterOf: [String: String], text: String
    ) {
        var options = CSVClusterJob.Options.testRun(input: try input(in: directory), in: directory)
        try options.setTextFeatures(
            enabled: !plain,
            synonymsPath: RepositoryRoot.url.appendingPathComponent("Config/synonyms.yaml").path
        )
        let report = try await CSVClusterJob(options: options, logger: logger).run()
        let summary = report.summary
        var clusterOf: [String: String] = [:]
        let lines = try String(contentsOfFile: options.outputPath, encoding: .utf8).split(separator: "\n").dropFirst()
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            clusterOf[String(fields[0])] = String(fields[1])
        }
        return (summary, clusterOf, report.text(showHash: false))
    }

    /// Whether a keyword holds the word.
    private static func mentions(_ keywords: [String], _ word: String) -> Bool {
        keywords.contains { $0.split(separator: " ").contains(Substring(word)) }
    }

    @Test func synonymsOfTheConfigAreOneTermAndOnePain() async throws {
        let directory = try TemporaryDirectory("synonyms")
        let (summary, clusterOf, text) = try await Self.run(directory, plain: false)
        let keywords = summary.clusters.flatMap(\.keywords)
        #expect(keywords.contains("управляющая компания"))
        #expect(!Self.mentions(keywords, "ук"))
        #expect(!Self.mentions(keywords, "управляйка"))
        // «УК», «управляйка» and «управляющая компания» reports share one pain.
        #expect(Set((0..<20).compactMap { clusterOf["s\($0)"] }).count == 1)
        // How the number of pains was chosen, and the pains' cohesion, are printed.
        #expect(text.contains("слиты при косинусном расстоянии ≤ 0.85; связность болей"), "\(text)")
    }

    @Test func plainTermsKeepTheVariants() async throws {
        let directory = try TemporaryDirectory("synonyms-plain")
        let (summary, _, _) = try await Self.run(directory, plain: true)
        let keywords = summary.clusters.flatMap(\.keywords)
        #expect(Self.mentions(keywords, "ук") || Self.mentions(keywords, "управляйка"))
    }

    @Test func missingSynonymsFileIsNoInput() throws {
        var options = CSVClusterJob.Options(inputPath: "in.csv", outputPath: "out.csv")
        #expect(throws: LocatedFailure.self) {
            try options.setTextFeatures(enabled: true, synonymsPath: "/nonexistent/synonyms.yaml")
        }
        do {
            try options.setTextFeatures(enabled: true, synonymsPath: "/nonexistent/synonyms.yaml")
        } catch let failure as LocatedFailure {
            #expect(failure.exitStatus == .noInput)
        } catch {
            Issue.record("unexpected \(error)")
        }
        // Without a path the default file is optional, and «none» turns synonyms off.
        try options.setTextFeatures(enabled: true, synonymsPath: "none")
    }

    @Test func malformedSynonymsFileNamesItsLine() throws {
        let directory = try TemporaryDirectory("synonyms-bad")
        let file = try directory.write("synonyms.yaml", Array("synonyms:\n  - [ук, управляйка]\n  - 5: x\n".utf8))
        do {
            _ = try SynonymsLoader().load(file)
            Issue.record("a mapping inside a synonym list was accepted")
        } catch let failure as LocatedFailure {
            #expect(failure.exitStatus == .configError)
            #expect(failure.location?.line == 3)
        }
    }
}
