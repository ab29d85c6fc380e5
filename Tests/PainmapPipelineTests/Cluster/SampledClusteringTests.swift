import Foundation
import PainmapClustering
import PainmapSamples
import PainmapTestSupport
import PainmapText
import Testing

/// The engine's sample-then-assign path (`ClusterConfiguration.sampleAbove`, `cluster_sample_above` in
/// `Config/analysis.yaml`) on generated city-portal reports with planted pain labels (`painmap samples --style portal`):
/// with a threshold far below the batch, every record still ends in a pain, «Прочее» or «без содержания», the result
/// is the same at any thread count and in any run, and its quality against the labels stays close to clustering the
/// whole batch.
@Suite struct SampledClusteringTests {
    /// Generated reports (about 2,800 distinct texts: frequent reporters repeat themselves, as in the real set).
    static let recordCount = 4_000
    /// The threshold of the test: 2,000 distinct texts clustered, the rest (about a third of the records) placed.
    ///
    /// With 1,000 (a quarter of the records clustered) the sample path scored NMI 0.601, ARI 0.305, AMI 0.567 against
    /// the whole batch's 0.667, 0.332, 0.630: a small sample finds fewer, broader pains.
    static let sampleAbove = 2_000
    /// How far below the whole batch's NMI, ARI and AMI the sample path may score on these reports.
    static let margin = 0.05

    /// The reports as documents (analyzed like `painmap cluster` does) and their planted labels.
    private static func corpus() throws -> (documents: [ClusterDocument], labels: [String]) {
        let directory = try TemporaryDirectory("sampled-clustering")
        let file = directory.url.appendingPathComponent("portal.csv")
        try SampleGenerator().writeRealistic(records: recordCount, style: .portal, to: file)
        let rows = csvTestRows(try #require(String(data: try Data(contentsOf: file), encoding: .utf8)))
        let analyzer = TextAnalyzer()
        var documents: [ClusterDocument] = []
        var labels: [String] = []
        for row in rows where row.count == 6 {
            documents.append(ClusterDocument(id: row[0], analyzedTokens: analyzer.analyze(row[4]), quoteText: row[4]))
            labels.append(row[5])
        }
        return (documents, labels)
    }

    private static func engine(sampleAbove: Int?, threads: Int) -> ClusterEngine {
        var configuration = ClusterConfiguration(threadCount: threads)
        configuration.sampleAbove = sampleAbove
        return ClusterEngine(configuration: configuration)
    }

    @Test func sampledRunPlacesEveryRecordDeterministicallyAndCloseToTheWholeBatch() throws {
        let (documents, labels) = try Self.corpus()
        #expect(documents.count == Self.recordCount)
        let whole = Self.engine(sampleAbove: nil, threads: 2).cluster(documents)
        let sampled = Self.engine(sampleAbove: Self.sampleAbove, threads: 2).cluster(documents)

        // The sample path ran: a fifth of the records or more were placed, not clustered.
        let clustered = try #require(sampled.statistics.sampledDocumentCount)
        #expect(clustered < documents.count - documents.count / 5)
        #expect(whole.statistics.sampledDocumentCount == nil)

        // Every record is accounted for: in a pain, in «Прочее», or without content — and the sizes add up.
        #expect(sampled.assignments.count == documents.count)
        #expect(sampled.clusters.reduce(0) { $0 + $1.size } + sampled.noContentCount == documents.count)
        for (index, cluster) in sampled.clusters.enumerated() {
            #expect(cluster.index == index)
            #expect(cluster.size == sampled.assignments.filter { $0 == index }.count)
        }
        #expect(sampled.assignments.allSatisfy { $0 == ClusteringResult.noContent || $0 < sampled.clusters.count })
        // Pains ordered by whole-batch size, «Прочее» last.
        let painSizes = sampled.pains.map(\.size)
        #expect(painSizes == painSizes.sorted(by: >))
        // A record is without content only when none of its words is in the sample's vocabulary: at most a few more
        // than the whole batch's own term-less records.
        #expect(sampled.noContentCount <= whole.noContentCount + documents.count / 50)

        // Deterministic: the same result at one thread and on a second run.
        let again = Self.engine(sampleAbove: Self.sampleAbove, threads: 1).cluster(documents)
        #expect(again.assignmentHash == sampled.assignmentHash)
        #expect(again.clusters.map(\.title) == sampled.clusters.map(\.title))

        // Quality against the planted labels within the margin of the whole batch's.
        let wholeScores = Self.scores(labels, whole.assignments)
        let sampledScores = Self.scores(labels, sampled.assignments)
        #expect(sampledScores.nmi >= wholeScores.nmi - Self.margin, "NMI \(sampledScores) vs \(wholeScores)")
        #expect(sampledScores.ari >= wholeScores.ari - Self.margin, "ARI \(sampledScores) vs \(wholeScores)")
        #expect(sampledScores.ami >= wholeScores.ami - Self.margin, "AMI \(sampledScores) vs \(wholeScores)")
    }

    @Test func smallBatchesNeverSample() throws {
        let (documents, _) = try Self.corpus()
        let whole = Self.engine(sampleAbove: nil, threads: 2).cluster(documents)
        let above = Self.engine(sampleAbove: documents.count, threads: 2).cluster(documents)
        #expect(above.statistics.sampledDocumentCount == nil)
        #expect(above.assignmentHash == whole.assignmentHash)
    }

    private static func scores(_ labels: [String], _ assignments: [Int]) -> (nmi: Double, ari: Double, ami: Double) {
        (
            ClusteringMetrics.normalizedMutualInformation(labels, assignments),
            ClusteringMetrics.adjustedRandIndex(labels, assignments),
            ClusteringMetrics.adjustedMutualInformation(labels, assignments)
        )
    }
}
