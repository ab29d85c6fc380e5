import PainmapClustering
import Testing

@Suite struct ClusteringResultTests {
    @Test func assignmentHashIsFNV1aOverInt32Bytes() {
        // Reference values computed independently (Python) from the documented byte layout.
        #expect(ClusteringResult.assignmentHash(of: []) == "cbf29ce484222325")
        #expect(ClusteringResult.assignmentHash(of: [0, 1, -1]) == "e206d4b7906fc9d0")
        #expect(ClusteringResult.assignmentHash(of: [1, 0, -1]) == "7ac0d0d7e2e6c940")
    }

    @Test func hashIsSixteenHexDigits() {
        for labels in [[], [0], [5, 5, 5], Array(0..<100)] {
            let hash = ClusteringResult.assignmentHash(of: labels)
            #expect(hash.count == 16)
            #expect(hash.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }
}
