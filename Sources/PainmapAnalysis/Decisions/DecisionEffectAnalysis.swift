import Foundation
public import PainmapCore
public import PainmapReports

/// Builds «Решения и их эффект» for a region and quarter Q from the run's own reports of Q and the audit trail.
///
/// A pain counts as decided when an audit entry on it (not a comment) is dated in Q−1 — on it, or on the previous
/// pain it split off (``ReportPain/predecessorID``). «Before» is Q−1 and «after»
/// is Q: both counts come from the run of Q, which clusters the records of both quarters together with the current
/// method (`previous_count` and `count`), never from counts an older run stored, so a change of method cannot show
/// up as an effect. The rate ratio is (a/A)/(b/B) for the pain's records a, b among the situation's A, B; its 95 %
/// interval is exp(ln RR ± 1.96·√(1/a − 1/A + 1/b − 1/B)), with 0.5 added to a zero a or b.
public struct DecisionEffectAnalysis: Sendable {
    /// The analysis version written with every page; raise it when clustering, matching or counting changes.
    public static let analysisVersion = "painmap-analysis-2026.12.1"

    /// Creates the analysis.
    public init() {}

    /// The page, or `nil` when no pain was decided during Q−1.
    public func page(
        reports: [PainMapReport],
        log: [DecisionAuditEntry],
        region: ReportRegion,
        quarter: Quarter,
        generatedAt: String
    ) -> DecisionEffectPage? {
        let decisionQuarter = quarter.previous
        var latest: [String: DecisionAuditEntry] = [:]
        for entry in log where entry.kind != .comment && Self.quarter(of: entry.at) == decisionQuarter {
            latest[entry.key.painID] = entry
        }
        guard !latest.isEmpty else { return nil }
        var effects: [DecisionEffect] = []
        for report in reports {
            for pain in report.pains {
                let situation = report.lifeSituation.id
                guard
                    let entry = latest["\(situation)/\(pain.id)"]
                        ?? pain.predecessorID.flatMap({ latest["\(situation)/\($0)"] })
                else { continue }
                let before = EffectQuarter(
                    quarter: decisionQuarter.description,
                    records: pain.previousCount,
                    situationRecords: report.totals.previousCount
                )
                let after = EffectQuarter(
                    quarter: quarter.description,
                    records: pain.count,
                    situationRecords: report.totals.count
                )
                let (ratio, lower, upper) = Self.rateRatio(
                    after: pain.count,
                    afterTotal: report.totals.count,
                    before: pain.previousCount,
                    beforeTotal: report.totals.previousCount
                )
                let verdict = lower <= 1 && upper >= 1 ? "эффект не доказан" : ratio < 1 ? "снижение" : "рост"
                effects.append(
                    DecisionEffect(
                        lifeSituation: report.lifeSituation.id,
                        painID: pain.id,
                        title: pain.title,
                        decision: Self.summary(entry.after),
                        decidedBy: entry.actor,
                        decidedAt: entry.at,
                        before: before,
                        after: after,
                        rateRatio: ratio,
                        lower: lower,
                        upper: upper,
                        verdict: verdict
                    )
                )
            }
        }
        guard let digest = reports.first?.methodology.configDigest else { return nil }
        return DecisionEffectPage(
            generatedAt: generatedAt,
            region: region,
            quarter: quarter.description,
            decisionQuarter: decisionQuarter.description,
            method: EffectMethod(
                configDigest: digest,
                analysisVersion: Self.analysisVersion,
                note: "обе четверти посчитаны одним запуском за \(quarter) текущим методом (записи \(decisionQuarter) "
                    + "и \(quarter) кластеризуются вместе); доверительный интервал 95 % — нормальное приближение для "
                    + "логарифма отношения частот"
            ),
            effects: effects
        )
    }

    /// The rate ratio and its 95 % interval; a zero count gets 0.5 (and so does its total).
    static func rateRatio(after: Int, afterTotal: Int, before: Int, beforeTotal: Int) -> (Double, Double, Double) {
        let a = after == 0 ? 0.5 : Double(after)
        let b = before == 0 ? 0.5 : Double(before)
        let big = max(Double(afterTotal), a + 0.5)
        let base = max(Double(beforeTotal), b + 0.5)
        let ratio = (a / big) / (b / base)
        let error = (1 / a - 1 / big + 1 / b - 1 / base).squareRoot()
        return (ratio, exp(log(ratio) - 1.96 * error), exp(log(ratio) + 1.96 * error))
    }

    /// ``rateRatio(after:afterTotal:before:beforeTotal:)`` for tests: (ratio, lower, upper).
    public static func rateRatioForTesting(after: Int, afterTotal: Int, before: Int, beforeTotal: Int)
        -> (Double, Double, Double)
    {
        rateRatio(after: after, afterTotal: afterTotal, before: before, beforeTotal: beforeTotal)
    }

    /// The quarter an ISO 8601 UTC timestamp falls in.
    static func quarter(of timestamp: String) -> Quarter? {
        let parts = timestamp.prefix(7).split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        return Quarter(year: year, month: month)
    }

    private static func summary(_ fields: [String: String]) -> String {
        var parts: [String] = []
        if let status = fields["status"].flatMap(ReviewStatus.init(rawValue:)) { parts.append(status.russianName) }
        if let body = fields["responsible_body"] { parts.append(body) }
        if let solution = fields["solution"] { parts.append(solution) }
        if fields["junk"] == "true" { parts.append("не боль") }
        return parts.joined(separator: "; ")
    }
}
