import Foundation
public import PainmapCore
public import PainmapPrivacy

/// Measures a redactor on a labelled corpus: per-type recall, precision and false-positive rate, the share of
/// clean messages it touched, and its single-core throughput.
public struct PIIEvaluation: Sendable, Codable {
    /// Figures of one type.
    public struct TypeFigures: Sendable, Codable, Hashable {
        /// The type.
        public var type: PersonalDataType
        /// Gold spans that must be redacted (valid and checksum-invalid).
        public var spans = 0
        /// Of those, checksum-invalid ones.
        public var invalidSpans = 0
        /// Gold spans whose letters and digits are all covered by spans of this type.
        public var found = 0
        /// Checksum-invalid gold spans found.
        public var invalidFound = 0
        /// Gold spans left (partly) unredacted by any type: leaks.
        public var leaked = 0
        /// Spans the redactor gave this type.
        public var predicted = 0
        /// Of those, spans overlapping a gold span of this type that must be redacted.
        public var correct = 0
        /// Look-alikes of this type.
        public var decoys = 0
        /// Look-alikes the redactor touched.
        public var decoysTouched = 0

        /// found / spans.
        public var recall: Double { spans == 0 ? 1 : Double(found) / Double(spans) }
        /// correct / predicted.
        public var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
        /// Touched look-alikes / look-alikes.
        public var falsePositiveRate: Double { decoys == 0 ? 0 : Double(decoysTouched) / Double(decoys) }

        /// The recall target: 95 % for names and addresses, 99.5 % for the structured types.
        public var recallTarget: Double { type == .fullName || type == .address ? 0.95 : 0.995 }
        /// Whether recall ≥ target and the false-positive rate ≤ 3 %.
        public var meetsTargets: Bool { recall >= recallTarget && falsePositiveRate <= 0.03 }
    }

    /// One row per type, in ``PersonalDataType`` order.
    public var types: [TypeFigures]
    /// Messages in the corpus.
    public var messages: Int
    /// Clean messages.
    public var cleanMessages: Int
    /// Clean messages in which the redactor found anything.
    public var cleanTouched: Int
    /// Wall seconds of the timed passes.
    public var wallSeconds: Double
    /// CPU seconds (user + system) of the timed passes.
    public var cpuSeconds: Double
    /// Messages redacted in the timed passes.
    public var timedMessages: Int

    /// Share of clean messages touched.
    public var cleanTouchedShare: Double { cleanMessages == 0 ? 0 : Double(cleanTouched) / Double(cleanMessages) }
    /// Messages per wall second on one core.
    public var messagesPerSecond: Double { wallSeconds > 0 ? Double(timedMessages) / wallSeconds : 0 }
    /// Messages per CPU second (user + system), the figure that holds on a shared machine.
    public var messagesPerCPUSecond: Double { cpuSeconds > 0 ? Double(timedMessages) / cpuSeconds : 0 }
    /// Whether every type meets its targets and at most 1 % of clean messages were touched.
    public var meetsTargets: Bool { types.allSatisfy(\.meetsTargets) && cleanTouchedShare <= 0.01 }

    /// Evaluates `redactor` on `corpus`, timing at least `minimumSeconds` of redaction on the calling thread.
    public static func run(_ corpus: [LabelledMessage], redactor: Redactor = Redactor(), minimumSeconds: Double = 1)
        -> PIIEvaluation
    {
        var figures = Dictionary(uniqueKeysWithValues: PersonalDataType.allCases.map { ($0, TypeFigures(type: $0)) })
        var cleanMessages = 0
        var cleanTouched = 0
        for message in corpus {
            let found = redactor.find(in: message.text)
            let scalars = Array(message.text.unicodeScalars)
            if message.isClean {
                cleanMessages += 1
                if !found.isEmpty { cleanTouched += 1 }
            }
            for gold in message.spans {
                if gold.role == .decoy {
                    figures[gold.type]?.decoys += 1
                    if found.contains(where: { $0.range.overlaps(gold.range) }) {
                        figures[gold.type]?.decoysTouched += 1
                    }
                    continue
                }
                figures[gold.type]?.spans += 1
                if gold.role == .invalidChecksum { figures[gold.type]?.invalidSpans += 1 }
                let significant = gold.range.filter { scalars[$0].isSignificant }
                let typed = significant.allSatisfy { position in
                    found.contains { $0.type == gold.type && $0.range.contains(position) }
                }
                let any = significant.allSatisfy { position in found.contains { $0.range.contains(position) } }
                if typed {
                    figures[gold.type]?.found += 1
                    if gold.role == .invalidChecksum { figures[gold.type]?.invalidFound += 1 }
                }
                if !any { figures[gold.type]?.leaked += 1 }
            }
            for span in found {
                figures[span.type]?.predicted += 1
                if message.spans.contains(where: {
                    $0.mustRedact && $0.type == span.type && $0.range.overlaps(span.range)
                }) {
                    figures[span.type]?.correct += 1
                }
            }
        }
        // Timing: whole passes over the corpus until the minimum time is reached.
        let timing = RedactionTiming(corpus.map(\.text), redactor: redactor, minimumSeconds: minimumSeconds)
        return PIIEvaluation(
            types: PersonalDataType.allCases.compactMap { figures[$0] },
            messages: corpus.count,
            cleanMessages: cleanMessages,
            cleanTouched: cleanTouched,
            wallSeconds: timing.wallSeconds,
            cpuSeconds: timing.cpuSeconds,
            timedMessages: timing.messages
        )
    }
}
