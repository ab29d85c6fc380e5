import Testing

@testable import PainmapClustering

@Suite struct PainPartitionTests {
    /// Rows over four terms: three rows on term 0, two on term 1, one on term 2 and one split over 0 and 3.
    let matrix = SparseRowMatrix(
        rowOffsets: [0, 1, 2, 3, 4, 5, 6, 8],
        columns: [1, 0, 0, 1, 0, 2, 0, 3],
        values: [1, 1, 1, 1, 1, 1, 0.1, 0.995],
        columnCount: 4
    )

    @Test func ordersPainsBySizeThenFirstDocument() {
        let partition = PainPartition(
            matrix: matrix,
            rowWeights: [1, 1, 1, 1, 1, 1, 1],
            firstDocument: [0, 1, 2, 3, 4, 5, 6],
            cellOfRow: [0, 1, 1, 0, 1, 2, 1],
            groupOfCell: [0, 1, 2],
            catchAllThreshold: 0.5,
            minimumPainSize: 2
        )
        // Group 1 (term 0) has 3 rows once the split row (cosine ≈ 0.4) leaves; group 0 has 2; group 2 is too small.
        #expect(partition.painCount == 2)
        #expect(partition.classOfRow == [1, 0, 0, 1, 0, 2, 2])
        #expect(partition.sizes == [3, 2, 2])
        #expect(partition.catchAllSize == 2)
        #expect(partition.cellsOfPain == [[1], [0]])
        #expect(partition.similarities[0] == 1)
    }

    @Test func weightsDecideSizes() {
        let partition = PainPartition(
            matrix: matrix,
            rowWeights: [5, 1, 1, 5, 1, 1, 1],
            firstDocument: [0, 1, 2, 3, 4, 5, 6],
            cellOfRow: [0, 1, 1, 0, 1, 2, 1],
            groupOfCell: [0, 1, 2],
            catchAllThreshold: 0.5,
            minimumPainSize: 2
        )
        #expect(partition.classOfRow == [0, 1, 1, 0, 1, 2, 2])
        #expect(partition.sizes == [10, 3, 2])
    }

    @Test(arguments: [1, 2])
    func refinementMovesARowToTheNearestPain(threads: Int) {
        // Row 3 lies on term 1 but its k-means cell merged into the term-0 group; refinement gives it back.
        let partition = PainPartition(
            matrix: matrix,
            rowWeights: [1, 1, 1, 1, 1, 1, 1],
            firstDocument: [0, 1, 2, 3, 4, 5, 6],
            cellOfRow: [0, 1, 1, 1, 1, 2, 1],
            groupOfCell: [0, 1, 2],
            catchAllThreshold: 0.5,
            minimumPainSize: 2,
            refinementPasses: 1,
            threadCount: threads
        )
        #expect(partition.painCount == 2)
        #expect(partition.classOfRow == [1, 0, 0, 1, 0, 2, 2])

        let unrefined = PainPartition(
            matrix: matrix,
            rowWeights: [1, 1, 1, 1, 1, 1, 1],
            firstDocument: [0, 1, 2, 3, 4, 5, 6],
            cellOfRow: [0, 1, 1, 1, 1, 2, 1],
            groupOfCell: [0, 1, 2],
            catchAllThreshold: 0.5,
            minimumPainSize: 2
        )
        // Without it, row 3 is far from its group's centroid (→ «Прочее») and row 0 alone is too small a pain.
        #expect(unrefined.painCount == 1)
        #expect(unrefined.classOfRow == [1, 0, 0, 1, 0, 1, 1])
    }
}
