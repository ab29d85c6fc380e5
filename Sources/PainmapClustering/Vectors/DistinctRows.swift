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
        // Open addressing over FNV-1a hashes of the stem ids: slot → row + 1 (0 = empty), at most half full.
        var slots = [Int32](repeating: 0, count: 1 << 12)
        var hashes: [UInt64] = []
        rowOfDocument.reserveCapacity(corpus.documentCount)
        for document in 0..<corpus.documentCount {
            let sequence = corpus.tokens(of: document)
            if sequence.isEmpty {
                rowOfDocument.append(-1)
                continue
            }
            let weight = corpus.weights[document]
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for stem in sequence { hash = (hash ^ UInt64(UInt32(bitPattern: stem))) &* 0x0000_0100_0000_01B3 }
            var mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask
            var found: Int32 = -1
            while slots[slot] != 0 {
                let row = Int(slots[slot] - 1)
                if hashes[row] == hash, corpus.tokens(of: firstDocument[row]).elementsEqual(sequence) {
                    found = Int32(row)
                    break
                }
                slot = (slot + 1) & mask
            }
            if found >= 0 {
                rowOfDocument.append(found)
                weights[Int(found)] += weight
                continue
            }
            let row = Int32(firstDocument.count)
            slots[slot] = row + 1
            hashes.append(hash)
            rowOfDocument.append(row)
            firstDocument.append(document)
            weights.append(weight)
            if 2 * hashes.count > slots.count {
                slots = [Int32](repeating: 0, count: slots.count * 2)
                mask = slots.count - 1
                for (index, stored) in hashes.enumerated() {
                    var free = Int(truncatingIfNeeded: stored ^ (stored >> 31)) & mask
                    while slots[free] != 0 { free = (free + 1) & mask }
                    slots[free] = Int32(index + 1)
                }
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
