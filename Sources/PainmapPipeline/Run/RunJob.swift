public import Foundation
public import Logging
import PainmapClustering
public import PainmapCore
import PainmapReports

/// The quarterly job behind `painmap run`: ingest every configured feed (incrementally), classify new records,
/// cluster and rank each life situation of each region, match pains to the previous quarter's, write the reports.
///
/// Regions are processed one at a time, each from the store alone, so a one-region rerun (`regions: ["54"]`)
/// rewrites only that region's directory and the quarter overview; other regions' files are not touched. The same
/// store and configuration give byte-identical reports apart from their `generated_at` field.
public struct RunJob: Sendable {
    /// What to run.
    public struct Options: Sendable {
        /// The quarter to report.
        public var quarter: Quarter
        /// Only these region codes (all regions with records in the quarter when empty).
        public var regions: [String]
        /// Only these life situations' report files (all when empty).
        public var lifeSituations: [String]
        /// Where the report tree goes.
        public var outputDirectory: URL
        /// Ingest the configured feeds first (default true).
        public var ingest: Bool
        /// The time written into `generated_at`.
        public var generatedAt: Date

        /// Creates options.
        public init(
            quarter: Quarter, regions: [String] = [], lifeSituations: [String] = [], outputDirectory: URL,
            ingest: Bool = true, generatedAt: Date = Date()
        ) {
            self.quarter = quarter
            self.regions = regions
            self.lifeSituations = lifeSituations
            self.outputDirectory = outputDirectory
            self.ingest = ingest
            self.generatedAt = generatedAt
        }
    }

    private let configuration: PainmapConfiguration
    private let store: any FeedbackStore
    private let logger: Logger
    private let threadCount: Int

    /// Creates the job.
    ///
    /// - Parameters:
    ///   - configuration: The loaded configuration (life situations required).
    ///   - store: The store.
    ///   - logger: Receives stage timings and counts, never record content.
    ///   - threadCount: Parallel work per stage; results do not depend on it.
    public init(
        configuration: PainmapConfiguration, store: any FeedbackStore, logger: Logger,
        threadCount: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
        self.threadCount = max(1, threadCount)
    }

    /// Runs the job.
    ///
    /// Regions whose rendered files the zero-leak gate refuses are not written (their previous reports stay); the
    /// findings are in ``RunReport/leaks`` and the caller should fail the run with ``PersonalDataLeak``.
    ///
    /// - Throws: ``ConfigurationError`` when life situations are not configured or a filter names an unknown region
    ///   or situation; ``CommandFailure`` (no input) when a requested region has no records in the quarter; store and
    ///   write failures. Reports already written stay; each file is whole.
    public func run(_ options: Options) async throws -> RunReport {
        var report = RunReport(quarter: options.quarter, outputDirectory: options.outputDirectory)
        try validate(options)
        let clock = ContinuousClock()

        var started = clock.now
        if options.ingest {
            let files = FeedResolver(configuration: configuration).configuredFiles().map { FeedResolver.Resolution.feed($0) }
            report.ingest = try await IngestJob(configuration: configuration, store: store, logger: logger).run(files)
        }
        report.timings.ingest = started.duration(to: clock.now)

        started = clock.now
        let classified = try await ClassifyJob(configuration: configuration, store: store, logger: logger, threadCount: threadCount).run()
        report.classified = classified.classified
        let digest = classified.configDigest
        report.timings.classify = started.duration(to: clock.now)

        let present = Set(try await store.status().records.filter { $0.quarter == options.quarter }.map(\.region))
        let regions = options.regions.isEmpty ? present.sorted() : options.regions
        if let missing = regions.first(where: { !present.contains($0) }) {
            throw CommandFailure(
                "в хранилище нет записей региона \(missing) за \(options.quarter); проверьте выгрузки в Config/feeds.yaml и painmap status",
                status: .noInput)
        }

        let generatedAt = Self.timestamp(options.generatedAt)
        let analyzer = RegionAnalyzer(
            configuration: configuration, store: store, clustering: ClusterConfiguration(
                mergeThreshold: configuration.analysis.mergeDistance,
                catchAllThreshold: configuration.analysis.catchAllSimilarity, threadCount: threadCount),
            configDigest: digest, generatedAt: generatedAt, threadCount: threadCount)
        let writer = ReportTreeWriter(outputDirectory: options.outputDirectory)
        for code in regions {
            guard let region = configuration.regions.region(code: code) else { continue }
            started = clock.now
            let result = try await analyzer.analyze(region: region, quarter: options.quarter)
            FaultPoint.hit("analyze.region-done")
            report.timings.cluster += started.duration(to: clock.now)

            started = clock.now
            let files = try writer.render(result, lifeSituations: Set(options.lifeSituations))
            let gate = ReportGate(identifiers: try await store.redactedIdentifiers(region: code, quarter: nil))
            let leaks = gate.inspect(
                files, relativeTo: options.outputDirectory, references: ReportGate.references(in: result.reports))
            report.timings.render += started.duration(to: clock.now)
            guard leaks.isEmpty else {
                report.leaks += leaks
                report.refusedRegions.append(code)
                logger.error(
                    "Region reports refused by the personal-data gate",
                    metadata: ["run.region": "\(code)", "leaks": "\(leaks.count)"])
                continue
            }
            started = clock.now
            try writer.write(files)
            try await store.replacePains(region: code, quarter: options.quarter, with: result.pains)
            FaultPoint.hit("run.pains-stored")
            report.timings.render += started.duration(to: clock.now)
            report.regions.append(
                RunReport.RegionOutcome(
                    code: code, name: region.fullName, records: result.index.count, reports: result.reports.count,
                    pains: result.pains.count, files: files.map(\.url),
                    index: writer.regionDirectory(quarter: options.quarter.description, region: code).appendingPathComponent("index.html")))
            logger.info(
                "Region reported",
                metadata: [
                    "run.region": "\(code)", "run.quarter": "\(options.quarter)", "records": "\(result.index.count)",
                    "reports": "\(result.reports.count)", "pains": "\(result.pains.count)",
                ])
        }

        started = clock.now
        let overview = try await OverviewBuilder(configuration: configuration, store: store, configDigest: digest, generatedAt: generatedAt)
            .build(quarter: options.quarter)
        let overviewFiles = try writer.render(overview)
        let overviewLeaks = ReportGate(identifiers: try await store.redactedIdentifiers(region: nil, quarter: nil))
            .inspect(overviewFiles, relativeTo: options.outputDirectory)
        if overviewLeaks.isEmpty {
            try writer.write(overviewFiles)
            report.overview = overviewFiles.first?.url
        } else {
            report.leaks += overviewLeaks
        }
        report.timings.render += started.duration(to: clock.now)
        return report
    }

    private func validate(_ options: Options) throws {
        let catalog = configuration.lifeSituations
        let path = configuration.directory.appendingPathComponent("life-situations.yaml").path
        guard !catalog.isEmpty else {
            throw ConfigurationError(
                location: SourceLocation(path: path),
                message: "нет описания жизненных ситуаций и этапов; создайте файл по образцу Config/life-situations.yaml")
        }
        for code in options.regions where configuration.regions.region(code: code) == nil {
            throw CommandFailure("региона «\(code)» нет в Config/regions.yaml", status: .usage)
        }
        for id in options.lifeSituations where catalog.situation(id: id) == nil {
            throw CommandFailure(
                "жизненной ситуации «\(id)» нет в Config/life-situations.yaml; есть: \(catalog.situations.map(\.id).joined(separator: ", "))",
                status: .usage)
        }
    }

    /// ISO 8601 in UTC, to the second.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .gmt
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
