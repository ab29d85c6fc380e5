import PainmapText

/// Picks a pain's quotes: 2–3 records that say it in different words and, where possible, through different channels.
///
/// Candidates come most central first. A candidate whose text shares at least ``nearDuplicate`` of its character
/// shingles with a chosen quote (``ShingleSet``) is a near-copy and waits. Three passes, each up to ``maximum``:
/// distinct wording from a channel not yet quoted; distinct wording from any channel; then, only while fewer than
/// `required` are chosen, the remaining candidate least like the chosen ones (ties: the more central). So a pain of
/// two or more records always gets two quotes, even when its records repeat one phrase.
struct QuoteSelector {
    /// One candidate quote.
    struct Candidate {
        /// Index of the record in the situation's records.
        let record: Int
        /// The text to show (answers and operators' frames already removed).
        let text: String
        /// The record's channel.
        let channel: String
    }

    /// Shingle overlap from which two texts count as the same wording.
    static let nearDuplicate = 0.5
    /// Quotes per pain at most.
    static let maximum = 3

    /// The chosen candidates, in the order chosen.
    ///
    /// - Parameters:
    ///   - candidates: Candidates, most central first; those with empty text are skipped.
    ///   - required: Quotes wanted at least (2 for a pain of two or more records), as far as candidates allow.
    /// - Returns: At most ``maximum`` candidates.
    func select(_ candidates: [Candidate], required: Int) -> [Candidate] {
        let usable = candidates.filter { !$0.text.isEmpty }
        let shingles = usable.map { ShingleSet($0.text) }
        var chosen: [Int] = []
        func closeness(_ index: Int) -> Double {
            chosen.map { shingles[$0].jaccard(shingles[index]) }.max() ?? 0
        }
        for spreadsChannels in [true, false] {
            for index in usable.indices where chosen.count < Self.maximum && !chosen.contains(index) {
                if spreadsChannels, chosen.contains(where: { usable[$0].channel == usable[index].channel }) { continue }
                if closeness(index) < Self.nearDuplicate { chosen.append(index) }
            }
        }
        while chosen.count < min(required, Self.maximum) {
            let rest = usable.indices.filter { !chosen.contains($0) }
            guard let next = rest.min(by: { closeness($0) < closeness($1) }) else { break }
            chosen.append(next)
        }
        return chosen.map { usable[$0] }
    }
}
