public import Foundation

/// Lays the reports out under the output directory and writes them, each file atomically.
///
/// The layout:
///
/// ```
/// OUT/<quarter>/index.html                              all-regions overview (+ index.json)
/// OUT/<quarter>/<region>/index.html                     region index (+ index.json)
/// OUT/<quarter>/<region>/<region>.xlsx                  one sheet per life situation
/// OUT/<quarter>/<region>/<life-situation>.{html,md,json,csv}
/// ```
///
/// All files of a region are rendered in memory first and checked by `inspect` (the personal-data gate) before the
/// first one is renamed into place, so a refused or failed render leaves the previous reports intact. A crash
/// leaves every final path either the old file or the new one, never a partial file.
public struct ReportTreeWriter: Sendable {
    /// A rendered file waiting to be written.
    public struct PendingFile: Sendable {
        /// Where the file goes.
        public let url: URL
        /// Its bytes.
        public let data: Data
        /// The report the file renders (for the gate's messages), if it renders one.
        public let lifeSituation: String?
    }

    /// The root of the report tree.
    public let outputDirectory: URL
    private let renderer = ReportRenderer()
    private let writer = AtomicFileWriter()

    /// Creates a writer for the tree under `outputDirectory`.
    public init(outputDirectory: URL) {
        self.outputDirectory = outputDirectory
    }

    /// The directory of a region's reports.
    public func regionDirectory(quarter: String, region: String) -> URL {
        outputDirectory.appendingPathComponent(quarter, isDirectory: true).appendingPathComponent(
            region,
            isDirectory: true
        )
    }

    /// Renders a region's files: the selected situations' reports in every format, the index and the workbook.
    ///
    /// - Parameters:
    ///   - reports: The region's reports, one per life situation.
    ///   - index: The region's index page.
    ///   - lifeSituations: Only these situations' report files (all when empty); the index and workbook always cover
    ///     every situation.
    ///   - effects: «Решения и их эффект» (`effect.html`, `effect.json`), when the region has one this quarter.
    /// - Returns: The files, reports first, then the index, its JSON twin, the effect page and the workbook.
    /// - Throws: A renderer's error when a report cannot be encoded.
    public func render(
        _ reports: [PainMapReport],
        index: RegionIndex,
        lifeSituations: Set<String>,
        effects: DecisionEffectPage? = nil
    ) throws -> [PendingFile] {
        let directory = regionDirectory(quarter: index.quarter, region: index.region.code)
        var files: [PendingFile] = []
        for report in reports where lifeSituations.isEmpty || lifeSituations.contains(report.lifeSituation.id) {
            for format in ReportFormat.allCases {
                files.append(
                    PendingFile(
                        url: directory.appendingPathComponent("\(report.lifeSituation.id).\(format.fileExtension)"),
                        data: try renderer.render(report, as: format),
                        lifeSituation: report.lifeSituation.id
                    )
                )
            }
        }
        files.append(
            PendingFile(
                url: directory.appendingPathComponent("index.html"),
                data: renderer.renderIndex(index),
                lifeSituation: nil
            )
        )
        files.append(
            PendingFile(
                url: directory.appendingPathComponent("index.json"),
                data: try renderer.renderIndexJSON(index),
                lifeSituation: nil
            )
        )
        if let effects {
            files.append(
                PendingFile(
                    url: directory.appendingPathComponent("effect.html"),
                    data: renderer.renderEffects(effects),
                    lifeSituation: nil
                )
            )
            files.append(
                PendingFile(
                    url: directory.appendingPathComponent("effect.json"),
                    data: try renderer.renderEffectsJSON(effects),
                    lifeSituation: nil
                )
            )
        }
        files.append(
            PendingFile(
                url: directory.appendingPathComponent("\(index.region.code).xlsx"),
                data: try renderer.regionWorkbook(reports, index: index),
                lifeSituation: nil
            )
        )
        return files
    }

    /// Renders the quarter's overview page and its JSON twin.
    public func render(_ overview: QuarterOverview) throws -> [PendingFile] {
        let directory = outputDirectory.appendingPathComponent(overview.quarter, isDirectory: true)
        return [
            PendingFile(
                url: directory.appendingPathComponent("index.html"),
                data: renderer.renderOverview(overview),
                lifeSituation: nil
            ),
            PendingFile(
                url: directory.appendingPathComponent("index.json"),
                data: try renderer.renderOverviewJSON(overview),
                lifeSituation: nil
            ),
        ]
    }

    /// Writes rendered files, each atomically, after removing temporary files a crashed run left in their directories.
    public func write(_ files: [PendingFile]) throws {
        for directory in Set(files.map { $0.url.deletingLastPathComponent().path }).sorted() {
            removeLeftovers(in: URL(fileURLWithPath: directory, isDirectory: true))
        }
        for file in files { try writer.write(file.data, to: file.url) }
    }

    /// Deletes `.<name>.tmp.<pid>.<n>` files of earlier, interrupted runs (the run lock guarantees none is live).
    private func removeLeftovers(in directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(".") && name.contains(".tmp.") {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}
