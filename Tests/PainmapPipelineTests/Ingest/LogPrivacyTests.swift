import Foundation
import Logging
import PainmapCore
import PainmapPipeline
import PainmapSQLite
import PainmapTestSupport
import Synchronization
import Testing

@Suite struct LogPrivacyTests {
    @Test func ingestLogsCarryNoRecordText() async throws {
        let root = RepositoryRoot.url
        let collector = LogCapture()
        let logger = collector.logger
        let configuration = try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
        let store = try SQLiteFeedbackStore(
            url: TemporaryDirectory.url("logs").appendingPathComponent("s.sqlite")
        )
        let paths = [root.appendingPathComponent("SampleFeeds").path]
        var resolutions = try FeedResolver(configuration: configuration).resolve(paths: paths, source: nil)
        resolutions += try FeedResolver(configuration: configuration).resolve(
            paths: [root.appendingPathComponent("SampleFeeds/hostile/pos_bad_rows.csv").path],
            source: .pos
        )
        _ = try await IngestJob(configuration: configuration, store: store, logger: logger).run(resolutions)
        let lines = collector.lines
        #expect(!lines.isEmpty, "the job logs something, so the check below is meaningful")
        let records = try await store.records(region: nil, quarter: nil)
        // Every distinctive fragment a citizen wrote (texts, organisations, municipalities) stays out of the log.
        var fragments = Set<String>()
        for record in records {
            let fields: [String?] = [record.text, record.answerText, record.organization, record.categoryRaw]
            for case let field? in fields {
                let fragment = String(field.prefix(24))
                if fragment.count >= 12 { fragments.insert(fragment) }
            }
        }
        #expect(fragments.count > 100)
        let leaked = fragments.filter { fragment in lines.contains { $0.contains(fragment) } }
        #expect(leaked.isEmpty, "\(leaked.prefix(3))")
    }
}
