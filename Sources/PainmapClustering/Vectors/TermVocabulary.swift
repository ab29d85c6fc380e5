internal import Foundation

/// The pruned unigram + bigram vocabulary of a batch and its TF-IDF weighting (`CLUSTERING.md` §2.3).
///
/// Built in two passes over the distinct rows: the first interns bigram keys (`first << 32 | second`)
/// and counts document frequencies, the second assigns columns to the terms that survive `min_df` and
/// `max_df`. Columns are unigrams in stem-id order, then bigrams in first-occurrence order.
///
/// Pruning counts raw records (a message sent 40 times is not a rare typo), while the idf counts
/// distinct rows, so repeated identical messages do not make their own words look common.
struct TermVocabulary {
    /// The column of each stem id, or `-1` when the stem was pruned.
    private(set) var columnOfStem: [Int32]
    /// First stem id of each column's term.
    private(set) var firstStem: [Int32] = []
    /// Second stem id of each column's term, `-1` for a unigram.
    private(set) var secondStem: [Int32] = []
    /// Smooth idf of each column: `ln((1 + n) / (1 + df)) + 1` over distinct rows.
    private(set) var inverseDocumentFrequency: [Float] = []
    /// For every token position of every distinct row (flat, see ``rowTokenOffsets``), the column of
    /// the bigram ending at that position, or `-1`.
    private(set) var bigramColumnAtPosition: [Int32] = []
    /// Start of each distinct row's positions in ``bigramColumnAtPosition``.
    private(set) var rowTokenOffsets: [Int] = [0]

    /// Number of columns.
    var count: Int { firstStem.count }

    init(
        corpus: StemCorpus,
        rows: DistinctRows,
        minDocumentFrequency: Int,
        maxDocumentFrequency: Double,
        includesBigrams: Bool
    ) {
        let stemCount = corpus.stems.count
        var stemRows = [Int32](repeating: 0, count: stemCount)
        var stemRecords = [Int](repeating: 0, count: stemCount)
        var stemLastRow = [Int32](repeating: -1, count: stemCount)
        var bigramOfKey = BigramTable()
        var bigramKeys: [UInt64] = []
        var bigramRows: [Int32] = []
        var bigramRecords: [Int] = []
        var bigramLastRow: [Int32] = []
        var bigramAtPosition: [Int32] = []
        bigramAtPosition.reserveCapacity(corpus.tokenIDs.count)
        rowTokenOffsets.reserveCapacity(rows.count + 1)
        var totalRecords = 0

        for row in 0..<rows.count {
            let tokens = rows.tokens(of: row, in: corpus)
            let weight = rows.weights[row]
            let row32 = Int32(row)
            totalRecords += weight
            var previous: Int32 = -1
            for stem in tokens {
                let s = Int(stem)
                if stemLastRow[s] != row32 {
                    stemLastRow[s] = row32
                    stemRows[s] += 1
                    stemRecords[s] += weight
                }
                var bigram: Int32 = -1
                if includesBigrams, previous >= 0 {
                    let key = UInt64(UInt32(previous)) << 32 | UInt64(UInt32(stem))
                    bigram = bigramOfKey.id(of: key, next: Int32(bigramKeys.count))
                    if Int(bigram) == bigramKeys.count {
                        bigramKeys.append(key)
                        bigramRows.append(0)
                        bigramRecords.append(0)
                        bigramLastRow.append(-1)
                    }
                    let b = Int(bigram)
                    if bigramLastRow[b] != row32 {
                        bigramLastRow[b] = row32
                        bigramRows[b] += 1
                        bigramRecords[b] += weight
                    }
                }
                bigramAtPosition.append(bigram)
                previous = stem
            }
            rowTokenOffsets.append(bigramAtPosition.count)
        }

        let maxRecords = maxDocumentFrequency * Double(totalRecords)
        func keeps(_ records: Int) -> Bool {
            records >= minDocumentFrequency && Double(records) <= maxRecords
        }
        let rowCount = Double(rows.count)
        func idf(_ rowsWithTerm: Int32) -> Float {
            Float(log((1 + rowCount) / (1 + Double(rowsWithTerm))) + 1)
        }

        columnOfStem = [Int32](repeating: -1, count: stemCount)
        for stem in 0..<stemCount where keeps(stemRecords[stem]) {
            columnOfStem[stem] = Int32(firstStem.count)
            firstStem.append(Int32(stem))
            secondStem.append(-1)
            inverseDocumentFrequency.append(idf(stemRows[stem]))
        }
        var columnOfBigram = [Int32](repeating: -1, count: bigramKeys.count)
        for bigram in 0..<bigramKeys.count where keeps(bigramRecords[bigram]) {
            columnOfBigram[bigram] = Int32(firstStem.count)
            firstStem.append(Int32(truncatingIfNeeded: bigramKeys[bigram] >> 32))
            secondStem.append(Int32(truncatingIfNeeded: bigramKeys[bigram] & 0xFFFF_FFFF))
            inverseDocumentFrequency.append(idf(bigramRows[bigram]))
        }
        for position in bigramAtPosition.indices where bigramAtPosition[position] >= 0 {
            bigramAtPosition[position] = columnOfBigram[Int(bigramAtPosition[position])]
        }
        bigramColumnAtPosition = bigramAtPosition
    }

    /// The readable key of a column: the stem, or both stems joined by a space.
    func term(ofColumn column: Int, stems: [String]) -> String {
        let first = stems[Int(firstStem[column])]
        let second = secondStem[column]
        return second < 0 ? first : first + " " + stems[Int(second)]
    }

    /// Whether a column is a bigram.
    func isBigram(_ column: Int) -> Bool { secondStem[column] >= 0 }

    /// Builds the L2-normalized sublinear TF-IDF rows of all distinct rows that keep a term.
    ///
    /// Fixed blocks of rows are weighted in parallel and joined in row order; every row depends on
    /// itself alone, so the matrix is the same at any thread count.
    ///
    /// - Returns: The matrix and, for each of its rows, the distinct row it came from.
    func vectorize(
        corpus: StemCorpus,
        rows: DistinctRows,
        threadCount: Int = 1,
        blockSize: Int = 16_384
    ) -> (matrix: SparseRowMatrix, sourceRows: [Int]) {
        let blockSize = max(1, blockSize)
        let blocks = ChunkedExecutor(threadCount: threadCount).map((rows.count + blockSize - 1) / blockSize) { block in
            vectorize(
                rows: block * blockSize..<min(rows.count, (block + 1) * blockSize),
                corpus: corpus,
                distinct: rows
            )
        }
        var rowOffsets: [Int] = [0]
        var columns: [Int32] = []
        var values: [Float] = []
        var sourceRows: [Int] = []
        rowOffsets.reserveCapacity(rows.count + 1)
        sourceRows.reserveCapacity(rows.count)
        columns.reserveCapacity(blocks.reduce(0) { $0 + $1.columns.count })
        values.reserveCapacity(columns.capacity)
        for block in blocks {
            let base = values.count
            rowOffsets.append(contentsOf: block.ends.lazy.map { $0 + base })
            columns.append(contentsOf: block.columns)
            values.append(contentsOf: block.values)
            sourceRows.append(contentsOf: block.sourceRows)
        }
        let matrix = SparseRowMatrix(rowOffsets: rowOffsets, columns: columns, values: values, columnCount: count)
        return (matrix, sourceRows)
    }

    /// One block of ``vectorize(corpus:rows:threadCount:)``: row ends relative to the block's first value.
    private func vectorize(
        rows block: Range<Int>,
        corpus: StemCorpus,
        distinct rows: DistinctRows
    ) -> (ends: [Int], columns: [Int32], values: [Float], sourceRows: [Int]) {
        var counts = [Int32](repeating: 0, count: count)
        var touched: [Int32] = []
        var ends: [Int] = []
        var columns: [Int32] = []
        var values: [Float] = []
        var sourceRows: [Int] = []
        ends.reserveCapacity(block.count)
        sourceRows.reserveCapacity(block.count)
        for row in block {
            let tokens = rows.tokens(of: row, in: corpus)
            var position = rowTokenOffsets[row]
            for stem in tokens {
                let unigram = columnOfStem[Int(stem)]
                if unigram >= 0 {
                    if counts[Int(unigram)] == 0 { touched.append(unigram) }
                    counts[Int(unigram)] += 1
                }
                let bigram = bigramColumnAtPosition[position]
                if bigram >= 0 {
                    if counts[Int(bigram)] == 0 { touched.append(bigram) }
                    counts[Int(bigram)] += 1
                }
                position += 1
            }
            if touched.isEmpty { continue }
            touched.sort()
            let start = values.count
            var squares: Double = 0
            for column in touched {
                let c = Int(column)
                let weight = Float(1 + log(Double(counts[c]))) * inverseDocumentFrequency[c]
                counts[c] = 0
                columns.append(column)
                values.append(weight)
                squares += Double(weight) * Double(weight)
            }
            let scale = Float(1 / squares.squareRoot())
            for position in start..<values.count { values[position] *= scale }
            ends.append(values.count)
            sourceRows.append(row)
            touched.removeAll(keepingCapacity: true)
        }
        return (ends, columns, values, sourceRows)
    }
}

/// Bigram key (`first << 32 | second`) → id, open addressing with linear probing; ids are dense in
/// first-seen order, cheaper than `Dictionary` on millions of lookups.
private struct BigramTable {
    private var keys = [UInt64](repeating: 0, count: 1 << 14)
    /// id + 1, 0 for an empty slot.
    private var ids = [Int32](repeating: 0, count: 1 << 14)
    private var count = 0

    /// The id of `key`, inserting it with id `next` (which must equal the number of keys) when new.
    mutating func id(of key: UInt64, next: Int32) -> Int32 {
        var mask = keys.count - 1
        var slot = Self.slot(key, mask)
        while ids[slot] != 0 {
            if keys[slot] == key { return ids[slot] - 1 }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        ids[slot] = next + 1
        count += 1
        if 2 * count > keys.count {
            let oldKeys = keys
            let oldIDs = ids
            keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
            ids = [Int32](repeating: 0, count: oldKeys.count * 2)
            mask = keys.count - 1
            for index in oldKeys.indices where oldIDs[index] != 0 {
                var free = Self.slot(oldKeys[index], mask)
                while ids[free] != 0 { free = (free + 1) & mask }
                keys[free] = oldKeys[index]
                ids[free] = oldIDs[index]
            }
        }
        return next
    }

    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        let mixed = (key ^ (key >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 32)) & mask
    }
}
