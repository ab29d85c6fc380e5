import Foundation
import PainmapCore
import PainmapIngest
import PainmapPrivacy
import PainmapTestSupport
import Testing

@testable import PainmapPipeline

/// The reading stage of ingest (`IngestJob.read`): adapter → redaction → `IngestRows`, seen from the store's side.
@Suite struct IngestReadStageTests {
    private static let root = RepositoryRoot.url

    private static func posFile() throws -> (FeedFile, any IngestAdapter) {
        let configuration = try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
        let feed = try #require(configuration.feed(named: "pos-csv"))
        let url = root.appendingPathComponent("SampleFeeds/pos/pos_54_2026q2.csv")  // 660 rows: three batches
        let adapter = AdapterRegistry(configuration: configuration, now: Date(timeIntervalSince1970: 1_790_000_000))
            .adapter(for: .pos)
        return (FeedFile(url: url, displayPath: "pos_54_2026q2.csv", feed: feed), adapter)
    }

    @Test func batchesArriveInFileOrderRedactedAndEndWithTheSummary() async throws {
        let (file, adapter) = try Self.posFile()
        let rows = IngestRows(capacity: 2)
        async let produced: Void = IngestJob.read(
            file,
            with: adapter,
            redactor: RecordRedactor(keepOriginals: false),
            threads: 3,
            into: rows
        )
        var lines: [Int] = []
        var batches = 0
        for try await batch in rows {
            batches += 1
            for outcome in batch {
                switch outcome {
                case .record(_, let line): lines.append(line)
                case .quarantined(let row): lines.append(row.line)
                }
            }
        }
        await produced
        #expect(batches == 3 && lines.count == 660)
        #expect(lines == lines.sorted())
        #expect(rows.summary?.encoding == "utf-8-bom")
    }

    @Test func aCancelledReaderEndsTheStreamInsteadOfLeavingTheStoreWaiting() async throws {
        let (file, adapter) = try Self.posFile()
        let rows = IngestRows(capacity: 1)
        let reader = Task {
            await IngestJob.read(
                file,
                with: adapter,
                redactor: RecordRedactor(keepOriginals: false),
                threads: 2,
                into: rows
            )
        }
        _ = try #require(try await rows.next())  // the reader is running
        reader.cancel()
        await reader.value  // returns: a send waiting for room wakes up on cancellation
        // What was sent before the cancellation is still there; then the stream ends with the cancellation, never
        // with the file's end.
        var pulled = 0
        await #expect(throws: CancellationError.self) {
            while try await rows.next() != nil { pulled += 1 }
        }
        #expect(pulled <= 1)
    }
}
