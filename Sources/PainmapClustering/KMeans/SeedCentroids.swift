/// Turns warm-start centroids and analysts' seeded pains into unit vectors over this batch's columns
/// (`CLUSTERING.md` §2.11–2.12), for ``SphericalKMeans/fixedCenters``.
///
/// Both come keyed by term — a stem, or two stems joined by a space, as ``PainCluster/centroid`` and
/// ``ClusterKeyword/term`` spell them — so they carry over between runs with different vocabularies.
/// A seeded pain is a pseudo-document naming each of its terms once (weight = the term's idf here); a
/// previous centroid keeps its weights. Terms this batch pruned or never saw are dropped, and a vector
/// left empty is skipped. Seeded pains come first, then previous centroids, each in the given order.
enum SeedCentroids {
    /// The seed vectors as matrix rows, or `nil` when none has a term in this vocabulary.
    ///
    /// - Parameters:
    ///   - seedPains: Analysts' term lists.
    ///   - previousCentroids: Earlier periods' centroids, keyed by term.
    ///   - vocabulary: This batch's vocabulary.
    ///   - stems: Stem strings by id.
    /// - Returns: The matrix, or `nil` when no seed has a term in the vocabulary.
    static func matrix(
        seedPains: [[String]],
        previousCentroids: [[String: Float]],
        vocabulary: TermVocabulary,
        stems: [String]
    ) -> SparseRowMatrix? {
        guard !seedPains.isEmpty || !previousCentroids.isEmpty, vocabulary.count > 0 else { return nil }
        var columnOfTerm: [String: Int32] = [:]
        columnOfTerm.reserveCapacity(vocabulary.count)
        for column in 0..<vocabulary.count {
            columnOfTerm[vocabulary.term(ofColumn: column, stems: stems)] = Int32(column)
        }
        var vectors: [[(column: Int32, weight: Float)]] = []
        for terms in seedPains {
            vectors.append(
                terms.compactMap { term in
                    columnOfTerm[term].map { ($0, vocabulary.inverseDocumentFrequency[Int($0)]) }
                }
            )
        }
        for centroid in previousCentroids {
            vectors.append(centroid.compactMap { term, weight in columnOfTerm[term].map { ($0, weight) } })
        }
        var rowOffsets = [0]
        var columns: [Int32] = []
        var values: [Float] = []
        for vector in vectors {
            // Sum repeated terms, order by column, keep positive weights, scale to unit length.
            var weightOfColumn: [Int32: Float] = [:]
            for entry in vector where entry.weight > 0 { weightOfColumn[entry.column, default: 0] += entry.weight }
            let sorted = weightOfColumn.sorted { $0.key < $1.key }
            var squares: Double = 0
            for entry in sorted { squares += Double(entry.value) * Double(entry.value) }
            guard squares > 0 else { continue }
            let scale = Float(1 / squares.squareRoot())
            for entry in sorted {
                columns.append(entry.key)
                values.append(entry.value * scale)
            }
            rowOffsets.append(values.count)
        }
        guard rowOffsets.count > 1 else { return nil }
        return SparseRowMatrix(rowOffsets: rowOffsets, columns: columns, values: values, columnCount: vocabulary.count)
    }
}
