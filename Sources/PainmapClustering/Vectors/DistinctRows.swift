/// Documents with identical stem sequences collapsed into one weighted row (`CLUSTERING.md` §2.4).
///
/// Rows are numbered by the first document that has them, so numbering is deterministic; documents
/// without any stem get no row.
struct DistinctRows {
    /// The row of each document, or `-1` when the document has no stems.
    private(set) var rowOfDocument: [Int32] = []
    /// The first (lowest-index) document of each row.
    private(set) var firstDocument: [Int] = []
    /// The summed raw-record weight of each row.
    private(set) var weights: [Int] = []

    init(corpus: StemCorpus) {
        var rowOfSequence: [ArraySlice<Int32>: Int32] = [:]
        rowOfSequence.reserveCapacity(corpus.documentCount)
        rowOfDocument.reserveCapacity(corpus.documentCount)
        for document in 0..<corpus.documentCount {
            let sequence = corpus.tokens(of: document)
            if sequence.isEmpty {
                rowOfDocument.append(-1)
                continue
            }
            let weight = corpus.weights[document]
            if let row = rowOfSequence[sequence] {
                rowOfDocument.append(row)
                weights[Int(row)] += weight
            } else {
                let row = Int32(firstDocument.count)
                rowOfSequence[sequence] = row
                rowOfDocument.append(row)
                firstDocument.append(document)
                weights.append(weight)
            }
        }
    }

    /// Number of distinct rows.
    var count: Int { firstDocument.count }

    /// The stem ids of a row (those of its first document).
    func tokens(of row: Int, in corpus: StemCorpus) -> ArraySlice<Int32> {
        corpus.tokens(of: firstDocument[row])
    }
}
