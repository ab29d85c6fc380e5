import Foundation
import Logging
import PainmapCore
import PainmapPipeline
import PainmapReview
import PainmapSQLite
import Testing

/// The package root (SampleFeeds and Config live there).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A SQLite store made by `painmap run` over SampleFeeds (2026Q2, optionally 2026Q3) and a review service on it.
struct ReviewFixture: Sendable {
    let directory: URL
    let store: SQLiteFeedbackStore
    let configuration: PainmapConfiguration
    let service: ReviewService

    static let generatedAt = Date(timeIntervalSince1970: 1_791_000_000)

    /// Runs the quarters into a fresh temporary directory.
    static func make(quarters: [String] = ["2026Q2"]) async throws -> ReviewFixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "painmap-review-\(UUID().uuidString)"
        )
        let configuration = try ConfigurationLoader().load(directory: packageRoot.appendingPathComponent("Config"))
        let store = try SQLiteFeedbackStore(url: directory.appendingPathComponent("store.sqlite"))
        let fixture = ReviewFixture(
            directory: directory,
            store: store,
            configuration: configuration,
            service: ReviewService(
                store: store,
                catalog: configuration.lifeSituations,
                bodies: configuration.responsibleBodies,
                now: { Date(timeIntervalSince1970: 1_791_100_000) }
            )
        )
        for quarter in quarters { _ = try await fixture.run(quarter: quarter) }
        return fixture
    }

    /// Runs one quarter (all regions, or the ones named) into `out/`.
    func run(quarter: String, regions: [String] = []) async throws -> RunReport {
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return try await RunJob(configuration: configuration, store: store, logger: logger, threadCount: 2).run(
            RunJob.Options(
                quarter: try #require(Quarter(quarter)),
                regions: regions,
                outputDirectory: directory.appendingPathComponent("out"),
                generatedAt: Self.generatedAt
            ),
            workers: 1
        )
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
