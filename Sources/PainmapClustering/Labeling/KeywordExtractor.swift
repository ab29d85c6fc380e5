internal import Foundation

/// Class-based TF-IDF keywords per class, shown as surface forms (`CLUSTERING.md` §2.9).
///
/// The score is BERTopic's `tf_c / Σ tf_c × ln(1 + A / f_t)`, where `A` is the average term mass per
/// class and `f_t` the term's mass over all classes. Term frequency counts *records containing the
/// term* (raw records, duplicates included) rather than occurrences, so a detail sentence repeated
/// inside one template cannot outrank the words every record of the pain shares. A unigram already
/// shown inside a selected bigram is dropped.
struct KeywordExtractor {
    /// Keywords per class.
    var keywordCount: Int
    /// Worker threads for scoring classes; results are identical for any value.
    var threadCount = 1

    /// The corpus-wide pieces the extractor reads.
    struct Inputs {
        let matrix: SparseRowMatrix
        let classOfRow: [Int32]
        let classCount: Int
        let rowWeights: [Int]
        let vocabulary: TermVocabulary
        let corpus: StemCorpus
        let rows: DistinctRows
        /// Matrix row of each distinct row, `-1` when it kept no term.
        let matrixRowOfRow: [Int32]
    }

    /// Keywords of every class, best first.
    func keywords(_ inputs: Inputs) -> [[ClusterKeyword]] {
        let matrix = inputs.matrix
        let columnCount = matrix.columnCount
        let classCount = inputs.classCount
        var rowsOfClass = [[Int]](repeating: [], count: classCount)
        var classMass = [Double](repeating: 0, count: classCount)
        var termMass = [Double](repeating: 0, count: columnCount)
        for row in 0..<matrix.rowCount {
            let cls = Int(inputs.classOfRow[row])
            rowsOfClass[cls].append(row)
            let weight = Double(inputs.rowWeights[row])
            for position in matrix.range(of: row) { termMass[Int(matrix.columns[position])] += weight }
            classMass[cls] += weight * Double(matrix.range(of: row).count)
        }
        let nonemptyClasses = rowsOfClass.filter { !$0.isEmpty }.count
        let averageMass = classMass.reduce(0, +) / Double(max(nonemptyClasses, 1))

        // Classes are scored independently, in parallel; each writes only its own result.
        let membersOfClass = rowsOfClass
        let massOfClass = classMass
        let massOfTerm = termMass
        let vocabulary = inputs.vocabulary
        let rowWeights = inputs.rowWeights
        let keywordCount = self.keywordCount
        let picks = ChunkedExecutor(threadCount: threadCount).map(classCount) { cls -> [(Int, Double, Double)] in
            guard !membersOfClass[cls].isEmpty else { return [] }
            var mass = [Double](repeating: 0, count: columnCount)
            var touched: [Int] = []
            var records = 0
            for row in membersOfClass[cls] {
                let weight = rowWeights[row]
                records += weight
                for position in matrix.range(of: row) {
                    let column = Int(matrix.columns[position])
                    if mass[column] == 0 { touched.append(column) }
                    mass[column] += Double(weight)
                }
            }
            let total = max(massOfClass[cls], 1)
            var ranked = touched.map { column in
                (column, mass[column] / total * log(1 + averageMass / max(massOfTerm[column], 1)))
            }
            ranked.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            var chosen: [(column: Int, score: Double)] = []
            for (column, score) in ranked where chosen.count < keywordCount {
                if vocabulary.isBigram(column) {
                    let parts = [vocabulary.firstStem[column], vocabulary.secondStem[column]]
                    chosen.removeAll {
                        !vocabulary.isBigram($0.column) && parts.contains(vocabulary.firstStem[$0.column])
                    }
                    chosen.append((column, score))
                } else {
                    let stem = vocabulary.firstStem[column]
                    let inBigram = chosen.contains { pick in
                        vocabulary.isBigram(pick.column)
                            && (vocabulary.firstStem[pick.column] == stem || vocabulary.secondStem[pick.column] == stem)
                    }
                    if !inBigram { chosen.append((column, score)) }
                }
            }
            return chosen.map { ($0.column, $0.score, mass[$0.column] / Double(max(records, 1))) }
        }
        let selected = picks.map { $0.map(\.0) }
        let scores = picks.map { $0.map(\.1) }
        let coverage = picks.map { $0.map(\.2) }

        let surfaces = surfaceForms(of: selected, inputs)
        let stems = inputs.corpus.stems
        return (0..<classCount).map { cls in
            selected[cls].indices.map { slot in
                let column = selected[cls][slot]
                let term = inputs.vocabulary.term(ofColumn: column, stems: stems)
                return ClusterKeyword(
                    term: term,
                    text: surfaces[cls][slot] ?? term,
                    score: scores[cls][slot],
                    coverage: coverage[cls][slot]
                )
            }
        }
    }

    /// The most frequent surface form of each selected term within its class (ties: the smaller string).
    private func surfaceForms(of selected: [[Int]], _ inputs: Inputs) -> [[String?]] {
        let columnCount = inputs.matrix.columnCount
        let corpus = inputs.corpus
        let vocabulary = inputs.vocabulary
        // Slot of (class, selected column): a dense table over the few selected columns.
        var indexOfColumn = [Int32](repeating: -1, count: columnCount)
        var selectedColumns = 0
        for columns in selected {
            for column in columns where indexOfColumn[column] < 0 {
                indexOfColumn[column] = Int32(selectedColumns)
                selectedColumns += 1
            }
        }
        let classCount = selected.count
        var slotTable = [Int32](repeating: -1, count: selectedColumns * classCount)
        var owner: [(cls: Int, slot: Int)] = []
        for (cls, columns) in selected.enumerated() {
            for (slot, column) in columns.enumerated() {
                slotTable[Int(indexOfColumn[column]) * classCount + cls] = Int32(owner.count)
                owner.append((cls, slot))
            }
        }
        // Tallies keyed by (keyword, surface id, previous surface id or -1 for a unigram), counted over document
        // ranges in parallel and summed: integer sums, so the split cannot change them.
        let columnIndex = indexOfColumn
        let slots = slotTable
        let rangeSize = 32_768
        let rangeCount = (corpus.documentCount + rangeSize - 1) / rangeSize
        let partial = ChunkedExecutor(threadCount: threadCount).map(rangeCount) { range -> [SurfaceKey: Int] in
            var tallies: [SurfaceKey: Int] = [:]
            func slot(_ column: Int, _ cls: Int) -> Int32 {
                guard column >= 0 else { return -1 }
                let index = Int(columnIndex[column])
                return index < 0 ? -1 : slots[index * classCount + cls]
            }
            for document in range * rangeSize..<min(corpus.documentCount, (range + 1) * rangeSize) {
                let row = Int(inputs.rows.rowOfDocument[document])
                guard row >= 0 else { continue }
                let matrixRow = Int(inputs.matrixRowOfRow[row])
                guard matrixRow >= 0 else { continue }
                let cls = Int(inputs.classOfRow[matrixRow])
                let weight = corpus.weights[document]
                // The document's stems equal its row's, position for position (rows collapse identical sequences).
                var position = vocabulary.rowTokenOffsets[row]
                var previous: Int32 = -1
                for index in corpus.documentOffsets[document]..<corpus.documentOffsets[document + 1] {
                    let surface = corpus.surfaceIDs[index]
                    let unigram = slot(Int(vocabulary.columnOfStem[Int(corpus.tokenIDs[index])]), cls)
                    if unigram >= 0 {
                        tallies[SurfaceKey(keyword: unigram, surface: surface, previous: -1), default: 0] += weight
                    }
                    let bigram = slot(Int(vocabulary.bigramColumnAtPosition[position]), cls)
                    if bigram >= 0 {
                        tallies[SurfaceKey(keyword: bigram, surface: surface, previous: previous), default: 0] += weight
                    }
                    previous = surface
                    position += 1
                }
            }
            return tallies
        }
        var tallies = partial.first ?? [:]
        for more in partial.dropFirst() { tallies.merge(more, uniquingKeysWith: +) }
        var best = [(count: Int, text: String)?](repeating: nil, count: owner.count)
        for (key, count) in tallies {
            let text =
                key.previous < 0
                ? corpus.surfaces[Int(key.surface)]
                : corpus.surfaces[Int(key.previous)] + " " + corpus.surfaces[Int(key.surface)]
            let slot = Int(key.keyword)
            if let current = best[slot], current.count > count || (current.count == count && current.text <= text) {
                continue
            }
            best[slot] = (count, text)
        }
        var result = selected.map { [String?](repeating: nil, count: $0.count) }
        for (index, entry) in best.enumerated() { result[owner[index].cls][owner[index].slot] = entry?.text }
        return result
    }

    /// A surface form (or surface pair) of one selected keyword.
    private struct SurfaceKey: Hashable {
        let keyword: Int32
        let surface: Int32
        let previous: Int32
    }
}
