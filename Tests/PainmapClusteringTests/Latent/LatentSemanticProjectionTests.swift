import PainmapCore
import Testing

@testable import PainmapClustering

@Suite struct LatentSemanticProjectionTests {
    /// Unit rows over `columnCount` terms, each row given as its term indices (each term weight 1 before scaling).
    private static func matrix(_ rows: [[Int]], columnCount: Int) -> SparseRowMatrix {
        var offsets = [0]
        var columns: [Int32] = []
        var values: [Float] = []
        for row in rows {
            let terms = Array(Set(row)).sorted()
            columns.append(contentsOf: terms.map(Int32.init))
            values.append(contentsOf: terms.map { _ in Float(1 / Double(terms.count).squareRoot()) })
            offsets.append(values.count)
        }
        return SparseRowMatrix(rowOffsets: offsets, columns: columns, values: values, columnCount: columnCount)
    }

    /// A random sparse matrix of unit rows: each row 1–6 terms of `columnCount` with weights in `(0, 1]`.
    private static func randomMatrix(rows: Int, columnCount: Int, seed: UInt64) -> SparseRowMatrix {
        var generator = SplitMix64(seed: seed)
        var offsets = [0]
        var columns: [Int32] = []
        var values: [Float] = []
        for _ in 0..<rows {
            var terms: [Int: Float] = [:]
            for _ in 0...generator.next(below: 6) {
                terms[generator.next(below: columnCount)] = Float(generator.next(below: 1_000) + 1) / 1_000
            }
            let norm = terms.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for (term, weight) in terms.sorted(by: { $0.key < $1.key }) {
                columns.append(Int32(term))
                values.append(weight / norm)
            }
            offsets.append(values.count)
        }
        return SparseRowMatrix(rowOffsets: offsets, columns: columns, values: values, columnCount: columnCount)
    }

    private static func cosine(_ matrix: SparseRowMatrix, _ a: Int, _ b: Int) -> Double {
        var dense = [Int32: Float]()
        for position in matrix.range(of: a) { dense[matrix.columns[position]] = matrix.values[position] }
        var dot: Double = 0
        for position in matrix.range(of: b) {
            dot += Double(dense[matrix.columns[position], default: 0] * matrix.values[position])
        }
        return dot
    }

    @Test func keepingEveryDimensionKeepsEveryCosine() {
        // With as many dimensions as the matrix has rank, U·Σ·(U·Σ)ᵀ = X·Xᵀ: the projection only rotates the rows.
        let matrix = Self.randomMatrix(rows: 60, columnCount: 25, seed: 11)
        let projected = LatentSemanticProjection(dimensions: 25, seed: 1).project(matrix)
        #expect(projected.rowCount == 60 && projected.columnCount == 25)
        var worst: Double = 0
        for a in 0..<60 {
            for b in a..<60 {
                worst = max(worst, abs(Self.cosine(projected, a, b) - Self.cosine(matrix, a, b)))
            }
        }
        #expect(worst < 1e-4, "largest cosine change: \(worst)")
    }

    @Test func lettersThatShareNoWordComeTogetherThroughWordsThatCoOccur() {
        // Terms 0–3 are one problem written four ways (ливнёвка, ливневая, канализация, засор), 4–7 another (фонарь,
        // светильник, освещение, темно). Rows mix pairs of a problem's words; rows 0 and 1 share no word.
        let storm = [[0, 1], [2, 3], [0, 2], [1, 3], [0, 3], [1, 2], [0, 1, 2], [1, 2, 3]]
        let light = [[4, 5], [6, 7], [4, 6], [5, 7], [4, 7], [5, 6], [4, 5, 6], [5, 6, 7]]
        let matrix = Self.matrix(storm + light, columnCount: 8)
        #expect(Self.cosine(matrix, 0, 1) == 0)
        let projected = LatentSemanticProjection(dimensions: 2, seed: 5).project(matrix)
        #expect(projected.columnCount == 2)
        #expect(Self.cosine(projected, 0, 1) > 0.99, "two wordings of one problem: \(Self.cosine(projected, 0, 1))")
        #expect(abs(Self.cosine(projected, 0, 8)) < 0.01, "two problems: \(Self.cosine(projected, 0, 8))")
    }

    @Test func theProjectionIsFixedByItsSeedAndRowsAreUnitLength() {
        let matrix = Self.randomMatrix(rows: 200, columnCount: 120, seed: 3)
        let first = LatentSemanticProjection(dimensions: 30, seed: 9).project(matrix)
        let again = LatentSemanticProjection(dimensions: 30, seed: 9).project(matrix)
        #expect(first.values == again.values)
        for row in 0..<first.rowCount {
            let norm = first.range(of: row).reduce(Float(0)) { $0 + first.values[$1] * first.values[$1] }
            #expect(abs(norm - 1) < 1e-5)
        }
    }

    @Test func aBlockOfDependentColumnsIsOrthonormalizedWithoutFailing() {
        // Three columns, the third the sum of the first two: two orthonormal columns and one near zero.
        var block: [Double] = []
        for r in 0..<50 {
            let a = Double(r % 7) - 3
            let b = Double(r % 5) + 0.5
            block += [a, b, a + b]
        }
        LatentSemanticProjection.orthonormalize(&block, rows: 50, width: 3)
        func dot(_ i: Int, _ j: Int) -> Double { (0..<50).reduce(0) { $0 + block[$1 * 3 + i] * block[$1 * 3 + j] } }
        #expect(abs(dot(0, 0) - 1) < 1e-9 && abs(dot(1, 1) - 1) < 1e-9 && abs(dot(0, 1)) < 1e-9)
        #expect(block.allSatisfy { $0.isFinite })
        #expect(abs(dot(0, 2)) < 1e-6 && abs(dot(1, 2)) < 1e-6, "the dependent column holds nothing of the others")
    }
}
