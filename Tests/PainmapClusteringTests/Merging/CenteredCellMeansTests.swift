import Testing

@testable import PainmapClustering

@Suite struct CenteredCellMeansTests {
    /// Four unit rows over three terms: every row shares the background term 0; cells 0 and 1 differ in terms 1, 2.
    private let matrix: SparseRowMatrix = {
        let value = Float(0.5).squareRoot()
        return SparseRowMatrix(
            rowOffsets: [0, 2, 4, 6, 8],
            columns: [0, 1, 0, 1, 0, 2, 0, 2],
            values: [Float](repeating: value, count: 8),
            columnCount: 3
        )
    }()

    @Test func theBackgroundSharedByAllCellsNoLongerMakesThemSimilar() {
        let plainCosine = Float(0.5)  // unit centroids (1, 1, 0)/√2 and (1, 0, 1)/√2
        let centered = CenteredCellMeans.vectors(
            matrix: matrix,
            rowWeights: [1, 1, 1, 1],
            cellOfRow: [0, 0, 1, 1],
            cellCount: 3
        )
        let cosine = (0..<3).reduce(Float(0)) { $0 + centered[$1] * centered[3 + $1] }
        #expect(cosine < plainCosine)
        #expect(abs(cosine + 1) < 1e-5)  // two cells around one mean point in opposite directions
        #expect(centered[0] == 0)  // the shared term is gone
        #expect(centered[6..<9].allSatisfy { $0 == 0 })  // an empty cell stays empty
    }

    @Test func aCellEqualToTheMeanKeepsItsDirection() {
        let centered = CenteredCellMeans.vectors(
            matrix: matrix,
            rowWeights: [1, 1, 1, 1],
            cellOfRow: [0, 0, 0, 0],
            cellCount: 1
        )
        let norm = centered.reduce(Float(0)) { $0 + $1 * $1 }
        #expect(abs(norm - 1) < 1e-5)
    }
}
