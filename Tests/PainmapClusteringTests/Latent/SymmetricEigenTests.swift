import PainmapCore
import Testing

@testable import PainmapClustering

@Suite struct SymmetricEigenTests {
    /// A random symmetric `n × n` matrix with entries in `[-1, 1)`.
    private static func symmetric(order n: Int, seed: UInt64) -> [Double] {
        var generator = SplitMix64(seed: seed)
        var matrix = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in i..<n {
                let value = Double(generator.next() >> 11) / 4_503_599_627_370_496 - 1
                matrix[i * n + j] = value
                matrix[j * n + i] = value
            }
        }
        return matrix
    }

    @Test func aTwoByTwoMatrixHasItsKnownEigenpairs() {
        // [[2, 1], [1, 2]]: 3 along (1, 1)/√2, 1 along (1, −1)/√2.
        let eigen = SymmetricEigen(matrix: [2, 1, 1, 2], order: 2)
        #expect(abs(eigen.values[0] - 3) < 1e-12 && abs(eigen.values[1] - 1) < 1e-12)
        #expect(abs(abs(eigen.vectors[0]) - 0.5.squareRoot()) < 1e-12)
        #expect(abs(eigen.vectors[0] - eigen.vectors[2]) < 1e-12, "the first vector is (1, 1)/√2 up to sign")
        #expect(abs(eigen.vectors[1] + eigen.vectors[3]) < 1e-12, "the second vector is (1, −1)/√2 up to sign")
    }

    @Test(arguments: [(1, 1), (5, 2), (40, 3)] as [(Int, UInt64)])
    func theDecompositionRebuildsTheMatrixWithOrthonormalVectorsInDescendingOrder(order n: Int, seed: UInt64) {
        let matrix = Self.symmetric(order: n, seed: seed)
        let eigen = SymmetricEigen(matrix: matrix, order: n)
        #expect(zip(eigen.values, eigen.values.dropFirst()).allSatisfy { $0 >= $1 })
        var worstRebuild: Double = 0
        var worstOrthogonality: Double = 0
        for i in 0..<n {
            for j in 0..<n {
                var rebuilt: Double = 0
                var dot: Double = 0
                for k in 0..<n {
                    rebuilt += eigen.vectors[i * n + k] * eigen.values[k] * eigen.vectors[j * n + k]
                    dot += eigen.vectors[k * n + i] * eigen.vectors[k * n + j]
                }
                worstRebuild = max(worstRebuild, abs(rebuilt - matrix[i * n + j]))
                worstOrthogonality = max(worstOrthogonality, abs(dot - (i == j ? 1 : 0)))
            }
        }
        #expect(worstRebuild < 1e-10, "largest error of V·Λ·Vᵀ: \(worstRebuild)")
        #expect(worstOrthogonality < 1e-10, "largest error of Vᵀ·V: \(worstOrthogonality)")
    }
}
