import Foundation
import Logging
import PainmapCore
import PainmapPipeline
import PainmapSQLite
import Synchronization
import Testing

/// Retention (issue 15): purging every recorded identifier and kept original leaves the reports byte for byte.
@Suite struct RetentionTests {
    @Test func reportsAreUnchangedAfterAPurge() async throws {
        let fixture = try await RunFixture.make(label: "retention")
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let before = fixture.files(under: "2026Q3").mapValues { try? Data(contentsOf: $0) }
        #expect(before.count > 10)
        let store = try SQLiteFeedbackStore(url: fixture.storeURL)
        #expect(try await !store.redactedIdentifiers(region: nil, quarter: nil).isEmpty)
        let logs = LogCollector()
        let purge = try await RetentionJob(store: store, logger: logs.logger()).purge(
            before: Date(timeIntervalSince1970: 4_000_000_000)
        )
        #expect(purge.identifiers > 0)
        #expect(try await store.redactedIdentifiers(region: nil, quarter: nil).isEmpty)
        // The log names tables and counts, never a value.
        let line = try #require(logs.lines.withLock { $0 }.first { $0.contains("Personal data purged") })
        #expect(line.contains("purge.redacted_identifier=\(purge.identifiers)"))
        _ = try await fixture.run(quarter: "2026Q3")
        let after = fixture.files(under: "2026Q3").mapValues { try? Data(contentsOf: $0) }
        #expect(after.keys.sorted() == before.keys.sorted())
        let changed = before.keys.filter { before[$0] != after[$0] }.sorted()
        #expect(changed.isEmpty, "\(changed.prefix(5))")
    }

    @Test func theQuarterlyRunAppliesTheRetentionPeriod() async throws {
        // Sample records of 2026 are older than one day on 2030-01-01: the run purges their identifiers.
        let fixture = try await RunFixture.make(label: "retention-run")
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        let store = try SQLiteFeedbackStore(url: fixture.storeURL)
        #expect(try await !store.redactedIdentifiers(region: nil, quarter: nil).isEmpty)
        var configuration = fixture.configuration
        configuration.privacy.retentionDays = 1
        let report = try await RunJob(
            configuration: configuration,
            store: store,
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
            threadCount: 2
        ).run(
            RunJob.Options(
                quarter: try #require(Quarter("2026Q3")),
                outputDirectory: fixture.outputDirectory,
                ingest: false,
                generatedAt: Date(timeIntervalSince1970: 1_893_456_000)
            )
        )
        #expect((report.purge?.identifiers ?? 0) > 0)
        #expect(try await store.redactedIdentifiers(region: nil, quarter: nil).isEmpty)
    }
}
