import PainmapAnalysis
import PainmapCore

/// Feeds ``RegionAnalyzer`` from the store: reads a region's records and stored pains, and stores the pains of a
/// previous quarter whose reports were never made, so that this quarter has something to compare with.
struct StoredRegionAnalysis: Sendable {
    let analyzer: RegionAnalyzer
    let store: any FeedbackStore

    /// Analyzes one region and quarter.
    ///
    /// When the previous quarter has records but no stored pains yet, its pains are
    /// computed first and stored. On a rerun the quarter's stored pains are the ones replaced: new pains that match
    /// them keep their ids, and with them the analysts' decisions.
    func analyze(region: Region, quarter: Quarter) async throws -> RegionAnalyzer.Result {
        let previousPains = try await ensurePains(region: region, quarter: quarter.previous)
        let records = try await classified(region: region, quarter: quarter)
        let previousRecords = try await classified(region: region, quarter: quarter.previous)
        let stored = try await store.pains(region: region.code, quarter: nil)
        return await analyzer.analyze(
            region: region,
            quarter: quarter,
            input: RegionAnalyzer.Input(
                records: records,
                previousRecords: previousRecords,
                previousPains: previousPains,
                history: stored.filter { $0.quarter < quarter },
                replacedPains: stored.filter { $0.quarter == quarter }
            )
        )
    }

    /// The stored pains of a region-quarter, computing and storing them when the quarter has records but none stored.
    private func ensurePains(region: Region, quarter: Quarter) async throws -> [StoredPain] {
        let stored = try await store.pains(region: region.code, quarter: quarter)
        guard stored.isEmpty else { return stored }
        let records = try await classified(region: region, quarter: quarter)
        guard records.indices.contains(where: { records.lifeSituation(at: $0) != nil }) else { return [] }
        let before = try await store.pains(region: region.code, quarter: quarter.previous)
        let previousRecords = try await classified(region: region, quarter: quarter.previous)
        let history = try await store.pains(region: region.code, quarter: nil).filter { $0.quarter < quarter }
        let result = await analyzer.analyze(
            region: region,
            quarter: quarter,
            input: RegionAnalyzer.Input(
                records: records,
                previousRecords: previousRecords,
                previousPains: before,
                history: history
            )
        )
        FaultPoint.hit("analyze.previous-computed")
        try await store.replacePains(
            region: region.code,
            quarter: quarter,
            with: result.pains,
            members: result.members
        )
        FaultPoint.hit("analyze.previous-stored")
        return result.pains
    }

    /// A region-quarter's classified records: the store's lean read when it has one (``AnalysisRecordStore``: only the
    /// fields analysis reads, streamed from a cursor into columns), otherwise every record read whole and its analysis
    /// fields kept.
    private func classified(region: Region, quarter: Quarter) async throws -> AnalysisRecords {
        if let lean = store as? any AnalysisRecordStore {
            return try await lean.analysisRecords(region: region.code, quarter: quarter)
        }
        let records = try await store.classifiedRecords(region: region.code, quarter: quarter)
        return AnalysisRecords(records, region: region.code, quarter: quarter)
    }
}
