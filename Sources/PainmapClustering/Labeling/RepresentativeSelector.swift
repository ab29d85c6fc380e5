/// Picks each class's title and representative documents: those nearest its centroid (`CLUSTERING.md` §2.10).
///
/// Candidates are distinct rows ordered by cosine to the class centroid (ties: lower row). A candidate
/// whose stem set overlaps a chosen one by Jaccard ≥ ``nearDuplicateJaccard`` is skipped while other
/// wording is available. The title is the most central document of at most ``titleMaxTokens`` tokens.
struct RepresentativeSelector {
    /// Stem-set overlap above which two documents count as the same wording.
    static let nearDuplicateJaccard = 0.8
    /// Characters kept when no document is short enough and the title must be cut.
    static let fallbackTitleLength = 120

    /// Representatives per class.
    var count: Int
    /// The longest title document, in tokens.
    var titleMaxTokens: Int

    /// The chosen documents of one class.
    struct Selection {
        /// Representative document indices, most central first.
        var documents: [Int]
        /// The title text.
        var title: String
    }

    /// Selects representatives and a title for every class.
    ///
    /// Representatives are chosen in up to three passes over the candidates, most central first: distinct
    /// wording from a group (source, region) not yet quoted; then distinct wording; then anything. A
    /// document without a group never blocks another, so without groups the first two passes agree.
    ///
    /// - Parameters:
    ///   - classOfRow: Class of each matrix row.
    ///   - similarities: Cosine of each matrix row to its class centroid.
    ///   - classCount: Number of classes.
    ///   - sourceRows: Distinct row of each matrix row.
    ///   - rows: The distinct rows.
    ///   - corpus: The interned corpus.
    ///   - groups: The group of each document (`-1` for none), or empty when there are none.
    ///   - quoteText: The display text of a document.
    /// - Returns: One selection per class (empty for an empty class).
    func select(
        classOfRow: [Int32],
        similarities: [Float],
        classCount: Int,
        sourceRows: [Int],
        rows: DistinctRows,
        corpus: StemCorpus,
        groups: [Int32] = [],
        quoteText: (Int) -> String
    ) -> [Selection] {
        var rowsOfClass = [[Int]](repeating: [], count: classCount)
        for (row, cls) in classOfRow.enumerated() { rowsOfClass[Int(cls)].append(row) }
        return rowsOfClass.map { members in
            let ordered = members.sorted {
                similarities[$0] != similarities[$1] ? similarities[$0] > similarities[$1] : $0 < $1
            }
            func group(of row: Int) -> Int32 {
                groups.isEmpty ? -1 : groups[rows.firstDocument[sourceRows[row]]]
            }
            var chosen: [Int] = []
            var chosenStems: [[Int32]] = []
            var chosenGroups = Set<Int32>()
            for spreadsGroups in groups.isEmpty ? [false] : [true, false] {
                for row in ordered where chosen.count < count && !chosen.contains(row) {
                    let rowGroup = group(of: row)
                    if spreadsGroups, rowGroup >= 0, chosenGroups.contains(rowGroup) { continue }
                    let stems = Array(Set(rows.tokens(of: sourceRows[row], in: corpus))).sorted()
                    if chosenStems.allSatisfy({ Self.jaccard($0, stems) < Self.nearDuplicateJaccard }) {
                        chosen.append(row)
                        chosenStems.append(stems)
                        if rowGroup >= 0 { chosenGroups.insert(rowGroup) }
                    }
                }
            }
            for row in ordered where chosen.count < count && !chosen.contains(row) { chosen.append(row) }

            var title = ""
            for row in ordered {
                let document = rows.firstDocument[sourceRows[row]]
                guard corpus.tokens(of: document).count <= titleMaxTokens else { continue }
                title = Self.collapsed(quoteText(document))
                if !title.isEmpty { break }
            }
            if title.isEmpty, let nearest = ordered.first {
                title = Self.shortened(Self.collapsed(quoteText(rows.firstDocument[sourceRows[nearest]])))
            }
            return Selection(documents: chosen.map { rows.firstDocument[sourceRows[$0]] }, title: title)
        }
    }

    /// Jaccard overlap of two sorted sets.
    static func jaccard(_ a: [Int32], _ b: [Int32]) -> Double {
        var i = 0
        var j = 0
        var shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let union = a.count + b.count - shared
        return union == 0 ? 1 : Double(shared) / Double(union)
    }

    /// Text with runs of whitespace collapsed to one space and the ends trimmed.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Text cut to about ``fallbackTitleLength`` characters at a word boundary, with an ellipsis.
    static func shortened(_ text: String) -> String {
        guard text.count > fallbackTitleLength else { return text }
        let prefix = text.prefix(fallbackTitleLength)
        let cut = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        return cut + "…"
    }
}
