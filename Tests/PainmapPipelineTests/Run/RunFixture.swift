import Foundation
import Logging
import PainmapCore
import PainmapPipeline
import PainmapReports
import PainmapSQLite
import PainmapTestSupport
import Testing

/// The package root (SampleFeeds and Config live there).
let packageRoot = RepositoryRoot.url

/// A store and report tree made by `painmap run` over SampleFeeds: 2026Q2, then 2026Q3.
struct RunFixture: Sendable {
    let directory: URL
    let storeURL: URL
    let outputDirectory: URL
    let configuration: PainmapConfiguration

    static let generatedAt = Date(timeIntervalSince1970: 1_791_000_000)

    /// Runs both sample quarters into a fresh temporary directory.
    static func make(label: String = "run") async throws -> RunFixture {
        let directory = TemporaryDirectory.url(label)
        let configuration = try ConfigurationLoader().load(directory: packageRoot.appendingPathComponent("Config"))
        let fixture = RunFixture(
            directory: directory,
            storeURL: directory.appendingPathComponent("store.sqlite"),
            outputDirectory: directory.appendingPathComponent("out"),
            configuration: configuration
        )
        for quarter in ["2026Q2", "2026Q3"] { _ = try await fixture.run(quarter: quarter) }
        return fixture
    }

    /// Shared by the read-only checks, made once per test process.
    static let shared = Task { try await make(label: "run-shared") }

    /// Runs one quarter against the fixture's store and output directory.
    func run(quarter: String, regions: [String] = [], generatedAt: Date = RunFixture.generatedAt, workers: Int = 1)
        async throws -> RunReport
    {
        let store = try SQLiteFeedbackStore(url: storeURL)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return try await RunJob(configuration: configuration, store: store, logger: logger, threadCount: 2).run(
            RunJob.Options(
                quarter: try #require(Quarter(quarter)),
                regions: regions,
                outputDirectory: outputDirectory,
                generatedAt: generatedAt
            ),
            workers: workers
        )
    }

    /// The JSON report of a situation.
    func report(_ quarter: String, _ region: String, _ situation: String) throws -> PainMapReport {
        let url = outputDirectory.appendingPathComponent("\(quarter)/\(region)/\(situation).json")
        return try JSONDecoder().decode(PainMapReport.self, from: Data(contentsOf: url))
    }

    /// Every regular file under a directory, relative path → URL.
    func files(under relative: String) -> [String: URL] {
        let base = outputDirectory.appendingPathComponent(relative)
        var result: [String: URL] = [:]
        let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                result[String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))] = url
            }
        }
        return result
    }
}
