import Foundation

extension IndependentEvaluation {
    /// Recall per type and per category, look-alikes destroyed per category, then the summary lines.
    public func table() -> String {
        func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }
        var lines = ["| type | spans | found | recall |", "|---|---|---|---|"]
        for row in types {
            lines.append("| \(row.key) | \(row.total) | \(row.hits) | \(String(format: "%.3f", row.share)) |")
        }
        let total = types.reduce(0) { $0 + $1.total }
        let found = types.reduce(0) { $0 + $1.hits }
        lines.append("| **micro** | \(total) | \(found) | **\(String(format: "%.3f", microRecall))** |")
        lines += ["", "| category | spans | found | recall |", "|---|---|---|---|"]
        for row in categories {
            lines.append("| \(row.key) | \(row.total) | \(row.hits) | \(String(format: "%.3f", row.share)) |")
        }
        lines += ["", "| look-alike category | kept spans | destroyed | share |", "|---|---|---|---|"]
        for row in keepCategories {
            lines.append("| \(row.key) | \(row.total) | \(row.hits) | \(percent(row.share)) |")
        }
        lines.append("")
        lines.append(String(format: "micro recall: %.3f (target ≥ 0.980; every type ≥ 0.950)", microRecall))
        lines.append("look-alikes destroyed: \(percent(keepsDestroyed)) (target ≤ 2.0 %)")
        lines.append(
            "clean messages touched: \(cleanTouched) of \(cleanMessages) (\(percent(cleanTouchedShare)); target ≤ 1.0 %)"
        )
        lines.append("messages not given back or not aligned: \(unaligned) of \(messages)")
        lines.append(
            String(
                format: "throughput: %.0f messages per CPU second (%d messages, %.2f s CPU)",
                messagesPerCPUSecond,
                timedMessages,
                cpuSeconds
            )
        )
        lines.append("targets: \(meetsTargets ? "met" : "NOT met")")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension IndependentEvaluation {
    /// The figures as JSON (sorted keys).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

extension IndependentEvaluation {
    /// Up to `perCategory` missed spans and destroyed look-alikes of each category, with the stored text (the corpus
    /// is fictional; for improving recognizers by category of failure).
    public static func misses(_ corpus: [IndependentMessage], redacted: [String?], perCategory: Int) -> String {
        var shown: [String: Int] = [:]
        var lines: [String] = []
        for (message, stored) in zip(corpus, redacted) {
            let original = Array(message.text.unicodeScalars)
            let replaced = stored.flatMap { replacedRanges(original, Array($0.unicodeScalars)) } ?? []
            var covered = [Bool](repeating: false, count: original.count)
            for range in replaced { for index in range { covered[index] = true } }
            func slice(_ start: Int, _ end: Int) -> String {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: original[start..<min(end, original.count)])
                return String(view)
            }
            for span in message.spans {
                let positions = (span.start..<min(span.end, original.count)).filter { original[$0].isSignificant }
                guard !positions.allSatisfy({ covered[$0] }), shown[span.category, default: 0] < perCategory else {
                    continue
                }
                shown[span.category, default: 0] += 1
                lines.append(
                    "MISS \(span.category): «\(slice(span.start, span.end))»\n    …\(slice(max(0, span.start - 70), span.start))⟦\(slice(span.start, span.end))⟧\(slice(span.end, span.end + 40))…"
                        .replacingOccurrences(of: "\n", with: " ")
                )
            }
            if message.spans.isEmpty, let stored, stored != message.text, shown["clean", default: 0] < perCategory {
                shown["clean", default: 0] += 1
                lines.append("CLEAN TOUCHED: \(stored.replacingOccurrences(of: "\n", with: " "))")
            }
            for keep in message.keep {
                let positions = (keep.start..<min(keep.end, original.count)).filter { original[$0].isSignificant }
                guard positions.contains(where: { covered[$0] }), shown[keep.category, default: 0] < perCategory else {
                    continue
                }
                shown[keep.category, default: 0] += 1
                lines.append(
                    "KEEP LOST \(keep.category): «\(slice(keep.start, keep.end))» …\(slice(max(0, keep.start - 70), keep.start))⟦\(slice(keep.start, keep.end))⟧\(slice(keep.end, keep.end + 40))…"
                        .replacingOccurrences(of: "\n", with: " ")
                )
            }
        }
        return lines.sorted().joined(separator: "\n") + "\n"
    }
}
