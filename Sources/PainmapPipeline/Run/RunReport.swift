public import Foundation
public import PainmapCore

/// What `painmap run` did: files ingested, records classified, reports written per region, and stage timings.
public struct RunReport: Sendable {
    /// One region's outcome.
    public struct RegionOutcome: Sendable {
        /// The region code.
        public var code: String
        /// The region name.
        public var name: String
        /// Records of the region in the quarter.
        public var records: Int
        /// Life-situation reports.
        public var reports: Int
        /// Pains stored.
        public var pains: Int
        /// Every file written for the region.
        public var files: [URL]
        /// The region's index page.
        public var index: URL
    }

    /// Seconds per stage.
    public struct Timings: Sendable {
        /// Reading the configured feeds.
        public var ingest: Duration = .zero
        /// Classifying new records.
        public var classify: Duration = .zero
        /// Clustering, matching and ranking.
        public var cluster: Duration = .zero
        /// Rendering and writing reports.
        public var render: Duration = .zero
    }

    /// The quarter reported.
    public var quarter: Quarter
    /// The report tree's root.
    public var outputDirectory: URL
    /// The ingest, when the run ingested.
    public var ingest: IngestReport?
    /// What the retention period (`retention_days`) removed, when one is configured.
    public var purge: PurgeReport?
    /// Records classified in this run.
    public var classified = 0
    /// Whether the classification stage trained the learned models: `false` when the store showed every record
    /// classified under its last models (issue 17), or when this worker joined a round another one prepared.
    public var trainedModels = false
    /// Per region, in code order.
    public var regions: [RegionOutcome] = []
    /// The overview page.
    public var overview: URL?
    /// Stage timings.
    public var timings = Timings()
    /// What the zero-leak gate refused: those regions' (or the overview's) files were not written.
    public var leaks: [PersonalDataLeak.Finding] = []
    /// Regions whose reports the gate refused.
    public var refusedRegions: [String] = []
    /// Regions a worker could not finish (`painmap run --all-regions`): the error is in the claim table.
    public var failedRegions: [String] = []

    /// Creates an empty report.
    public init(quarter: Quarter, outputDirectory: URL) {
        self.quarter = quarter
        self.outputDirectory = outputDirectory
    }

    /// The summary printed after a run (Russian).
    public var summary: String {
        var lines: [String] = []
        if let ingest {
            let totals = ingest.totals
            lines.append(
                "Загрузка: файлов \(ingest.files.count), строк прочитано \(totals.read), сохранено \(totals.stored), "
                    + "в карантине \(totals.quarantined), дубликатов \(totals.duplicate)"
            )
        }
        lines.append(
            "Классифицировано новых записей: \(classified)"
                + (trainedModels ? "" : " (все записи уже классифицированы, модели не обучались)")
        )
        lines.append("Квартал \(quarter) — отчёты записаны:")
        for region in regions {
            lines.append(
                "  \(region.code) \(region.name): записей \(region.records), карт \(region.reports), болей \(region.pains) → \(region.index.path)"
            )
        }
        if let overview { lines.append("Обзор по регионам: \(overview.path)") }
        if !failedRegions.isEmpty {
            lines.append(
                "НЕ ОБРАБОТАНЫ (ошибка; причина в таблице region_run): регионы \(failedRegions.sorted().joined(separator: ", "))"
            )
        }
        if !refusedRegions.isEmpty {
            lines.append(
                "НЕ ЗАПИСАНЫ (персональные данные в отчётах): регионы \(refusedRegions.joined(separator: ", "))"
            )
        }
        lines.append(
            "Время, с: загрузка \(Self.seconds(timings.ingest)), классификация \(Self.seconds(timings.classify)), "
                + "кластеризация \(Self.seconds(timings.cluster)), отчёты \(Self.seconds(timings.render))"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.2f", value)
    }
}
