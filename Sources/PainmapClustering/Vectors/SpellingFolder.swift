/// Maps stems too rare to become terms onto a frequent stem one edit away (``TextFeatures/foldsSpellingVariants``).
///
/// Candidates come from single-letter deletions of both stems (symmetric delete): a rare stem and a frequent one
/// whose deletion variants meet are then checked to be one edit apart (a letter dropped, added or replaced, or two
/// neighbours swapped) inside the word: both keep their first and last letter (``isTypo(_:of:)``). Frequencies count raw records, each document once, as `min_df` does. Stems are visited in id
/// order and the most frequent candidate wins (ties: the lower id), so the map does not depend on anything but the
/// corpus.
struct SpellingFolder {
    /// The stem each stem id is counted as (itself when it does not fold).
    let target: [Int32]
    /// How many stems fold onto another.
    let foldedCount: Int

    /// Shortest rare stem, in letters, that may fold.
    static let minimumRareLength = 4
    /// Shortest frequent stem, in letters, that another may fold onto.
    static let minimumTargetLength = 5

    init(corpus: StemCorpus, minDocumentFrequency: Int) {
        let stemCount = corpus.stems.count
        var records = [Int](repeating: 0, count: stemCount)
        var lastDocument = [Int32](repeating: -1, count: stemCount)
        for document in 0..<corpus.documentCount {
            let weight = corpus.weights[document]
            for stem in corpus.tokens(of: document) where lastDocument[Int(stem)] != Int32(document) {
                lastDocument[Int(stem)] = Int32(document)
                records[Int(stem)] += weight
            }
        }
        let letters = corpus.stems.map { Array($0.unicodeScalars) }
        // Deletion variant (and the stem itself) → frequent stems that produce it.
        var frequentByKey: [String: [Int32]] = [:]
        for stem in 0..<stemCount
        where records[stem] >= minDocumentFrequency && letters[stem].count >= Self.minimumTargetLength {
            for key in Self.variants(letters[stem]) { frequentByKey[key, default: []].append(Int32(stem)) }
        }
        var target = (0..<stemCount).map { Int32($0) }
        var folded = 0
        for stem in 0..<stemCount
        where records[stem] > 0 && records[stem] < minDocumentFrequency
            && letters[stem].count >= Self.minimumRareLength
        {
            var best: Int32 = -1
            let needed = max(minDocumentFrequency, 2 * records[stem])
            for key in Self.variants(letters[stem]) {
                for candidate in frequentByKey[key] ?? [] {
                    let c = Int(candidate)
                    guard records[c] >= needed, candidate != Int32(stem) else { continue }
                    if best >= 0
                        && (records[c] < records[Int(best)] || (records[c] == records[Int(best)] && candidate > best))
                    {
                        continue
                    }
                    guard Self.isTypo(letters[stem], of: letters[c]) else { continue }
                    best = candidate
                }
            }
            if best >= 0 {
                target[stem] = best
                folded += 1
            }
        }
        self.target = target
        self.foldedCount = folded
    }

    /// The stem itself and every string with one of its letters deleted.
    static func variants(_ letters: [Unicode.Scalar]) -> [String] {
        var result = [String(String.UnicodeScalarView(letters))]
        for index in letters.indices {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: letters[..<index])
            view.append(contentsOf: letters[(index + 1)...])
            result.append(String(view))
        }
        return result
    }

    /// Whether `rare` looks like a typo of `frequent`: one edit apart, with the same first and last letter.
    ///
    /// A different first letter makes another word («сосед», «посед»), and a stem that differs in its last letter is
    /// usually another derivation the stemmer left whole («плат», «платн»), not a slip of the hand.
    static func isTypo(_ rare: [Unicode.Scalar], of frequent: [Unicode.Scalar]) -> Bool {
        rare.first == frequent.first && rare.last == frequent.last && isOneEdit(rare, frequent)
    }

    /// Whether two different strings are one insertion, deletion, substitution or adjacent swap apart.
    static func isOneEdit(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        if a.count == b.count {
            var differences: [Int] = []
            for index in a.indices where a[index] != b[index] {
                differences.append(index)
                if differences.count > 2 { return false }
            }
            if differences.count == 1 { return true }
            guard differences.count == 2, differences[1] == differences[0] + 1 else { return false }
            return a[differences[0]] == b[differences[1]] && a[differences[1]] == b[differences[0]]
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var index = 0
        while index < short.count && short[index] == long[index] { index += 1 }
        return short[index...].elementsEqual(long[(index + 1)...])
    }
}
