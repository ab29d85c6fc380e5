/// Groups one batch of analyzed documents into pains (`CLUSTERING.md` §2).
///
/// The pipeline: intern stems → collapse identical token sequences into weighted rows → unigram +
/// bigram vocabulary with `min_df` / `max_df` → sublinear TF-IDF rows (unit length) → spherical
/// k-means over-clustering into `k0` cells → average-link merge of the cells at `τ` → «Прочее» for
/// records below `θ` and for pains below the minimum size → c-TF-IDF keywords, title and
/// representative documents per pain. Documents whose tokens are all pruned (or that have none) are
/// «без содержания» and get ``ClusteringResult/noContent``.
///
/// Every random choice comes from ``ClusterConfiguration/seed``, and parallel work reduces in a
/// fixed order, so the same input and configuration give bit-identical results at any thread count.
///
/// ```swift
/// let result = ClusterEngine().cluster(documents)
/// for pain in result.pains {
///     print(pain.size, pain.title, pain.keywords.map(\.text))
/// }
/// ```
public struct ClusterEngine: Sendable {
    /// The parameters of every run of this engine.
    public let configuration: ClusterConfiguration

    /// Creates an engine.
    ///
    /// - Parameter configuration: Run parameters; the defaults follow `CLUSTERING.md`.
    public init(configuration: ClusterConfiguration = ClusterConfiguration()) {
        self.configuration = configuration
    }

    /// Clusters one batch.
    ///
    /// - Parameter documents: Analyzed documents; their order is the tie-break of every ordering.
    /// - Returns: Pains, «Прочее» and the assignment of every document. An empty or content-free batch
    ///   gives a result without clusters.
    public func cluster(_ documents: [ClusterDocument]) -> ClusteringResult {
        return cluster(
            InternedDocuments(documents),
            documentID: { documents[$0].id },
            quoteText: { documents[$0].quoteText }
        )
    }

    /// Clusters one batch of interned documents: the compact entry point for large batches.
    ///
    /// Gives exactly the result of ``cluster(_:)-([ClusterDocument])`` on the same tokens, weights and
    /// groups, with documents identified by `documentID`.
    ///
    /// - Parameters:
    ///   - documents: Interned documents; their order is the tie-break of every ordering.
    ///   - documentID: The identifier reported in ``PainCluster/representativeDocumentIDs`` for a
    ///     document number; called only for the chosen documents (default: the number in decimal).
    ///   - quoteText: The redacted display text of a document number, called only for title
    ///     candidates; `nil` joins the document's surface forms.
    /// - Returns: Pains, «Прочее» and the assignment of every document.
    public func cluster(
        _ documents: InternedDocuments,
        documentID: (Int) -> String = { String($0) },
        quoteText: ((Int) -> String)? = nil
    ) -> ClusteringResult {
        if let sample = SampledBatch(documents: documents, configuration: configuration) {
            return clusterSampled(documents, sample: sample, documentID: documentID, quoteText: quoteText)
        }
        return clusterAll(documents, documentID: documentID, quoteText: quoteText).result
    }

    /// What a run of the full pipeline leaves besides its result: what the sample path needs to place the other
    /// documents in the pains found.
    struct FittedModel {
        /// The pruned vocabulary and its idf.
        let vocabulary: TermVocabulary
        /// Unit class centroids, class-major `(painCount + 1) × vocabulary.count` (pains, then «Прочее»).
        let centroids: [Float]
        /// Pains, not counting «Прочее».
        let painCount: Int
        /// Cosine of each document to its class centroid (`0` for documents without content).
        let similarities: [Float]
    }

    /// The full pipeline over every document (``cluster(_:documentID:quoteText:)`` below the sample threshold).
    func clusterAll(
        _ documents: InternedDocuments,
        documentID: (Int) -> String,
        quoteText: ((Int) -> String)?
    ) -> (result: ClusteringResult, model: FittedModel) {
        let corpus = StemCorpus(
            documents: documents,
            features: configuration.textFeatures,
            minDocumentFrequency: configuration.resolvedMinDocumentFrequency(contentCount:)
        )
        let rows = DistinctRows(corpus: corpus)
        let contentRecords = rows.weights.reduce(0, +)
        let minDocumentFrequency = configuration.resolvedMinDocumentFrequency(contentCount: contentRecords)
        let vocabulary = TermVocabulary(
            corpus: corpus,
            rows: rows,
            minDocumentFrequency: minDocumentFrequency,
            maxDocumentFrequency: configuration.maxDocumentFrequency,
            includesBigrams: configuration.includesBigrams
        )
        let (matrix, sourceRows) = vocabulary.vectorize(
            corpus: corpus,
            rows: rows,
            threadCount: configuration.threadCount
        )
        let rowWeights = sourceRows.map { rows.weights[$0] }
        let seedCenters = SeedCentroids.matrix(
            seedPains: configuration.seedPains,
            previousCentroids: configuration.previousCentroids,
            vocabulary: vocabulary,
            stems: corpus.stems
        )
        // The space k-means, the merge and the partition work in: the terms, or their latent projection.
        let projected = configuration.latentDimensions > 0 && seedCenters == nil
        let space =
            projected
            ? LatentSemanticProjection(dimensions: configuration.latentDimensions, seed: configuration.seed)
                .project(matrix) : matrix
        let clusteredRecords = rowWeights.reduce(0, +)
        let minimumPainSize = configuration.resolvedMinimumPainSize(contentCount: clusteredRecords)

        var kMeans = SphericalKMeans(
            clusterCount: min(configuration.resolvedK(contentCount: clusteredRecords), matrix.rowCount),
            restarts: configuration.restarts,
            maxIterations: configuration.maxIterations,
            seed: configuration.seed,
            threadCount: configuration.threadCount
        )
        kMeans.tolerance = configuration.convergenceTolerance
        kMeans.polishIterations = configuration.polishIterations
        kMeans.fixedCenters = seedCenters
        let kMeansWeights = rowWeights.map(configuration.duplicateWeighting.weight)
        let fit = kMeans.fit(space, weights: kMeansWeights)
        let (fixedGroupOfCell, mergeTree) = AverageLinkMerger(
            threshold: configuration.mergeThreshold,
            threadCount: configuration.threadCount
        )
        .merge(
            centroids: CenteredCellMeans.mergeVectors(
                of: fit,
                matrix: space,
                rowWeights: kMeansWeights,
                centered: configuration.mergesCenteredCells
            ),
            cellCount: fit.clusterCount,
            columnCount: space.columnCount
        )
        let stabilityChoice =
            configuration.mergeCut == .stability
            ? StabilityCut(
                replicates: configuration.stabilityReplicates,
                poolSize: configuration.stabilityPoolSize,
                subsampleFraction: 0.8,
                configuration: configuration
            ).choose(
                matrix: space,
                rowWeights: rowWeights,
                kMeansWeights: kMeansWeights,
                cellOfRow: fit.assignments,
                steps: mergeTree,
                groupsAtThreshold: fixedGroupOfCell
            ) : nil
        let groupOfCell = stabilityChoice?.groupOfCell ?? fixedGroupOfCell
        let partition = PainPartition(
            matrix: space,
            rowWeights: rowWeights,
            firstDocument: sourceRows.map { rows.firstDocument[$0] },
            cellOfRow: fit.assignments,
            groupOfCell: groupOfCell,
            catchAllThreshold: configuration.catchAllThreshold,
            minimumPainSize: minimumPainSize,
            refinementPasses: configuration.refinementPasses,
            threadCount: configuration.threadCount
        )

        let termCentroids =
            projected
            ? PainPartition.classCentroids(
                matrix: matrix,
                classOfRow: partition.classOfRow,
                classCount: partition.classCount,
                weights: rowWeights
            ) : partition.centroids
        var matrixRowOfRow = [Int32](repeating: -1, count: rows.count)
        for (matrixRow, row) in sourceRows.enumerated() { matrixRowOfRow[row] = Int32(matrixRow) }
        let keywords = KeywordExtractor(
            keywordCount: configuration.keywordCount,
            threadCount: configuration.threadCount
        ).keywords(
            KeywordExtractor.Inputs(
                matrix: matrix,
                classOfRow: partition.classOfRow,
                classCount: partition.classCount,
                rowWeights: rowWeights,
                vocabulary: vocabulary,
                corpus: corpus,
                rows: rows,
                matrixRowOfRow: matrixRowOfRow
            )
        )
        let selections = RepresentativeSelector(
            count: configuration.representativeCount,
            titleMaxTokens: configuration.titleMaxTokens
        ).select(
            classOfRow: partition.classOfRow,
            similarities: partition.similarities,
            classCount: partition.classCount,
            sourceRows: sourceRows,
            rows: rows,
            corpus: corpus,
            groups: documents.groups,
            quoteText: quoteText ?? { documents.joinedSurfaces(of: $0) }
        )

        let hasCatchAll = partition.catchAllSize > 0
        let catchAllIndex = hasCatchAll ? partition.painCount : nil
        var documentCounts = [Int](repeating: 0, count: partition.classCount)
        var similaritySums = [Double](repeating: 0, count: partition.classCount)
        for (matrixRow, cls) in partition.classOfRow.enumerated() {
            similaritySums[Int(cls)] += Double(rowWeights[matrixRow]) * Double(partition.similarities[matrixRow])
        }
        var assignments = [Int](repeating: ClusteringResult.noContent, count: documents.count)
        var cellAssignments = assignments
        var documentSimilarities = [Float](repeating: 0, count: documents.count)
        var noContentCount = 0
        for document in 0..<documents.count {
            let row = Int(rows.rowOfDocument[document])
            let matrixRow = row >= 0 ? Int(matrixRowOfRow[row]) : -1
            guard matrixRow >= 0 else {
                noContentCount += documents.weights[document]
                continue
            }
            let cls = Int(partition.classOfRow[matrixRow])
            assignments[document] = cls
            cellAssignments[document] = Int(fit.assignments[matrixRow])
            documentSimilarities[document] = partition.similarities[matrixRow]
            documentCounts[cls] += 1
        }

        let stems = corpus.stems
        let clusterCount = partition.painCount + (hasCatchAll ? 1 : 0)
        let clusters = (0..<clusterCount).map { cls in
            let isCatchAll = cls == partition.painCount
            let size = partition.sizes[cls]
            return PainCluster(
                index: cls,
                isCatchAll: isCatchAll,
                size: size,
                documentCount: documentCounts[cls],
                centroid: Self.topTerms(
                    of: termCentroids,
                    class: cls,
                    columnCount: matrix.columnCount,
                    limit: configuration.centroidTermCount,
                    vocabulary: vocabulary,
                    stems: stems
                ),
                keywords: keywords[cls],
                title: isCatchAll ? "Прочее" : selections[cls].title,
                representativeDocumentIDs: selections[cls].documents.map(documentID),
                cells: isCatchAll ? [] : partition.cellsOfPain[cls],
                meanSimilarity: size > 0 ? similaritySums[cls] / Double(size) : 0
            )
        }
        let statistics = ClusteringStatistics(
            contentRecordCount: contentRecords,
            distinctRowCount: rows.count,
            clusteredRowCount: matrix.rowCount,
            vocabularySize: vocabulary.count,
            nonzeroCount: matrix.nonzeroCount,
            minDocumentFrequency: minDocumentFrequency,
            minimumPainSize: minimumPainSize,
            cellCount: fit.clusterCount,
            restart: fit.restart,
            iterations: fit.iterations,
            objective: fit.objective,
            seededCellCount: min(kMeans.fixedCenters?.rowCount ?? 0, fit.clusterCount),
            mergeThreshold: configuration.mergeThreshold,
            mergeStability: stabilityChoice?.account,
            latentDimensions: projected ? space.columnCount : 0
        )
        let result = ClusteringResult(
            assignments: assignments,
            clusters: clusters,
            catchAllIndex: catchAllIndex,
            noContentCount: noContentCount,
            recordCount: documents.weights.reduce(0, +),
            cellAssignments: cellAssignments,
            mergeTree: mergeTree,
            statistics: statistics
        )
        let model = FittedModel(
            vocabulary: vocabulary,
            centroids: termCentroids,
            painCount: partition.painCount,
            similarities: documentSimilarities
        )
        return (result, model)
    }

    /// The strongest `limit` terms of a class centroid (ties: lower column), keyed by term.
    private static func topTerms(
        of centroids: [Float],
        class cls: Int,
        columnCount: Int,
        limit: Int,
        vocabulary: TermVocabulary,
        stems: [String]
    ) -> [String: Float] {
        let base = cls * columnCount
        var nonzero: [Int] = []
        for column in 0..<columnCount where centroids[base + column] > 0 { nonzero.append(column) }
        nonzero.sort {
            centroids[base + $0] != centroids[base + $1] ? centroids[base + $0] > centroids[base + $1] : $0 < $1
        }
        var terms: [String: Float] = [:]
        for column in nonzero.prefix(max(limit, 0)) {
            terms[vocabulary.term(ofColumn: column, stems: stems)] = centroids[base + column]
        }
        return terms
    }
}
