import Foundation
import PainmapCore

extension PIIEvaluation {
    /// The per-type table, then clean messages touched, throughput and the verdict.
    public func table() -> String {
        func percent(_ value: Double) -> String { String(format: "%.2f %%", value * 100) }
        var lines: [String] = []
        lines.append(
            "| type | placeholder | spans | invalid | recall | target | invalid recall | leaked | precision | decoys | FP rate | ok |"
        )
        lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for row in types {
            let invalidRecall =
                row.invalidSpans == 0 ? "—" : percent(Double(row.invalidFound) / Double(row.invalidSpans))
            lines.append(
                "| \(row.type.rawValue) | \(row.type.placeholder) | \(row.spans) | \(row.invalidSpans) | \(percent(row.recall)) | ≥ \(percent(row.recallTarget)) | \(invalidRecall) | \(row.leaked) | \(percent(row.precision)) | \(row.decoys) | \(percent(row.falsePositiveRate)) | \(row.meetsTargets ? "yes" : "NO") |"
            )
        }
        lines.append("")
        lines.append(
            "clean messages touched: \(cleanTouched) of \(cleanMessages) (\(percent(cleanTouchedShare)); target ≤ 1.00 %)"
        )
        lines.append(
            String(
                format:
                    "throughput: %.0f messages per CPU second, %.0f per wall second on one core (%d messages in %.2f s wall, %.2f s CPU; %d corpus messages)",
                messagesPerCPUSecond,
                messagesPerSecond,
                timedMessages,
                wallSeconds,
                cpuSeconds,
                messages
            )
        )
        lines.append("targets: \(meetsTargets ? "met" : "NOT met")")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The figures as JSON (sorted keys).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
