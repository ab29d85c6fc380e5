public import Foundation
public import Logging
import PainmapAnalysis
import PainmapClustering
public import PainmapCore
import PainmapReports

/// The quarterly job behind `painmap run`: ingest every configured feed (incrementally), classify new records,
/// cluster and rank each life situation of each region, match pains to the previous quarter's, write the reports.
///
/// Regions are processed one at a time (or `workers` at once, or shared among worker processes with
/// ``runWorker(_:coordinator:workers:host:pid:pollInterval:)``), each from the store alone, so a one-region rerun (`regions: ["54"]`)
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
            quarter: Quarter,
            regions: [String] = [],
            lifeSituations: [String] = [],
            outputDirectory: URL,
            ingest: Bool = true,
            generatedAt: Date = Date()
        ) {
            self.quarter = quarter
            self.regions = regions
            self.lifeSituations = lifeSituations
            self.outputDirectory = outputDirectory
            self.ingest = ingest
            self.generatedAt = generatedAt
        }
    }

    /// The classification stage of the run; it holds the configuration, store, logger and thread count the run
    /// shares with it.
    private let classification: ClassifyJob
    private var configuration: PainmapConfiguration { classification.configuration }
    private var store: any FeedbackStore { classification.store }
    private var logger: Logger { classification.logger }
    private var threadCount: Int { classification.threadCount }

    /// Creates the job.
    ///
    /// - Parameters:
    ///   - configuration: The loaded configuration (life situations required).
    ///   - store: The store.
    ///   - logger: Receives stage timings and counts, never record content.
    ///   - threadCount: Parallel work per stage; results do not depend on it.
    public init(
        configuration: PainmapConfiguration,
        store: any FeedbackStore,
        logger: Logger,
        threadCount: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        classification = ClassifyJob(
            configuration: configuration,
            store: store,
            logger: logger,
            threadCount: threadCount
        )
    }

    /// Runs the job.
    ///
    /// Regions whose rendered files the zero-leak gate refuses are not written (their previous reports stay); the
    /// findings are in ``RunReport/leaks`` and the caller should fail the run with ``PersonalDataLeak``.
    ///
    /// - Parameters:
    ///   - options: The quarter, filters and output directory.
    ///   - workers: Regions analysed at once in this process (1: one after another). Results do not depend on it.
    /// - Returns: What the run did: regions, files, leaks and timings.
    /// - Throws: ``LocatedFailure`` (``FailureCode/configuration``) when life situations are not configured or a filter names an unknown region
    ///   or situation; ``LocatedFailure`` (``FailureCode/noRecords``, 66) when a requested region has no records in the quarter; store and
    ///   write failures. Reports already written stay; each file is whole.
    public func run(_ options: Options, workers: Int = 1) async throws -> RunReport {
        var report = RunReport(quarter: options.quarter, outputDirectory: options.outputDirectory)
        try validate(options)
        let (digest, present) = try await prepare(options, into: &report)
        let regions = options.regions.isEmpty ? present : options.regions
        if let missing = regions.first(where: { !present.contains($0) }) {
            throw LocatedFailure(
                .noRecords,
                message:
                    "в хранилище нет записей региона \(missing) за \(options.quarter); проверьте выгрузки в Config/feeds.yaml и painmap status",
                status: .noInput
            )
        }
        let context = regionContext(options, configDigest: digest)
        let queue = RegionQueue(regions)
        try await withThrowingTaskGroup(of: RegionResult.self) { group in
            for _ in 0..<max(1, min(workers, regions.count)) {
                group.addTask {
                    var merged = RegionResult()
                    while let code = await queue.next() {
                        merged.merge(try await self.runRegion(code, context: context))
                        // The region's records, vectors and pages are freed: give the pages back (issue 17).
                        ProcessMemory.releaseFreeMemory()
                    }
                    return merged
                }
            }
            for try await result in group { result.apply(to: &report) }
        }
        report.regions.sort { $0.code < $1.code }
        report.refusedRegions.sort()
        try await writeOverview(context, into: &report)
        return report
    }

    /// Runs one worker of `painmap run --all-regions` against a store that shares regions among processes.
    ///
    /// The worker opens the quarter's round or joins the open one (``RegionRunCoordinator/openRound(quarter:prepare:)``:
    /// exactly one worker ingests and classifies, under the store's lock, while the others wait), then `workers`
    /// tasks each claim the next free region, run it exactly as ``run(_:workers:)`` does and record the outcome, until
    /// no region of the round is pending or running. While regions are still running elsewhere a task waits and polls:
    /// a region whose worker died becomes claimable and is finished here. The task that records the round's last
    /// outcome rebuilds the overview from the store (if two record the last outcomes at once, both write the same bytes
    /// atomically).
    ///
    /// - Parameters:
    ///   - options: What to run (`regions` must be empty: a round is every region with records in the quarter).
    ///   - coordinator: The store's claim API.
    ///   - workers: Claim sessions in this process.
    ///   - host: This host's name, recorded with each claim.
    ///   - pid: This process's id, recorded with each claim.
    ///   - pollInterval: How often an idle worker looks for regions freed by a dead worker.
    /// - Returns: What this worker did: its regions, files, leaks and timings.
    /// - Throws: Store and write failures; a region that fails is recorded in the claim table and the worker goes on.
    public func runWorker(
        _ options: Options,
        coordinator: any RegionRunCoordinator,
        workers: Int = 1,
        host: String,
        pid: Int32,
        pollInterval: Duration = .milliseconds(500)
    ) async throws -> RunReport {
        var report = RunReport(quarter: options.quarter, outputDirectory: options.outputDirectory)
        try validate(options)
        var prepared: (digest: String, regions: [String])?
        var preparedReport = report
        let opened = try await coordinator.openRound(quarter: options.quarter) {
            let result = try await prepare(options, into: &preparedReport)
            prepared = result
            return result.regions
        }
        if opened { report = preparedReport }
        logger.info(
            "Worker joined the round",
            metadata: ["run.quarter": "\(options.quarter)", "opened": "\(opened)", "pid": "\(pid)"]
        )
        let digest: String
        if let prepared {
            digest = prepared.digest
        } else {
            // A worker that joined the round finds the store classified by the opener: its digest is the opener's,
            // read from the store without training (or, on a store that does not remember it, from the same models
            // trained again; the classification itself then finds nothing stale and writes nothing).
            digest = try await classification.run(counting: false, reusingCurrentModels: true).configDigest
        }
        let context = regionContext(options, configDigest: digest)
        try await withThrowingTaskGroup(of: (RegionResult, Bool).self) { group in
            for _ in 0..<max(1, workers) {
                group.addTask {
                    let session = try await coordinator.claimSession(host: host, pid: pid)
                    var merged = RegionResult()
                    var wroteOverview = false
                    do {
                        while true {
                            guard let claim = try await session.claimNext(quarter: options.quarter) else {
                                if try await session.unfinished(quarter: options.quarter) == 0 { break }
                                try await Task.sleep(for: pollInterval)
                                continue
                            }
                            let result: RegionResult
                            do {
                                result = try await self.runRegion(claim.region, context: context)
                            } catch is CancellationError {
                                throw CancellationError()
                            } catch {
                                // Recorded and left for the operator; the worker goes on with the next region.
                                let message = Self.failureMessage(error)
                                try await session.finish(claim, outcome: .failed(message))
                                self.logger.error(
                                    "Region failed",
                                    metadata: ["run.region": "\(claim.region)", "error": "\(message)"]
                                )
                                merged.failed.append(claim.region)
                                continue
                            }
                            merged.merge(result)
                            ProcessMemory.releaseFreeMemory()
                            try await session.finish(
                                claim,
                                outcome: result.refused.isEmpty
                                    ? .done : .failed("персональные данные в отчётах: файлы не записаны")
                            )
                            if try await session.unfinished(quarter: options.quarter) == 0 {
                                var overview = RunReport(
                                    quarter: options.quarter,
                                    outputDirectory: options.outputDirectory
                                )
                                try await self.writeOverview(context, into: &overview)
                                merged.leaks += overview.leaks
                                merged.overview = overview.overview
                                wroteOverview = true
                            }
                        }
                    } catch {
                        await session.close()
                        throw error
                    }
                    await session.close()
                    return (merged, wroteOverview)
                }
            }
            for try await (result, _) in group { result.apply(to: &report) }
        }
        report.regions.sort { $0.code < $1.code }
        report.refusedRegions.sort()
        return report
    }

    /// What every region of a run shares.
    struct RegionContext: Sendable {
        var quarter: Quarter
        var lifeSituations: Set<String>
        var outputDirectory: URL
        var configDigest: String
        var generatedAt: String
        var analyzer: StoredRegionAnalysis
        var writer: ReportTreeWriter
    }

    /// One region's (or one worker's regions') outcome and timings.
    struct RegionResult: Sendable {
        var outcomes: [RunReport.RegionOutcome] = []
        var refused: [String] = []
        var failed: [String] = []
        var leaks: [PersonalDataLeak.Finding] = []
        var cluster: Duration = .zero
        var render: Duration = .zero
        var overview: URL?

        mutating func merge(_ other: RegionResult) {
            outcomes += other.outcomes
            refused += other.refused
            failed += other.failed
            leaks += other.leaks
            cluster += other.cluster
            render += other.render
            overview = other.overview ?? overview
        }

        func apply(to report: inout RunReport) {
            report.regions += outcomes
            report.refusedRegions += refused
            report.failedRegions += failed
            report.leaks += leaks
            report.timings.cluster += cluster
            report.timings.render += render
            if let overview { report.overview = overview }
        }
    }

    /// Ingests (if asked) and classifies; returns the configuration digest and the regions with records in the quarter.
    private func prepare(_ options: Options, into report: inout RunReport) async throws -> (
        digest: String, regions: [String]
    ) {
        let clock = ContinuousClock()
        var started = clock.now
        if options.ingest {
            let files = FeedResolver(configuration: configuration).configuredFiles().map {
                FeedResolver.Resolution.feed($0)
            }
            report.ingest = try await IngestJob(configuration: configuration, store: store, logger: logger).run(files)
        }
        if let days = configuration.privacy.retentionDays {
            let cutoff = RetentionJob.cutoff(retentionDays: days, now: options.generatedAt)
            report.purge = try await RetentionJob(store: store, logger: logger).purge(before: cutoff)
        }
        report.timings.ingest = started.duration(to: clock.now)

        started = clock.now
        // Every record already classified under the models the store remembers: no training (issue 17).
        let classified = try await classification.run(counting: false, reusingCurrentModels: true)
        report.classified = classified.classified
        report.trainedModels = classified.trainedModels
        report.timings.classify = started.duration(to: clock.now)
        let present = Set(try await store.status().records.filter { $0.quarter == options.quarter }.map(\.region))
        return (classified.configDigest, present.filter { configuration.regions.region(code: $0) != nil }.sorted())
    }

    private func regionContext(_ options: Options, configDigest: String) -> RegionContext {
        let generatedAt = Self.timestamp(options.generatedAt)
        let analyzer = RegionAnalyzer(
            configuration: configuration,
            clustering: ClusterConfiguration(
                mergeThreshold: configuration.analysis.mergeDistance,
                catchAllThreshold: configuration.analysis.catchAllSimilarity,
                threadCount: threadCount,
                representativeCount: RegionAnalyzer.quoteCandidateCount
            ),
            configDigest: configDigest,
            generatedAt: generatedAt,
            threadCount: threadCount
        )
        return RegionContext(
            quarter: options.quarter,
            lifeSituations: Set(options.lifeSituations),
            outputDirectory: options.outputDirectory,
            configDigest: configDigest,
            generatedAt: generatedAt,
            analyzer: StoredRegionAnalysis(analyzer: analyzer, store: store),
            writer: ReportTreeWriter(outputDirectory: options.outputDirectory)
        )
    }

    /// One region's work, the same for every path: analyse from the store, render, pass the zero-leak gate, write
    /// the files atomically and store the pains.
    ///
    /// A region the gate refuses writes nothing.
    func runRegion(_ code: String, context: RegionContext) async throws -> RegionResult {
        var result = RegionResult()
        guard let region = configuration.regions.region(code: code) else { return result }
        let clock = ContinuousClock()
        var started = clock.now
        let base = try await context.analyzer.analyze(region: region, quarter: context.quarter)
        let analysis = try await DecidedAnalysis(store: store).apply(to: base)
        FaultPoint.hit("analyze.region-done")
        result.cluster += started.duration(to: clock.now)

        started = clock.now
        let files = try context.writer.render(
            analysis.reports,
            index: analysis.index,
            lifeSituations: context.lifeSituations,
            effects: analysis.effects
        )
        let gate = ReportGate(
            identifiers: try await store.redactedIdentifiers(region: code, quarter: nil),
            privacy: configuration.privacy
        )
        let leaks = gate.inspect(
            files,
            relativeTo: context.outputDirectory,
            references: ReportGate.references(in: analysis.reports)
        )
        result.render += started.duration(to: clock.now)
        guard leaks.isEmpty else {
            result.leaks += leaks
            result.refused.append(code)
            logger.error(
                "Region reports refused by the personal-data gate",
                metadata: ["run.region": "\(code)", "leaks": "\(leaks.count)"]
            )
            return result
        }
        started = clock.now
        try context.writer.write(files)
        FaultPoint.hit("run.region-files-written")
        try await store.replacePains(
            region: code,
            quarter: context.quarter,
            with: analysis.pains,
            members: analysis.members
        )
        try await DecidedAnalysis(store: store).keep(base, region: code, quarter: context.quarter)
        FaultPoint.hit("run.pains-stored")
        result.render += started.duration(to: clock.now)
        result.outcomes.append(
            RunReport.RegionOutcome(
                code: code,
                name: region.fullName,
                records: analysis.index.count,
                reports: analysis.reports.count,
                pains: analysis.pains.count,
                files: files.map(\.url),
                index: context.writer.regionDirectory(quarter: context.quarter.description, region: code)
                    .appendingPathComponent("index.html")
            )
        )
        logger.info(
            "Region reported",
            metadata: [
                "run.region": "\(code)", "run.quarter": "\(context.quarter)", "records": "\(analysis.index.count)",
                "reports": "\(analysis.reports.count)", "pains": "\(analysis.pains.count)",
            ]
        )
        return result
    }

    /// Rebuilds the quarter overview from the store and writes it if the gate passes it.
    private func writeOverview(_ context: RegionContext, into report: inout RunReport) async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let quarter = context.quarter
        let digest = context.configDigest
        var overview = OverviewBuilder(configuration: configuration, generatedAt: context.generatedAt).build(
            quarter: quarter,
            current: try await store.classificationCounts(region: nil, quarter: quarter, configDigest: digest),
            previous: try await store.classificationCounts(
                region: nil,
                quarter: quarter.previous,
                configDigest: digest
            ),
            pains: try await store.pains(region: nil, quarter: quarter)
        )
        // Link only regions whose directory is there: a `--region 54` run into a new folder wrote no other region.
        let quarterDirectory = context.outputDirectory.appendingPathComponent(overview.quarter, isDirectory: true)
        for index in overview.regions.indices {
            let page = quarterDirectory.appendingPathComponent(overview.regions[index].region.code, isDirectory: true)
                .appendingPathComponent("index.html")
            overview.regions[index].hasReport = FileManager.default.fileExists(atPath: page.path)
        }
        let overviewFiles = try context.writer.render(overview)
        let overviewLeaks = try await leaks(inOverview: overviewFiles, relativeTo: context.outputDirectory)
        if overviewLeaks.isEmpty {
            try context.writer.write(overviewFiles)
            report.overview = overviewFiles.first?.url
        } else {
            report.leaks += overviewLeaks
        }
        report.timings.render += started.duration(to: clock.now)
    }

    /// The zero-leak gate over the quarter overview, against the identifiers recorded in every region of the store:
    /// the overview quotes pain titles from every region.
    func leaks(inOverview files: [ReportTreeWriter.PendingFile], relativeTo root: URL) async throws
        -> [PersonalDataLeak.Finding]
    {
        ReportGate(
            identifiers: try await store.redactedIdentifiers(region: nil, quarter: nil),
            privacy: configuration.privacy
        )
        .inspect(files, relativeTo: root)
    }

    /// A failure as recorded in the claim table: the error's own message (never record text).
    static func failureMessage(_ error: any Error) -> String {
        if let failure = error as? any PainmapFailure { return String(describing: failure) }
        return String(describing: type(of: error))
    }

    private func validate(_ options: Options) throws {
        let catalog = configuration.lifeSituations
        let path = configuration.directory.appendingPathComponent("life-situations.yaml").path
        guard !catalog.isEmpty else {
            throw LocatedFailure.configuration(
                location: SourceLocation(path: path),
                message:
                    "нет описания жизненных ситуаций и этапов; создайте файл по образцу Config/life-situations.yaml"
            )
        }
        for code in options.regions where configuration.regions.region(code: code) == nil {
            throw LocatedFailure(.usage, message: "региона «\(code)» нет в Config/regions.yaml", status: .usage)
        }
        for id in options.lifeSituations where catalog.situation(id: id) == nil {
            throw LocatedFailure(
                .usage,
                message:
                    "жизненной ситуации «\(id)» нет в Config/life-situations.yaml; есть: \(catalog.situations.map(\.id).joined(separator: ", "))",
                status: .usage
            )
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
