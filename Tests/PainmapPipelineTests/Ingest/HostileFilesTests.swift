import Foundation
import Logging
import PainmapCore
import PainmapPipeline
import PainmapSQLite
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Every file in SampleFeeds/hostile ends rejected or with reason-coded quarantine rows, and the
/// accounting identity holds for what was read.
@Suite struct HostileFilesTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        var file: String
        var source: SourceKind
        /// Reason of a whole-file rejection, or nil when the file is ingested with quarantined rows.
        var rejected: QuarantineReason?
        /// Quarantine reasons of the rows, in order.
        var rows: [QuarantineReason]
        var stored: Int
        var testDescription: String { file }
    }

    static let expectations: [Expectation] = [
        .init(file: "pos_wrong_encoding.csv", source: .pos, rejected: .badEncoding, rows: [], stored: 0),
        .init(file: "pos_truncated.csv", source: .pos, rejected: nil, rows: [.unterminatedQuote], stored: 2),
        .init(file: "pos_missing_columns.csv", source: .pos, rejected: .missingColumns, rows: [], stored: 0),
        .init(file: "pos_wrong_delimiter.csv", source: .pos, rejected: .missingColumns, rows: [], stored: 0),
        .init(file: "pos_invalid_utf8.csv", source: .pos, rejected: nil, rows: [.badEncoding], stored: 4),
        .init(file: "pos_oversized_field.csv", source: .pos, rejected: nil, rows: [.fieldTooLong], stored: 2),
        .init(file: "pos_empty.csv", source: .pos, rejected: .emptyFile, rows: [], stored: 0),
        .init(file: "pos_bad_rows.csv", source: .pos, rejected: nil, rows: [.badDate, .unknownRegion, .missingRequired], stored: 2),
        .init(file: "mkgu_dtd.xml", source: .portal, rejected: .dtdForbidden, rows: [], stored: 0),
        .init(file: "mkgu_invalid_utf8.xml", source: .portal, rejected: .notUTF8, rows: [], stored: 0),
        .init(file: "mkgu_truncated.xml", source: .portal, rejected: .malformedXML, rows: [], stored: 0),
        .init(file: "mkgu_unknown_value.xml", source: .portal, rejected: nil, rows: [.unknownRateValue, .unknownRateValue], stored: 1),
        .init(file: "pos_deep.json", source: .pos, rejected: nil, rows: [.tooDeep], stored: 0),
        .init(file: "pos_duplicate_keys.json", source: .pos, rejected: nil, rows: [.duplicateKey], stored: 2),
        .init(file: "site_not_a_zip.xlsx", source: .site, rejected: .notZip, rows: [], stored: 0),
    ]

    @Test func everyHostileFileIsCovered() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("SampleFeeds/hostile").path)
            .filter { $0 != "README.md" }
        #expect(Set(names) == Set(Self.expectations.map(\.file)))
    }

    @Test(arguments: expectations)
    func endsRejectedOrQuarantinedWithAReason(_ expected: Expectation) async throws {
        let configuration = try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
        let store = try SQLiteFeedbackStore(
            url: FileManager.default.temporaryDirectory.appendingPathComponent("painmap-hostile-\(UUID().uuidString)/s.sqlite"))
        let path = root.appendingPathComponent("SampleFeeds/hostile/\(expected.file)").path
        let resolutions = try FeedResolver(configuration: configuration).resolve(paths: [path], source: expected.source)
        let report = try await IngestJob(configuration: configuration, store: store, logger: Logger(label: "test")).run(resolutions)
        let file = try #require(report.files.first)
        switch file.outcome {
        case .rejected(let error):
            #expect(error.reason == expected.rejected)
            #expect(error.description.contains(expected.file))
        case .ingested(let accounting, _):
            #expect(expected.rejected == nil)
            #expect(accounting.isBalanced)
            #expect(accounting.stored == expected.stored)
            #expect(try await store.quarantinedRows(reason: nil).map(\.reason) == expected.rows)
        default:
            Issue.record("unexpected outcome \(file.outcome)")
        }
        #expect(try store.integrityCheck() == "ok")
    }
}
