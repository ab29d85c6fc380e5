public import Foundation
public import Logging
import PainmapAnalysis
public import PainmapCore
import PainmapReports

/// `painmap render`: re-renders regions of a quarter from the analysis the last run kept and the current decisions,
/// without clustering again.
///
/// The files are rendered, gated and written exactly as `painmap run` does, so with unchanged decisions they are
/// byte-identical to the run's (the snapshot keeps its `generated_at`); only decision fields change otherwise.
public struct RenderJob: Sendable {
    private let store: any FeedbackStore
    private let logger: Logger
    private let privacy: PrivacyConfiguration

    /// Creates a render job.
    ///
    /// - Parameters:
    ///   - store: The store holding the kept analysis and the decisions.
    ///   - logger: Receives counts per region, never record content.
    ///   - privacy: The privacy settings the report gate scans with (the run's, from `Config/privacy.yaml`).
    public init(store: any FeedbackStore, logger: Logger, privacy: PrivacyConfiguration = .default) {
        self.store = store
        self.logger = logger
        self.privacy = privacy
    }

    /// Re-renders each region and returns the files written, by region.
    ///
    /// - Throws: ``CommandFailure`` (66) when a region has no kept analysis (run `painmap run` first),
    ///   ``PersonalDataLeak`` (65) when the gate refuses a region (nothing of it is written).
    public func run(quarter: Quarter, regions: [String], outputDirectory: URL) async throws -> [String: [URL]] {
        guard let decisions = store as? any DecisionStore else {
            throw LocatedFailure(.storeLocation, message: "хранилище не хранит решения", status: .software)
        }
        let writer = ReportTreeWriter(outputDirectory: outputDirectory)
        var written: [String: [URL]] = [:]
        for region in regions {
            guard let body = try await decisions.analysisSnapshot(region: region, quarter: quarter) else {
                throw LocatedFailure(
                    .noRecords,
                    message:
                        "нет сохранённого анализа \(region)/\(quarter); сначала painmap run --quarter \(quarter) --region \(region)",
                    status: .noInput
                )
            }
            let snapshot = try AnalysisSnapshot(decoding: body)
            let base = RegionAnalyzer.Result(
                reports: snapshot.reports,
                index: snapshot.index,
                pains: try await store.pains(region: region, quarter: quarter)
            )
            let analysis = try await DecidedAnalysis(store: store).apply(to: base)
            let files = try writer.render(
                analysis.reports,
                index: analysis.index,
                lifeSituations: [],
                effects: analysis.effects
            )
            let gate = ReportGate(
                identifiers: try await store.redactedIdentifiers(region: region, quarter: nil),
                privacy: privacy
            )
            let leaks = gate.inspect(
                files,
                relativeTo: outputDirectory,
                references: ReportGate.references(in: analysis.reports)
            )
            guard leaks.isEmpty else { throw PersonalDataLeak(findings: leaks) }
            try writer.write(files)
            written[region] = files.map(\.url)
            logger.info(
                "Region re-rendered",
                metadata: ["render.region": "\(region)", "render.quarter": "\(quarter)", "files": "\(files.count)"]
            )
        }
        return written
    }
}
