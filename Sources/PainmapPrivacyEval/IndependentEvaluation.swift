import Foundation
import PainmapCore
public import PainmapPrivacy

/// Measures redaction on the independent corpus from the texts a store gave back: recall per type and per spelling
/// category, micro recall, look-alikes destroyed, clean messages touched, and the redactor's throughput.
///
/// A span counts as found when every letter and digit of it lies inside text the redactor replaced with a
/// placeholder, whatever the placeholder's type (a name read as an address is still protected). A look-alike counts
/// as destroyed when any of its letters or digits was replaced. The replaced ranges are recovered by aligning the
/// stored text with the original: the stored text is the original with spans swapped for placeholders.
public struct IndependentEvaluation: Sendable, Codable {
    /// Found / total for one row of a table.
    public struct Tally: Sendable, Codable, Hashable {
        /// The row's key: a type, a category or a look-alike kind.
        public var key: String
        /// Items in the row.
        public var total = 0
        /// Items found (spans) or destroyed (look-alikes).
        public var hits = 0
        /// hits / total.
        public var share: Double { total == 0 ? 0 : Double(hits) / Double(total) }
    }

    /// Recall per corpus type, sorted by key.
    public var types: [Tally]
    /// Recall per spelling category, sorted by key.
    public var categories: [Tally]
    /// Look-alikes destroyed per category, sorted by key.
    public var keepCategories: [Tally]
    /// Messages in the corpus.
    public var messages: Int
    /// Messages the store did not give back, or whose stored text could not be aligned with the original.
    public var unaligned: Int
    /// Messages without any planted span.
    public var cleanMessages: Int
    /// Clean messages whose stored text differs from the original.
    public var cleanTouched: Int
    /// Messages redacted in the timed passes.
    public var timedMessages: Int
    /// CPU seconds (user + system) of the timed passes.
    public var cpuSeconds: Double

    /// Found spans over all spans.
    public var microRecall: Double {
        let total = types.reduce(0) { $0 + $1.total }
        return total == 0 ? 1 : Double(types.reduce(0) { $0 + $1.hits }) / Double(total)
    }
    /// Destroyed look-alikes over all look-alikes.
    public var keepsDestroyed: Double {
        let total = keepCategories.reduce(0) { $0 + $1.total }
        return total == 0 ? 0 : Double(keepCategories.reduce(0) { $0 + $1.hits }) / Double(total)
    }
    /// Share of clean messages touched.
    public var cleanTouchedShare: Double { cleanMessages == 0 ? 0 : Double(cleanTouched) / Double(cleanMessages) }
    /// Messages per CPU second.
    public var messagesPerCPUSecond: Double { cpuSeconds > 0 ? Double(timedMessages) / cpuSeconds : 0 }

    /// The targets: micro recall ≥ 0.98, every type ≥ 0.95, look-alikes destroyed ≤ 2 %, clean messages
    /// touched ≤ 1 %, every message given back.
    public var meetsTargets: Bool {
        microRecall >= 0.98 && types.allSatisfy { $0.share >= 0.95 } && keepsDestroyed <= 0.02
            && cleanTouchedShare <= 0.01 && unaligned == 0
    }

    /// Scores `redacted` (the stored text of each message, `nil` when the store lost it) against `corpus`.
    ///
    /// - Parameters:
    ///   - corpus: The labelled messages.
    ///   - redacted: The stored texts, in corpus order.
    ///   - redactor: Timed on the corpus texts.
    ///   - minimumSeconds: At least this much timing (0: not timed).
    /// - Returns: The figures.
    public static func score(
        _ corpus: [IndependentMessage],
        redacted: [String?],
        redactor: Redactor = Redactor(),
        minimumSeconds: Double = 1
    ) -> IndependentEvaluation {
        var types: [String: Tally] = [:]
        var categories: [String: Tally] = [:]
        var keeps: [String: Tally] = [:]
        var unaligned = 0
        var clean = 0
        var cleanTouched = 0
        for (message, stored) in zip(corpus, redacted) {
            let original = Array(message.text.unicodeScalars)
            let replaced = stored.flatMap { IndependentEvaluation.replacedRanges(original, Array($0.unicodeScalars)) }
            if replaced == nil { unaligned += 1 }
            var covered = [Bool](repeating: false, count: original.count)
            for range in replaced ?? [] { for index in range { covered[index] = true } }
            if message.spans.isEmpty {
                clean += 1
                if stored != message.text { cleanTouched += 1 }
            }
            for span in message.spans {
                let positions = (span.start..<min(span.end, original.count)).filter { original[$0].isSignificant }
                let found = replaced != nil && positions.allSatisfy { covered[$0] }
                types[span.type, default: Tally(key: span.type)].total += 1
                categories[span.category, default: Tally(key: span.category)].total += 1
                if found {
                    types[span.type]?.hits += 1
                    categories[span.category]?.hits += 1
                }
            }
            for keep in message.keep {
                let positions = (keep.start..<min(keep.end, original.count)).filter { original[$0].isSignificant }
                let destroyed = positions.contains { covered[$0] }
                keeps[keep.category, default: Tally(key: keep.category)].total += 1
                if destroyed { keeps[keep.category]?.hits += 1 }
            }
        }
        let timing =
            minimumSeconds > 0
            ? RedactionTiming(corpus.map(\.text), redactor: redactor, minimumSeconds: minimumSeconds)
            : RedactionTiming()
        return IndependentEvaluation(
            types: types.values.sorted { $0.key < $1.key },
            categories: categories.values.sorted { $0.key < $1.key },
            keepCategories: keeps.values.sorted { $0.key < $1.key },
            messages: corpus.count,
            unaligned: unaligned,
            cleanMessages: clean,
            cleanTouched: cleanTouched,
            timedMessages: timing.messages,
            cpuSeconds: timing.cpuSeconds
        )
    }

    /// The ranges of `original` that placeholders replaced in `redacted`, or `nil` when `redacted` is not `original`
    /// with some ranges swapped for placeholders (surrounding white space may have been trimmed).
    public static func replacedRanges(_ original: [Unicode.Scalar], _ redacted: [Unicode.Scalar]) -> [Range<Int>]? {
        let segments = IndependentEvaluation.segments(of: redacted)
        if let ranges = align(segments, 0, original, 0, original.count) { return ranges }
        // Trimmed by the reader: align against the original without its outer white space.
        var lower = 0
        var upper = original.count
        while lower < upper, original[lower].properties.isWhitespace { lower += 1 }
        while upper > lower, original[upper - 1].properties.isWhitespace { upper -= 1 }
        return align(segments, 0, original, lower, upper)
    }

    private enum Segment {
        case literal([Unicode.Scalar])
        case placeholder
    }

    private static let placeholders: [[Unicode.Scalar]] = PersonalDataType.allCases.map {
        Array($0.placeholder.unicodeScalars)
    }

    private static func segments(of text: [Unicode.Scalar]) -> [Segment] {
        var segments: [Segment] = []
        var literal: [Unicode.Scalar] = []
        var index = 0
        while index < text.count {
            if text[index] == "[",
                let placeholder = placeholders.first(where: {
                    index + $0.count <= text.count && text[index..<(index + $0.count)].elementsEqual($0)
                })
            {
                if !literal.isEmpty { segments.append(.literal(literal)) }
                literal = []
                if case .placeholder? = segments.last {} else { segments.append(.placeholder) }
                index += placeholder.count
            } else {
                literal.append(text[index])
                index += 1
            }
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return segments
    }

    private static func align(
        _ segments: [Segment],
        _ segment: Int,
        _ original: [Unicode.Scalar],
        _ position: Int,
        _ end: Int
    ) -> [Range<Int>]? {
        guard segment < segments.count else { return position == end ? [] : nil }
        switch segments[segment] {
        case .literal(let literal):
            guard position + literal.count <= end,
                original[position..<(position + literal.count)].elementsEqual(literal)
            else { return nil }
            return align(segments, segment + 1, original, position + literal.count, end)
        case .placeholder:
            guard segment + 1 < segments.count, case .literal(let next) = segments[segment + 1] else {
                return position < end ? [position..<end] : nil
            }
            var cut = position + 1
            while cut + next.count <= end {
                if original[cut..<(cut + next.count)].elementsEqual(next),
                    let rest = align(segments, segment + 2, original, cut + next.count, end)
                {
                    return [position..<cut] + rest
                }
                cut += 1
            }
            return nil
        }
    }
}
