import PainmapText

/// Finds configured words and phrases in a text's stems and scores them per group (a situation, or a stage).
///
/// Each phrase is analyzed like a citizen's text (``KeywordAnalyzer``: normalization, stop words, Snowball stems), so
/// «детский сад» matches «в детском саду» and «очередь в садик» matches «очередь на садик». A phrase matches where its
/// stems occur consecutively in the text's stems. Longer phrases are matched first and own their words:
/// - within a group each word counts for one phrase only («детский сад» found does not also count «сад»);
/// - across groups a word covered by a longer phrase of another group does not count for a shorter one: in «пособие по
///   безработице» the word «пособие» belongs to that phrase, not to a bare «пособие» listed elsewhere. Phrases of
///   equal length in several groups all count (a word listed for two situations supports both).
///
/// A phrase found twice counts once, so a message pasted twice scores like the message.
struct PhraseMatcher: Sendable {
    /// One compiled phrase.
    struct Phrase: Sendable {
        /// Its stems' keys, in order.
        let stems: [UInt64]
        /// The phrase as configured, shown as evidence.
        let label: String
        /// The group it scores for.
        let group: Int
        /// What it adds to the group's score.
        let weight: Int
    }

    /// One configured phrase before compiling.
    struct Entry: Sendable {
        /// The phrase as configured.
        let label: String
        /// The group it scores for.
        let group: Int
        /// What it adds to the group's score.
        let weight: Int
    }

    /// What a text scored for one group.
    struct GroupScore: Sendable {
        /// The sum of the weights of the distinct phrases found.
        var score = 0
        /// Their labels in text order.
        var labels: [String] = []
    }

    let groupCount: Int
    private let phrases: [Phrase]
    /// Phrase indices by first stem's key, longest phrase first.
    private let byFirstStem: [UInt64: [Int]]

    /// Compiles phrases; a phrase of stop words and negations only is dropped, one listed twice for a group kept once.
    ///
    /// - Parameters:
    ///   - entries: The phrases.
    ///   - groupCount: The number of groups.
    ///   - weightByLength: Whether a phrase's weight is multiplied by its number of stems, so that «сбой записи»
    ///     outweighs «сбой».
    ///   - analyzer: The analyzer texts are read with.
    init(_ entries: [Entry], groupCount: Int, weightByLength: Bool = false, analyzer: KeywordAnalyzer) {
        self.groupCount = groupCount
        var cache = StemCache()
        var phrases: [Phrase] = []
        var seen: [String: Int] = [:]  // "group|stems" → index in phrases
        for entry in entries where (0..<groupCount).contains(entry.group) {
            let words = analyzer.stems(entry.label, cache: &cache)
            // A phrase of stop words or negations only would match almost anything, or nothing: it is not kept.
            guard !words.allSatisfy({ $0 == KeywordAnalyzer.negation }) else { continue }
            let stems = words.map(StemKey.of)
            let weight = weightByLength ? entry.weight * stems.count : entry.weight
            let key = "\(entry.group)|" + words.joined(separator: " ")
            if let index = seen[key] {
                if weight > phrases[index].weight {
                    phrases[index] = Phrase(
                        stems: stems,
                        label: phrases[index].label,
                        group: entry.group,
                        weight: weight
                    )
                }
                continue
            }
            seen[key] = phrases.count
            phrases.append(Phrase(stems: stems, label: entry.label, group: entry.group, weight: weight))
        }
        var byFirstStem: [UInt64: [Int]] = [:]
        for (index, phrase) in phrases.enumerated() {
            byFirstStem[phrase.stems[0], default: []].append(index)
        }
        for key in byFirstStem.keys {
            byFirstStem[key]?.sort {
                phrases[$0].stems.count != phrases[$1].stems.count
                    ? phrases[$0].stems.count > phrases[$1].stems.count : $0 < $1
            }
        }
        self.phrases = phrases
        self.byFirstStem = byFirstStem
    }

    /// The number of phrases kept.
    var phraseCount: Int { phrases.count }

    /// Scores a text's stems for every group.
    ///
    /// - Parameter stems: The keys of the text's stems in order; ``StemKey/boundary`` separates segments no phrase
    ///   may span.
    /// - Returns: One score per group, in group order.
    func scores(_ stems: [UInt64]) -> [GroupScore] {
        var result = [GroupScore](repeating: GroupScore(), count: groupCount)
        guard !phrases.isEmpty, !stems.isEmpty else { return result }
        // Every occurrence of every phrase: (start, phrase).
        var occurrences: [(start: Int, phrase: Int)] = []
        for start in stems.indices {
            guard let candidates = byFirstStem[stems[start]] else { continue }
            for index in candidates {
                let phrase = phrases[index]
                let end = start + phrase.stems.count
                guard end <= stems.count, stems[start..<end].elementsEqual(phrase.stems) else { continue }
                occurrences.append((start, index))
            }
        }
        guard !occurrences.isEmpty else { return result }
        // Longest first, then leftmost, then configuration order: the same text always scores the same.
        occurrences.sort { lhs, rhs in
            let l = phrases[lhs.phrase].stems.count
            let r = phrases[rhs.phrase].stems.count
            if l != r { return l > r }
            if lhs.start != rhs.start { return lhs.start < rhs.start }
            return lhs.phrase < rhs.phrase
        }
        var covered = [[Bool]](repeating: [], count: groupCount)
        var longest = [Int](repeating: 0, count: stems.count)  // the longest accepted phrase over each word, any group
        var counted = Set<Int>()
        var found = [[(start: Int, label: String)]](repeating: [], count: groupCount)
        for occurrence in occurrences {
            let phrase = phrases[occurrence.phrase]
            let range = occurrence.start..<(occurrence.start + phrase.stems.count)
            if covered[phrase.group].isEmpty { covered[phrase.group] = [Bool](repeating: false, count: stems.count) }
            guard !range.contains(where: { covered[phrase.group][$0] || longest[$0] > phrase.stems.count }) else {
                continue
            }
            for position in range {
                covered[phrase.group][position] = true
                longest[position] = max(longest[position], phrase.stems.count)
            }
            if counted.insert(occurrence.phrase).inserted {
                result[phrase.group].score += phrase.weight
                found[phrase.group].append((occurrence.start, phrase.label))
            }
        }
        for group in 0..<groupCount where !found[group].isEmpty {
            result[group].labels = found[group].sorted { $0.start < $1.start }.map(\.label)
        }
        return result
    }
}
