import PainmapClustering
import Testing

@Suite struct ClusterConfigurationTests {
    @Test(arguments: [(0, 20), (50, 20), (400, 40), (2_500, 100), (10_000, 200), (1_000_000, 200)])
    func overClusteringSizeFollowsTheRule(records: Int, expected: Int) {
        #expect(ClusterConfiguration().resolvedK(contentCount: records) == expected)
    }

    @Test(arguments: [(50, 2), (999, 2), (1_000, 3), (20_000, 4), (100_000, 20)])
    func minimumDocumentFrequencyAdaptsToSmallBatches(records: Int, expected: Int) {
        #expect(ClusterConfiguration().resolvedMinDocumentFrequency(contentCount: records) == expected)
    }

    @Test(arguments: [(50, 3), (1_000, 5), (100_000, 500)])
    func minimumPainSizeIsHalfAPercent(records: Int, expected: Int) {
        #expect(ClusterConfiguration().resolvedMinimumPainSize(contentCount: records) == expected)
    }

    @Test func explicitValuesWin() {
        let configuration = ClusterConfiguration(k: 7, minDocumentFrequency: 5, minimumPainSize: 11)
        #expect(configuration.resolvedK(contentCount: 10_000) == 7)
        #expect(configuration.resolvedMinDocumentFrequency(contentCount: 10) == 5)
        #expect(configuration.resolvedMinimumPainSize(contentCount: 10) == 11)
        let nonsense = ClusterConfiguration(k: 0, minDocumentFrequency: -1, minimumPainSize: 0)
        #expect(nonsense.resolvedK(contentCount: 100) == 1)
        #expect(nonsense.resolvedMinDocumentFrequency(contentCount: 100) == 1)
        #expect(nonsense.resolvedMinimumPainSize(contentCount: 100) == 1)
    }

    @Test func defaultsMatchTheDesign() {
        let configuration = ClusterConfiguration()
        #expect(configuration.maxDocumentFrequency == 0.5)
        #expect(configuration.includesBigrams)
        #expect(configuration.restarts == 3)
        #expect(configuration.mergeThreshold == 0.85)
        #expect(configuration.threadCount == ClusterConfiguration.defaultThreadCount)
        #expect(configuration.threadCount >= 1)
    }
}
