import Foundation
import PainmapAnalysis
import PainmapCore
import PainmapReports

/// A region's analysis with the analysts' decisions applied (`DecisionOverlay`), and the undecided analysis kept for
/// `painmap render`; a store without decisions leaves both as they are.
struct DecidedAnalysis: Sendable {
    let store: any FeedbackStore

    /// The analysis with the region's decisions (every quarter, for carry-over) on its reports and index.
    func apply(to analysis: RegionAnalyzer.Result) async throws -> RegionAnalyzer.Result {
        guard let decisions = store as? any DecisionStore else { return analysis }
        let overlay = DecisionOverlay(
            decisions: try await decisions.painDecisions(region: analysis.index.region.code, quarter: nil)
        )
        guard !overlay.isEmpty, let quarter = Quarter(analysis.index.quarter) else { return analysis }
        let reports = analysis.reports.map(overlay.apply(to:))
        let effects = DecisionEffectAnalysis().page(
            reports: analysis.reports,
            log: try await decisions.decisionLog(region: analysis.index.region.code, quarter: nil, painID: nil),
            region: analysis.index.region,
            quarter: quarter,
            generatedAt: analysis.index.generatedAt
        )
        return RegionAnalyzer.Result(
            reports: reports,
            index: overlay.apply(to: analysis.index, reports: reports),
            pains: analysis.pains,
            members: analysis.members,
            effects: effects
        )
    }

    /// Keeps the undecided analysis of a region-quarter in the store.
    func keep(_ analysis: RegionAnalyzer.Result, region: String, quarter: Quarter) async throws {
        guard let decisions = store as? any DecisionStore else { return }
        let body = try AnalysisSnapshot(reports: analysis.reports, index: analysis.index).encoded()
        try await decisions.saveAnalysisSnapshot(region: region, quarter: quarter, body: body)
    }
}
