import Foundation
import GRDB
import Logging
import PainmapCore
import PainmapPipeline
import PainmapSQLite
import PainmapTestSupport
import Testing

/// A store written by the release before the one-way ingest (commit 3523716) opens with this release, migrates
/// (`v6_slice_index` and `v7_classification_learned` included) and gives the same data and the same reports.
///
/// `Tests/Fixtures/old-release-store/` holds what that release made (see its README.md for the commands): the store as
/// a SQL text dump after `painmap samples` + `ingest` + `classify`, its `status --json` and `quarantine --json`, and
/// the SHA-256 of every file its `run --no-ingest` wrote from that store.
@Suite struct OldReleaseStoreTests {
    private static let fixtures = RepositoryRoot.url.appendingPathComponent("Tests/Fixtures/old-release-store")
    /// `SOURCE_DATE_EPOCH` of the fixture's reports.
    private static let generatedAt = Date(timeIntervalSince1970: 1_767_225_600)

    /// Loads the dump into a fresh SQLite file and opens it with this release's store.
    private static func openOldStore(in directory: URL) throws -> SQLiteFeedbackStore {
        let url = directory.appendingPathComponent("old.sqlite")
        let dump = try String(contentsOf: fixtures.appendingPathComponent("store.sql"), encoding: .utf8)
        let queue = try DatabaseQueue(path: url.path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: dump) }
        try queue.close()
        return try SQLiteFeedbackStore(url: url)
    }

    private static func text(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func theOldStoreMigratesAndGivesTheSameDataAndReports() async throws {
        let temporary = try TemporaryDirectory("old-store")
        let directory = temporary.url
        let store = try Self.openOldStore(in: directory)

        // Migrated: v6 and v7 (review decisions) recorded, the slice index as described.
        let (migrations, index) = try await DatabaseQueue(path: store.url.path).read { db in
            (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
                try String.fetchAll(
                    db,
                    sql: "SELECT name FROM pragma_index_info('feedback_record_slice') ORDER BY seqno"
                )
            )
        }
        #expect(
            migrations == [
                // Sorted as text: v11 comes before v1_.
                "v11_classification_model", "v1_feedback", "v2_classification", "v3_redaction", "v4_pains",
                "v6_slice_index", "v7_classification_learned", "v8_review_decisions", "v9_workspace_users",
            ]
        )
        #expect(index == FeedbackRecordColumns.sliceIndex)

        // The same data: what the old release printed for status and quarantine.
        let status = try await store.status()
        #expect(StatusRendering.json(status) == (try Self.text("status.json")))
        #expect(
            StatusRendering.json(try await store.quarantinedRows(reason: nil)) + "\n"
                == (try Self.text("quarantine.json"))
        )
        let configuration = try ConfigurationLoader().load(
            directory: RepositoryRoot.url.appendingPathComponent("Config")
        )
        let classified = try await store.classifiedRecords(region: nil, quarter: nil)
        #expect(classified.count == status.records.map(\.count).reduce(0, +))
        #expect(
            try await store.unclassifiedRecords(configDigest: classified[0].configDigest, region: nil, quarter: nil)
                .isEmpty
        )

        // The same reports: the old release's run of this store, file by file.
        let out = directory.appendingPathComponent("reports")
        _ = try await RunJob(configuration: configuration, store: store, logger: Logger(label: "test"), threadCount: 2)
            .run(
                RunJob.Options(
                    quarter: try #require(Quarter("2026Q3")),
                    regions: [],
                    outputDirectory: out,
                    ingest: false,
                    generatedAt: Self.generatedAt
                ),
                workers: 1
            )
        var hashes: [String] = []
        let walker = FileManager.default.enumerator(at: out, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            var hash = SHA256()
            let data = try Data(contentsOf: url)
            data.withUnsafeBytes { hash.update($0) }
            let relative = String(url.standardizedFileURL.path.dropFirst(out.standardizedFileURL.path.count + 1))
            hashes.append("\(SHA256.hexString(hash.finalize()))  ./\(relative)")
        }
        let expected = try Self.text("reports.sha256").split(separator: "\n").map(String.init)
        let differing = Set(hashes).symmetricDifference(expected).sorted { $0.dropFirst(66) < $1.dropFirst(66) }
        #expect(!expected.isEmpty && hashes.count == expected.count)
        #expect(differing.isEmpty, "report files unlike the old release's: \(differing)")
    }
}
