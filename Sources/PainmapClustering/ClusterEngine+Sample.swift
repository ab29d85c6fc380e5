internal import Foundation

extension ClusterEngine {
    /// Clusters a sample of a large batch and places every other document in the nearest pain
    /// (``ClusterConfiguration/sampleAbove``).
    ///
    /// The pains, their keywords, titles, representatives and merge tree are the sample's; sizes, document counts,
    /// mean similarities, «Прочее» and «без содержания» count the whole batch, and pains are ordered again by their
    /// whole size (ties: lowest document number), as the full path orders them.
    func clusterSampled(
        _ documents: InternedDocuments,
        sample: SampledBatch,
        documentID: (Int) -> String,
        quoteText: ((Int) -> String)?
    ) -> ClusteringResult {
        let chosen = sample.documents
        let (fitted, model) = clusterAll(
            documents.subset(chosen),
            documentID: { documentID(chosen[$0]) },
            quoteText: quoteText.map { text in { text(chosen[$0]) } }
        )
        let painCount = model.painCount
        var classOfDocument = [Int32](repeating: -1, count: documents.count)
        var similarity = [Float](repeating: 0, count: documents.count)
        var inSample = [Bool](repeating: false, count: documents.count)
        // The sample's classes are its pains `0 ..< painCount`, then «Прочее» = `painCount`, as here.
        for (position, document) in chosen.enumerated() {
            inSample[document] = true
            classOfDocument[document] = Int32(fitted.assignments[position])
            similarity[document] = model.similarities[position]
        }
        let placed = NearestPainPlacement(model: model, catchAllThreshold: configuration.catchAllThreshold)
            .place(documents, skipping: inSample, threadCount: configuration.threadCount)
        for (document, placement) in placed {
            classOfDocument[document] = placement.cls
            similarity[document] = placement.similarity
        }

        // Whole-batch sizes, then the full path's order: size descending, then lowest document number.
        var sizes = [Int](repeating: 0, count: painCount + 1)
        var documentCounts = [Int](repeating: 0, count: painCount + 1)
        var similaritySums = [Double](repeating: 0, count: painCount + 1)
        var firstDocument = [Int](repeating: Int.max, count: painCount + 1)
        var noContentCount = 0
        for document in 0..<documents.count {
            let cls = Int(classOfDocument[document])
            let weight = documents.weights[document]
            guard cls >= 0 else {
                noContentCount += weight
                continue
            }
            sizes[cls] += weight
            documentCounts[cls] += 1
            similaritySums[cls] += Double(weight) * Double(similarity[document])
            firstDocument[cls] = min(firstDocument[cls], document)
        }
        let order = (0..<painCount).sorted {
            sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : firstDocument[$0] < firstDocument[$1]
        }
        let hasCatchAll = sizes[painCount] > 0
        var rank = [Int](repeating: -1, count: painCount + 1)
        for (position, cls) in order.enumerated() { rank[cls] = position }
        rank[painCount] = painCount

        var clusters: [PainCluster] = []
        for cls in order + (hasCatchAll ? [painCount] : []) {
            let sampled = cls < painCount ? fitted.clusters[cls] : fitted.catchAllIndex.map { fitted.clusters[$0] }
            clusters.append(
                PainCluster(
                    index: rank[cls],
                    isCatchAll: cls == painCount,
                    size: sizes[cls],
                    documentCount: documentCounts[cls],
                    centroid: sampled?.centroid ?? [:],
                    keywords: sampled?.keywords ?? [],
                    title: cls == painCount ? "Прочее" : sampled?.title ?? "",
                    representativeDocumentIDs: sampled?.representativeDocumentIDs ?? [],
                    cells: sampled?.cells ?? [],
                    meanSimilarity: sizes[cls] > 0 ? similaritySums[cls] / Double(sizes[cls]) : 0
                )
            )
        }
        var assignments = [Int](repeating: ClusteringResult.noContent, count: documents.count)
        var cellAssignments = assignments
        for document in 0..<documents.count where classOfDocument[document] >= 0 {
            assignments[document] = rank[Int(classOfDocument[document])]
        }
        for (position, document) in chosen.enumerated() { cellAssignments[document] = fitted.cellAssignments[position] }
        let statistics = fitted.statistics
        return ClusteringResult(
            assignments: assignments,
            clusters: clusters,
            catchAllIndex: hasCatchAll ? painCount : nil,
            noContentCount: noContentCount,
            recordCount: documents.weights.reduce(0, +),
            cellAssignments: cellAssignments,
            mergeTree: fitted.mergeTree,
            statistics: ClusteringStatistics(
                contentRecordCount: statistics.contentRecordCount,
                distinctRowCount: statistics.distinctRowCount,
                clusteredRowCount: statistics.clusteredRowCount,
                vocabularySize: statistics.vocabularySize,
                nonzeroCount: statistics.nonzeroCount,
                minDocumentFrequency: statistics.minDocumentFrequency,
                minimumPainSize: statistics.minimumPainSize,
                cellCount: statistics.cellCount,
                restart: statistics.restart,
                iterations: statistics.iterations,
                objective: statistics.objective,
                seededCellCount: statistics.seededCellCount,
                sampledDocumentCount: chosen.count,
                mergeThreshold: statistics.mergeThreshold,
                mergeStability: statistics.mergeStability
            )
        )
    }
}

/// Places documents in the pains of a fitted sample: each document is weighted with the sample's vocabulary and idf
/// (sublinear tf × idf, unit length, as ``TermVocabulary`` weights rows) and goes to the pain whose centroid is most
/// similar (ties: the lower pain), to «Прочее» when that cosine is below `θ`, or nowhere («без содержания») when no
/// term of the vocabulary is in it.
struct NearestPainPlacement: Sendable {
    /// Where one document went: a pain, «Прочее» (the pain count) or `-1`, and its cosine to that class.
    struct Placement: Sendable {
        let cls: Int32
        let similarity: Float
    }

    private let columnOfStem: [Int32]
    private let columnOfBigram: [UInt64: Int32]
    private let inverseDocumentFrequency: [Float]
    /// Pain centroids term-major: `termMajor[column * painCount + pain]`.
    private let termMajor: [Float]
    private let painCount: Int
    private let catchAllThreshold: Double

    init(model: ClusterEngine.FittedModel, catchAllThreshold: Double) {
        let vocabulary = model.vocabulary
        columnOfStem = vocabulary.columnOfStem
        var bigrams: [UInt64: Int32] = [:]
        for column in 0..<vocabulary.count where vocabulary.secondStem[column] >= 0 {
            let key =
                UInt64(UInt32(bitPattern: vocabulary.firstStem[column])) << 32
                | UInt64(UInt32(bitPattern: vocabulary.secondStem[column]))
            bigrams[key] = Int32(column)
        }
        columnOfBigram = bigrams
        inverseDocumentFrequency = vocabulary.inverseDocumentFrequency
        painCount = model.painCount
        let columnCount = vocabulary.count
        var termMajor = [Float](repeating: 0, count: columnCount * max(model.painCount, 1))
        for pain in 0..<model.painCount {
            for column in 0..<columnCount {
                termMajor[column * model.painCount + pain] = model.centroids[pain * columnCount + column]
            }
        }
        self.termMajor = termMajor
        self.catchAllThreshold = catchAllThreshold
    }

    /// Places every document not skipped, in fixed blocks (any thread count gives the same placements).
    ///
    /// - Returns: The placed documents with their placement, in document order.
    func place(_ documents: InternedDocuments, skipping: [Bool], threadCount: Int, blockSize: Int = 16_384)
        -> [(document: Int, placement: Placement)]
    {
        let blockCount = (documents.count + blockSize - 1) / blockSize
        let blocks = ChunkedExecutor(threadCount: threadCount).map(blockCount) { block in
            var placed: [(document: Int, placement: Placement)] = []
            var counts: [Int32: Int32] = [:]
            var scores = [Float](repeating: 0, count: painCount)
            for document in block * blockSize..<min(documents.count, (block + 1) * blockSize) where !skipping[document]
            {
                placed.append((document, place(document, of: documents, counts: &counts, scores: &scores)))
            }
            return placed
        }
        return blocks.flatMap { $0 }
    }

    private func place(
        _ document: Int,
        of documents: InternedDocuments,
        counts: inout [Int32: Int32],
        scores: inout [Float]
    ) -> Placement {
        counts.removeAll(keepingCapacity: true)
        var previous: Int32 = -1
        for word in documents.words(of: document) {
            let stem = documents.stemOfWord[Int(word)]
            guard !documents.stems[Int(stem)].isEmpty else { continue }
            let unigram = columnOfStem[Int(stem)]
            if unigram >= 0 { counts[unigram, default: 0] += 1 }
            if previous >= 0 {
                let key = UInt64(UInt32(bitPattern: previous)) << 32 | UInt64(UInt32(bitPattern: stem))
                if let bigram = columnOfBigram[key] { counts[bigram, default: 0] += 1 }
            }
            previous = stem
        }
        guard !counts.isEmpty else { return Placement(cls: -1, similarity: 0) }
        let columns = counts.keys.sorted()
        var values: [Float] = []
        values.reserveCapacity(columns.count)
        var squares: Double = 0
        for column in columns {
            let weight = Float(1 + log(Double(counts[column] ?? 1))) * inverseDocumentFrequency[Int(column)]
            values.append(weight)
            squares += Double(weight) * Double(weight)
        }
        let scale = Float(1 / squares.squareRoot())
        guard painCount > 0 else { return Placement(cls: 0, similarity: 0) }
        for pain in 0..<painCount { scores[pain] = 0 }
        for (column, value) in zip(columns, values) {
            let base = Int(column) * painCount
            let scaled = value * scale
            for pain in 0..<painCount { scores[pain] += scaled * termMajor[base + pain] }
        }
        var best = 0
        for pain in 1..<painCount where scores[pain] > scores[best] { best = pain }
        if Double(scores[best]) < catchAllThreshold {
            return Placement(cls: Int32(painCount), similarity: 0)
        }
        return Placement(cls: Int32(best), similarity: scores[best])
    }
}
