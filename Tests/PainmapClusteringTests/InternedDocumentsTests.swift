import Testing

@testable import PainmapClustering

@Suite struct InternedDocumentsTests {
    @Test func builderNumbersWordsInFirstSeenOrder() {
        var builder = InternedDocuments.Builder()
        let queue = builder.word(surface: "очереди", stem: "очеред")
        let queue2 = builder.word(surface: "очередь", stem: "очеред")
        let again = builder.word(surface: "очереди", stem: "очеред")
        #expect(queue == 0 && queue2 == 1 && again == queue)
        let document = builder.appendDocument(words: [queue, queue2], weight: 0)
        builder.addWeight(2, toDocument: document)
        let documents = builder.documents
        #expect(documents.stems == ["очеред"])
        #expect(documents.surfaces == ["очереди", "очередь"])
        #expect(documents.stemOfWord == [0, 0])
        #expect(Array(documents.words(of: 0)) == [0, 1])
        #expect(documents.weights == [3])  // a weight below 1 counts as 1
        #expect(documents.groups.isEmpty)
        #expect(documents.joinedSurfaces(of: 0) == "очереди очередь")
    }

    @Test func groupsAppearOnlyOnceOneDocumentHasOne() {
        var builder = InternedDocuments.Builder()
        let word = builder.word(surface: "садик", stem: "садик")
        builder.appendDocument(words: [word])
        builder.appendDocument(words: [word], group: 4)
        builder.appendDocument(words: [word], group: nil)
        #expect(builder.documents.groups == [-1, 4, -1])
    }

    @Test func internedInputGivesTheSameResultAsDocuments() {
        let documents = PlantedCorpus.documents(perTopic: 60, seed: 3)
        var builder = InternedDocuments.Builder()
        for document in documents {
            let words = document.tokens.map { builder.word(surface: $0.surface, stem: $0.stem) }
            builder.appendDocument(words: words, weight: document.weight)
        }
        let engine = ClusterEngine()
        let fromDocuments = engine.cluster(documents)
        let fromInterned = engine.cluster(
            builder.documents,
            documentID: { documents[$0].id },
            quoteText: { documents[$0].quoteText }
        )
        #expect(fromInterned.assignments == fromDocuments.assignments)
        #expect(fromInterned.clusters.map(\.title) == fromDocuments.clusters.map(\.title))
        #expect(fromInterned.clusters.map(\.keywords) == fromDocuments.clusters.map(\.keywords))
        #expect(fromInterned.clusters.map(\.centroid) == fromDocuments.clusters.map(\.centroid))
        #expect(
            fromInterned.clusters.map(\.representativeDocumentIDs)
                == fromDocuments.clusters.map(\.representativeDocumentIDs)
        )
    }

    @Test func defaultIDsAreDocumentNumbersAndQuotesTheSurfaces() throws {
        let documents = PlantedCorpus.documents(perTopic: 30)
        var builder = InternedDocuments.Builder()
        for document in documents {
            builder.appendDocument(words: document.tokens.map { builder.word(surface: $0.surface, stem: $0.stem) })
        }
        let result = ClusterEngine().cluster(builder.documents)
        let pain = try #require(result.pains.first)
        for id in pain.representativeDocumentIDs {
            let number = try #require(Int(id))
            #expect(result.assignments[number] == pain.index)
        }
        #expect(!pain.title.isEmpty && !pain.title.hasSuffix("."))  // joined surfaces, not the quote text
    }
}
