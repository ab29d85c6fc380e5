import Foundation
import Logging
import PainmapClustering
import PainmapPipeline
import PainmapTestSupport
import Testing

/// `painmap cluster --latent-dimensions`: clustering in the latent space of the texts' words, judged on the
/// independent classification corpus (`Tests/Fixtures/classify-independent`, written without reading the engine, with
/// many paraphrases and synonyms per life situation).
@Suite struct CSVClusterJobLatentTests {
    private static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// The corpus as `id,text,topic` with the expected life situation (`none` for off-topic messages) as the truth.
    private static func input(in directory: TemporaryDirectory) throws -> URL {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures")
        let lines = try String(
            contentsOf: fixtures.appendingPathComponent("classify-independent/messages.jsonl"),
            encoding: .utf8
        ).split(separator: "\n")
        var csv = ["id,text,topic"]
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let id = try #require(object?["id"] as? String)
            let text = try #require(object?["text"] as? String).replacingOccurrences(of: "\"", with: "\"\"")
            csv.append("\(id),\"\(text)\",\(object?["expected"] as? String ?? "none")")
        }
        #expect(csv.count == 2_751)
        return try directory.write("input.csv", Array((csv.joined(separator: "\n") + "\n").utf8))
    }

    private static func run(latentDimensions: Int, seed: UInt64, directory: TemporaryDirectory, input: URL)
        async throws -> CSVClusterReport
    {
        var options = CSVClusterJob.Options.testRun(input: input, in: directory)
        options.latentDimensions = latentDimensions
        options.seed = seed
        return try await CSVClusterJob(options: options, logger: Self.logger).run()
    }

    @Test func synonymsOfOneSituationComeTogetherInTheLatentSpace() async throws {
        let directory = try TemporaryDirectory("latent")
        let input = try Self.input(in: directory)
        for seed: UInt64 in [1, 2] {
            let plain = try await Self.run(latentDimensions: 0, seed: seed, directory: directory, input: input)
            let latent = try await Self.run(latentDimensions: 100, seed: seed, directory: directory, input: input)
            let plainMetrics = try #require(plain.summary.metrics)
            let latentMetrics = try #require(latent.summary.metrics)
            // Measured: AMI 0.19–0.21 in the term space, 0.22–0.23 in 100 latent dimensions (0.25–0.26 in 300).
            #expect(
                latentMetrics.ami > plainMetrics.ami + 0.01,
                "seed \(seed): AMI \(plainMetrics.ami) → \(latentMetrics.ami)"
            )
            #expect(latent.summary.parameters.latentDimensions == 100)
            #expect(plain.summary.parameters.latentDimensions == 0)
            let text = latent.text(showHash: false)
            #expect(text.contains("ячеек k-means в латентном пространстве из 100 измерений слиты"), "\(text)")
            // Keywords stay words of the texts, not latent coordinates.
            for cluster in latent.summary.clusters where !cluster.isCatchAll {
                #expect(!cluster.keywords.isEmpty)
                #expect(cluster.keywords.allSatisfy { $0.contains { $0.isLetter } }, "\(cluster.keywords)")
            }
        }
    }
}
