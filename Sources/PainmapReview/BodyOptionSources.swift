import Foundation
import PainmapAnalysis
public import PainmapCore
import PainmapReports

/// What the responsible bodies offered for a region-quarter's pains are drawn from, read once for all its pains.
///
/// The organisations named in each pain's own records come from the analysis the run kept (as the run counted them);
/// those named in each life situation's records come from one read of the region-quarter's classified records. A page
/// of the workspace asks for one pain's options many times per run; reading both per request cost a read of the whole
/// region-quarter each time.
public struct BodyOptionSources: Sendable {
    /// By review id (`situation/pain id`): the organisations of the pain's own records, most frequent first.
    let own: [String: [String]]
    /// By life situation (`nil`: records no situation claimed): the organisations named, most frequent first.
    let named: [String?: [String]]

    /// Reads both from the store.
    ///
    /// - Parameters:
    ///   - store: The store.
    ///   - region: The region code.
    ///   - quarter: The quarter.
    /// - Throws: The store's failure when it cannot be read.
    public init(store: any FeedbackStore & DecisionStore, region: String, quarter: Quarter) async throws {
        var own: [String: [String]] = [:]
        if let body = try await store.analysisSnapshot(region: region, quarter: quarter),
            let snapshot = try? AnalysisSnapshot(decoding: body)
        {
            for report in snapshot.reports {
                for pain in report.pains {
                    own["\(report.lifeSituation.id)/\(pain.id)"] = pain.organizations.map(\.name)
                }
            }
        }
        var counts: [String?: [String: Int]] = [:]
        func count(_ situation: String?, _ organization: String?) {
            if let name = organization?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
                counts[situation, default: [:]][name, default: 0] += 1
            }
        }
        if let lean = store as? any AnalysisRecordStore {
            let records = try await lean.analysisRecords(region: region, quarter: quarter)
            for item in records { count(item.classification.lifeSituation, item.record.organization) }
        } else {
            for item in try await store.classifiedRecords(region: region, quarter: quarter) {
                count(item.classification.lifeSituation, item.record.organization)
            }
        }
        self.own = own
        named = counts.mapValues { names in names.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key) }
    }

    /// The bodies to offer for a pain: the organisations named in its own records, then in the other records of its
    /// life situation, then the directory's bodies for the region, without repeats.
    ///
    /// - Parameters:
    ///   - pain: The stored pain, `nil` when the run no longer stores it (then only its situation's are known: none).
    ///   - directory: The region's bodies of `Config/responsible-bodies.yaml`.
    ///   - limit: The most names wanted (the workspace offers 30): the rest are not looked at.
    /// - Returns: The names, in that order.
    public func options(for pain: StoredPain?, directory: [String], limit: Int = .max) -> [String] {
        let own = pain.flatMap { self.own[ReviewService.reviewID($0)] } ?? []
        var seen = Set<String>()
        var result: [String] = []
        for name in [own, named[pain?.lifeSituation] ?? [], directory].joined() {
            guard result.count < limit else { break }
            if seen.insert(name).inserted { result.append(name) }
        }
        return result
    }
}
