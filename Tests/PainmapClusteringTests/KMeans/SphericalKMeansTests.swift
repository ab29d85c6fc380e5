import Testing

@testable import PainmapClustering

@Suite struct SphericalKMeansTests {
    /// `groups` well-separated groups of unit rows over disjoint terms, interleaved; every row of a group
    /// has the group's first term and two more of its six.
    static func separableMatrix(groups: Int, rowsPerGroup: Int) -> (SparseRowMatrix, [Int]) {
        var generator = PlantedCorpus.Generator(state: 99)
        var offsets = [0]
        var columns: [Int32] = []
        var values: [Float] = []
        var labels: [Int] = []
        let termsPerGroup = 6
        for _ in 0..<rowsPerGroup {
            for group in 0..<groups {
                var picked: Set = [group * termsPerGroup]
                while picked.count < 3 { picked.insert(group * termsPerGroup + generator.next(below: termsPerGroup)) }
                let weights = picked.sorted().map { ($0, Float(1 + generator.next(below: 3))) }
                let norm = weights.reduce(Float(0)) { $0 + $1.1 * $1.1 }.squareRoot()
                for (column, weight) in weights {
                    columns.append(Int32(column))
                    values.append(weight / norm)
                }
                offsets.append(values.count)
                labels.append(group)
            }
        }
        let matrix = SparseRowMatrix(
            rowOffsets: offsets,
            columns: columns,
            values: values,
            columnCount: groups * termsPerGroup
        )
        return (matrix, labels)
    }

    @Test func findsSeparatedGroups() {
        let (matrix, labels) = Self.separableMatrix(groups: 5, rowsPerGroup: 40)
        let kMeans = SphericalKMeans(clusterCount: 5, restarts: 3, maxIterations: 50, seed: 1, threadCount: 1)
        let fit = kMeans.fit(matrix, weights: [Float](repeating: 1, count: matrix.rowCount))
        #expect(fit.clusterCount == 5)
        #expect(ClusteringMetrics.adjustedRandIndex(labels, fit.assignments.map(Int.init)) == 1)
        #expect(fit.similarities.allSatisfy { $0 > 0 && $0 <= 1.0001 })
        // Centroids are unit length.
        for cell in 0..<5 {
            let norm = fit.centroids[(cell * matrix.columnCount)..<((cell + 1) * matrix.columnCount)]
                .reduce(0) { $0 + Double($1) * Double($1) }
            #expect(abs(norm - 1) < 1e-5)
        }
    }

    @Test(arguments: [2, 3, 5])
    func resultDoesNotDependOnThreads(threads: Int) {
        let (matrix, _) = Self.separableMatrix(groups: 8, rowsPerGroup: 60)
        let weights = (0..<matrix.rowCount).map { Float(1 + $0 % 3) }
        // Small chunks and a small restart sample exercise the parallel and the sampled paths.
        var kMeans = SphericalKMeans(clusterCount: 20, restarts: 3, maxIterations: 50, seed: 7, threadCount: 1)
        kMeans.chunkSize = 16
        kMeans.restartSampleSize = 200
        let single = kMeans.fit(matrix, weights: weights)
        kMeans.threadCount = threads
        let parallel = kMeans.fit(matrix, weights: weights)
        #expect(single.assignments == parallel.assignments)
        #expect(single.centroids == parallel.centroids)
        #expect(single.objective == parallel.objective)
        #expect(single.restart == parallel.restart)
    }

    @Test func neverLeavesACellEmpty() {
        let (matrix, _) = Self.separableMatrix(groups: 3, rowsPerGroup: 30)
        let kMeans = SphericalKMeans(clusterCount: 12, restarts: 2, maxIterations: 50, seed: 3, threadCount: 2)
        let fit = kMeans.fit(matrix, weights: [Float](repeating: 1, count: matrix.rowCount))
        #expect(Set(fit.assignments).count == 12)
    }

    @Test func capsCellsAtTheNumberOfRows() {
        let (matrix, _) = Self.separableMatrix(groups: 2, rowsPerGroup: 2)
        let kMeans = SphericalKMeans(clusterCount: 50, restarts: 3, maxIterations: 10, seed: 3, threadCount: 1)
        let fit = kMeans.fit(matrix, weights: [1, 1, 1, 1])
        #expect(fit.clusterCount == 4)
        #expect(fit.assignments.count == 4)
    }

    @Test func startsFromGivenCentroids() {
        let (matrix, labels) = Self.separableMatrix(groups: 4, rowsPerGroup: 20)
        let seeded = SphericalKMeans(clusterCount: 4, restarts: 3, maxIterations: 50, seed: 5, threadCount: 1)
            .fit(matrix, weights: [Float](repeating: 1, count: matrix.rowCount))
        let warm = SphericalKMeans(clusterCount: 99, restarts: 3, maxIterations: 50, seed: 5, threadCount: 1)
            .fit(matrix, weights: [Float](repeating: 1, count: matrix.rowCount), initialCentroids: seeded.centroids)
        #expect(warm.clusterCount == 4)
        #expect(warm.assignments == seeded.assignments)
        #expect(warm.iterations == 2)  // one pass to assign, one to see nothing moves
        #expect(ClusteringMetrics.adjustedRandIndex(labels, warm.assignments.map(Int.init)) == 1)
    }

    @Test func emptyMatrixGivesEmptyFit() {
        let matrix = SparseRowMatrix(rowOffsets: [0], columns: [], values: [], columnCount: 0)
        let fit = SphericalKMeans(clusterCount: 5, restarts: 3, maxIterations: 10, seed: 1, threadCount: 2)
            .fit(matrix, weights: [])
        #expect(fit.clusterCount == 0)
        #expect(fit.assignments.isEmpty)
    }
}
