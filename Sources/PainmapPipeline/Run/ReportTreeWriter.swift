import Foundation
import PainmapCore
import PainmapReports

/// Lays the reports out under the output directory and writes them, each file atomically:
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
struct ReportTreeWriter: Sendable {
    /// A rendered file waiting to be written.
    struct PendingFile: Sendable {
        let url: URL
        let data: Data
        /// The report the file renders (for the gate's messages), if it renders one.
        let lifeSituation: String?
    }

    let outputDirectory: URL
    private let renderer = ReportRenderer()
    private let writer = AtomicFileWriter()

    init(outputDirectory: URL) {
        self.outputDirectory = outputDirectory
    }

    /// The directory of a region's reports.
    func regionDirectory(quarter: String, region: String) -> URL {
        outputDirectory.appendingPathComponent(quarter, isDirectory: true).appendingPathComponent(
            region,
            isDirectory: true
        )
    }

    /// Renders a region's files: the selected situations' reports in every format, the index and the workbook.
    ///
    /// - Parameters:
    ///   - result: The region's analysis.
    ///   - lifeSituations: Only these situations' report files (all when empty); the index and workbook always cover
    ///     every situation.
    func render(_ result: RegionAnalyzer.Result, lifeSituations: Set<String>) throws -> [PendingFile] {
        let directory = regionDirectory(quarter: result.index.quarter, region: result.index.region.code)
        var files: [PendingFile] = []
        for report in result.reports where lifeSituations.isEmpty || lifeSituations.contains(report.lifeSituation.id) {
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
                data: renderer.renderIndex(result.index),
                lifeSituation: nil
            )
        )
        files.append(
            PendingFile(
                url: directory.appendingPathComponent("index.json"),
                data: try renderer.renderIndexJSON(result.index),
                lifeSituation: nil
            )
        )
        if let effects = result.effects {
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
                url: directory.appendingPathComponent("\(result.index.region.code).xlsx"),
                data: try renderer.regionWorkbook(result.reports, index: result.index),
                lifeSituation: nil
            )
        )
        return files
    }

    /// Renders the quarter's overview page and its JSON twin.
    func render(_ overview: QuarterOverview) throws -> [PendingFile] {
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
    func write(_ files: [PendingFile]) throws {
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
