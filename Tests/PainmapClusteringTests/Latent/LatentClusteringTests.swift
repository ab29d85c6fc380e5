import Testing

@testable import PainmapClustering

@Suite struct LatentClusteringTests {
    @Test func plantedTopicsComeBackInTheLatentSpaceWithWordsForKeywords() {
        let documents = PlantedCorpus.documents(perTopic: 60)
        var configuration = ClusterConfiguration(seed: 4, threadCount: 1)
        configuration.latentDimensions = 20
        let result = ClusterEngine(configuration: configuration).cluster(documents)
        #expect(result.statistics.latentDimensions == 20)
        #expect(result.pains.count == PlantedCorpus.all.count)
        for pain in result.pains {
            let topics = Set(
                documents.indices.filter { result.assignments[$0] == pain.index }.map {
                    PlantedCorpus.topic(of: documents[$0].id)
                }
            )
            #expect(topics.count == 1, "\(topics)")
            // The centroid's terms and the keywords are the topic's stems, not latent coordinates.
            let topic = PlantedCorpus.all.first { $0.name == topics.first }
            let stems = Set(topic?.words.map(\.stem) ?? [])
            #expect(!pain.centroid.isEmpty && pain.centroid.keys.contains { stems.contains($0) }, "\(pain.centroid)")
            #expect(!pain.keywords.isEmpty)
        }
    }

    @Test func seededPainsKeepTheTermSpace() {
        // Seeds are term lists: they cannot be placed among latent rows, so the engine clusters in the term space.
        let documents = PlantedCorpus.documents(perTopic: 40)
        var plain = ClusterConfiguration(seedPains: [["отоплен", "батар"]], seed: 2, threadCount: 1)
        var latent = plain
        latent.latentDimensions = 20
        plain.latentDimensions = 0
        let expected = ClusterEngine(configuration: plain).cluster(documents)
        let result = ClusterEngine(configuration: latent).cluster(documents)
        #expect(result.statistics.latentDimensions == 0)
        #expect(result.assignments == expected.assignments)
    }
}
