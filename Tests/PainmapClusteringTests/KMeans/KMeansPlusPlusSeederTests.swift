import PainmapCore
import Testing

@testable import PainmapClustering

@Suite struct KMeansPlusPlusSeederTests {
    @Test func seedsSpreadOverSeparatedGroups() {
        let (matrix, labels) = SphericalKMeansTests.separableMatrix(groups: 6, rowsPerGroup: 30)
        var generator = SplitMix64(seed: 4)
        let seeds = KMeansPlusPlusSeeder(clusterCount: 6, sampleSize: 3_072)
            .seeds(matrix: matrix, weights: [Float](repeating: 1, count: matrix.rowCount), generator: &generator)
        #expect(seeds.count == 6)
        #expect(Set(seeds.map { labels[$0] }).count == 6)
    }

    @Test func sameSeedSameChoice() {
        let (matrix, _) = SphericalKMeansTests.separableMatrix(groups: 4, rowsPerGroup: 50)
        let seeder = KMeansPlusPlusSeeder(clusterCount: 10, sampleSize: 64)
        var first = SplitMix64(seed: 8)
        var second = SplitMix64(seed: 8)
        let weights = [Float](repeating: 1, count: matrix.rowCount)
        #expect(
            seeder.seeds(matrix: matrix, weights: weights, generator: &first)
                == seeder.seeds(matrix: matrix, weights: weights, generator: &second)
        )
    }

    @Test func identicalRowsStillGiveDistinctSeeds() {
        // Four copies of one row: after the first seed every distance is zero.
        let matrix = SparseRowMatrix(
            rowOffsets: [0, 1, 2, 3, 4],
            columns: [0, 0, 0, 0],
            values: [1, 1, 1, 1],
            columnCount: 1
        )
        var generator = SplitMix64(seed: 1)
        let seeds = KMeansPlusPlusSeeder(clusterCount: 3, sampleSize: 10)
            .seeds(matrix: matrix, weights: [1, 1, 1, 1], generator: &generator)
        #expect(seeds.count == 3)
        #expect(Set(seeds).count == 3)
    }

    @Test func sampleIsSortedUniqueAndSeeded() {
        var generator = SplitMix64(seed: 2)
        let sample = KMeansPlusPlusSeeder.sampleRows(rowCount: 1_000, size: 100, generator: &generator)
        #expect(sample.count == 100)
        #expect(sample == sample.sorted())
        #expect(Set(sample).count == 100)
        var small = SplitMix64(seed: 2)
        #expect(KMeansPlusPlusSeeder.sampleRows(rowCount: 5, size: 100, generator: &small) == [0, 1, 2, 3, 4])
    }
}
