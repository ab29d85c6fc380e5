import Foundation
import PainmapPrivacy

/// Whole passes of a redactor over a corpus's texts on the calling thread, repeated until a minimum of wall time:
/// the throughput both evaluations report.
struct RedactionTiming {
    /// Messages redacted.
    var messages = 0
    /// Wall seconds of the passes.
    var wallSeconds: Double = 0
    /// CPU seconds (user + system) of the passes.
    var cpuSeconds: Double = 0

    /// No passes: an evaluation that was not timed.
    init() {}

    /// Times whole passes of `redactor` over `texts` until `minimumSeconds` of wall time; no texts, no pass.
    ///
    /// - Parameters:
    ///   - texts: The texts, redacted in order on every pass.
    ///   - redactor: The redactor.
    ///   - minimumSeconds: Passes go on until this much wall time (0: one pass).
    init(_ texts: [String], redactor: Redactor, minimumSeconds: Double) {
        guard !texts.isEmpty else { return }
        let cpuStart = Self.cpuTime()
        let clock = ContinuousClock()
        let start = clock.now
        var sink = 0
        repeat {
            for text in texts { sink &+= redactor.redact(text).spans.count }
            messages += texts.count
        } while (clock.now - start) < .seconds(minimumSeconds)
        let elapsed = clock.now - start
        wallSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        cpuSeconds = Self.cpuTime() - cpuStart
        _ = sink
    }

    /// CPU seconds of the process (user + system).
    private static func cpuTime() -> Double {
        Double(clock()) / Double(CLOCKS_PER_SEC)
    }
}
