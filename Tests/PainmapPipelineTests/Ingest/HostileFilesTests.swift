import Foundation
import Logging
import PainmapCore
import PainmapPipeline
import PainmapSQLite
import PainmapSamples
import PainmapTestSupport
import Testing

private let root = RepositoryRoot.url

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
        .init(
            file: "pos_bad_rows.csv",
            source: .pos,
            rejected: nil,
            rows: [.badDate, .unknownRegion, .missingRequired],
            stored: 2
        ),
        .init(file: "mkgu_dtd.xml", source: .portal, rejected: .dtdForbidden, rows: [], stored: 0),
        .init(file: "mkgu_invalid_utf8.xml", source: .portal, rejected: .notUTF8, rows: [], stored: 0),
        .init(file: "mkgu_truncated.xml", source: .portal, rejected: .malformedXML, rows: [], stored: 0),
        .init(
            file: "mkgu_unknown_value.xml",
            source: .portal,
            rejected: nil,
            rows: [.unknownRateValue, .unknownRateValue],
            stored: 1
        ),
        .init(file: "pos_deep.json", source: .pos, rejected: nil, rows: [.tooDeep], stored: 0),
        .init(file: "pos_duplicate_keys.json", source: .pos, rejected: nil, rows: [.duplicateKey], stored: 2),
        .init(file: "site_not_a_zip.xlsx", source: .site, rejected: .notZip, rows: [], stored: 0),
        // Encodings, NUL bytes, truncation, quote bombs, numbers and dates (HostileFiles+Tabular.swift).
        .init(file: "pos_utf16le_bom.csv", source: .pos, rejected: .badEncoding, rows: [], stored: 0),
        .init(file: "pos_utf16be_bom.csv", source: .pos, rejected: .badEncoding, rows: [], stored: 0),
        .init(file: "pos_utf16le_nobom.csv", source: .pos, rejected: .badEncoding, rows: [], stored: 0),
        .init(file: "pos_cp1251_with_utf8_bom.csv", source: .pos, rejected: .badEncoding, rows: [], stored: 0),
        .init(file: "pos_mixed_encoding_rows.csv", source: .pos, rejected: nil, rows: [.badEncoding], stored: 2),
        .init(file: "pos_cp1251_then_utf8.csv", source: .pos, rejected: nil, rows: [.badEncoding], stored: 2),
        .init(file: "pos_nul_bytes.csv", source: .pos, rejected: nil, rows: [.badEncoding], stored: 2),
        .init(file: "pos_header_only.csv", source: .pos, rejected: .emptyFile, rows: [], stored: 0),
        .init(file: "pos_blank_lines.csv", source: .pos, rejected: .emptyFile, rows: [], stored: 0),
        .init(file: "pos_bom_only.csv", source: .pos, rejected: .emptyFile, rows: [], stored: 0),
        .init(file: "pos_truncated_mid_utf8.csv", source: .pos, rejected: nil, rows: [.badEncoding], stored: 1),
        .init(file: "pos_truncated_mid_row.csv", source: .pos, rejected: nil, rows: [.wrongFieldCount], stored: 1),
        .init(file: "pos_truncated_header.csv", source: .pos, rejected: .missingColumns, rows: [], stored: 0),
        .init(file: "pos_quote_bomb.csv", source: .pos, rejected: nil, rows: [.unterminatedQuote], stored: 1),
        .init(
            file: "pos_numbers_as_text.csv",
            source: .pos,
            rejected: nil,
            rows: [.unknownRegion, .badDate],
            stored: 1
        ),
        .init(
            file: "pos_dates.csv",
            source: .pos,
            rejected: nil,
            rows: [.dateOutOfRange, .dateOutOfRange, .badDate, .badDate],
            stored: 1
        ),
        .init(file: "pos_extra_fields.csv", source: .pos, rejected: nil, rows: [.wrongFieldCount], stored: 1),
        // JSON (HostileFiles+JSON.swift).
        .init(file: "pos_truncated.json", source: .pos, rejected: nil, rows: [.malformedJSON], stored: 1),
        .init(file: "pos_not_json.json", source: .pos, rejected: .malformedJSON, rows: [], stored: 0),
        .init(file: "pos_empty.json", source: .pos, rejected: .emptyFile, rows: [], stored: 0),
        .init(file: "pos_empty_array.json", source: .pos, rejected: .emptyFile, rows: [], stored: 0),
        .init(
            file: "pos_scalars.json",
            source: .pos,
            rejected: nil,
            rows: Array(repeating: .notAnObject, count: 4),
            stored: 0
        ),
        .init(
            file: "pos_numbers_as_text.json",
            source: .pos,
            rejected: nil,
            rows: [.badDate, .unknownRegion],
            stored: 1
        ),
        .init(file: "pos_nul_bytes.json", source: .pos, rejected: nil, rows: [.malformedJSON], stored: 2),
        .init(file: "pos_invalid_utf8.json", source: .pos, rejected: nil, rows: [.malformedJSON], stored: 2),
        .init(file: "pos_utf16.json", source: .pos, rejected: .malformedJSON, rows: [], stored: 0),
        // XML (HostileFiles+XML.swift).
        .init(file: "mkgu_billion_laughs.xml", source: .portal, rejected: .dtdForbidden, rows: [], stored: 0),
        .init(file: "mkgu_parameter_entity.xml", source: .portal, rejected: .dtdForbidden, rows: [], stored: 0),
        .init(file: "mkgu_invalid_utf8_attr.xml", source: .portal, rejected: .notUTF8, rows: [], stored: 0),
        .init(file: "mkgu_invalid_name_bare.xml", source: .portal, rejected: .notUTF8, rows: [], stored: 0),
        .init(file: "mkgu_invalid_attr_bare.xml", source: .portal, rejected: .notUTF8, rows: [], stored: 0),
        .init(file: "mkgu_empty.xml", source: .portal, rejected: .emptyFile, rows: [], stored: 0),
        .init(file: "mkgu_not_xml.xml", source: .portal, rejected: .malformedXML, rows: [], stored: 0),
        .init(file: "mkgu_mismatched_tags.xml", source: .portal, rejected: .malformedXML, rows: [], stored: 0),
        .init(file: "mkgu_garbage_after_root.xml", source: .portal, rejected: .malformedXML, rows: [], stored: 0),
        .init(file: "mkgu_utf16.xml", source: .portal, rejected: .notUTF8, rows: [], stored: 0),
        .init(file: "mkgu_cp1251_declared_utf8.xml", source: .portal, rejected: .notUTF8, rows: [], stored: 0),
        .init(file: "mkgu_truncated_mid_utf8.xml", source: .portal, rejected: .notUTF8, rows: [], stored: 0),
        .init(file: "mkgu_deep.xml", source: .portal, rejected: .tooDeep, rows: [], stored: 0),
        .init(file: "mkgu_nul_byte.xml", source: .portal, rejected: .malformedXML, rows: [], stored: 0),
        .init(file: "mkgu_undeclared_entity.xml", source: .portal, rejected: .malformedXML, rows: [], stored: 0),
        .init(
            file: "mkgu_dates.xml",
            source: .portal,
            rejected: nil,
            rows: [.dateOutOfRange, .dateOutOfRange, .badDate],
            stored: 1
        ),
        // XLSX (HostileFiles+XLSX.swift).
        .init(file: "site_truncated.xlsx", source: .site, rejected: .notZip, rows: [], stored: 0),
        .init(file: "site_empty.xlsx", source: .site, rejected: .notZip, rows: [], stored: 0),
        .init(file: "site_path_traversal.xlsx", source: .site, rejected: .notZip, rows: [], stored: 0),
        .init(file: "site_absolute_path.xlsx", source: .site, rejected: .notZip, rows: [], stored: 0),
        .init(file: "site_relationship_escape.xlsx", source: .site, rejected: .notZip, rows: [], stored: 0),
        .init(file: "site_lying_size.xlsx", source: .site, rejected: .zipBomb, rows: [], stored: 0),
        .init(file: "site_not_a_workbook.xlsx", source: .site, rejected: .notZip, rows: [], stored: 0),
        .init(
            file: "site_dates.xlsx",
            source: .site,
            rejected: nil,
            rows: [.dateOutOfRange, .badDate, .dateOutOfRange],
            stored: 1
        ),
    ]

    /// The files too large to commit (`LargeHostileFiles`), written into a temporary directory by the tests.
    static let large: [Expectation] = [
        .init(file: "pos_10mb_field.csv", source: .pos, rejected: nil, rows: [.fieldTooLong], stored: 2),
        .init(file: "pos_1m_columns.csv", source: .pos, rejected: .wrongFieldCount, rows: [], stored: 0),
        .init(file: "pos_quote_bomb_20mb.csv", source: .pos, rejected: nil, rows: [.unterminatedQuote], stored: 1),
        .init(file: "pos_deep_100k.json", source: .pos, rejected: nil, rows: [.tooDeep], stored: 1),
        .init(file: "pos_10mb_string.json", source: .pos, rejected: nil, rows: [.fieldTooLong], stored: 1),
        .init(file: "site_huge_shared_strings.xlsx", source: .site, rejected: .zipBomb, rows: [], stored: 0),
    ]

    @Test func everyHostileFileIsCovered() throws {
        let names = try FileManager.default.contentsOfDirectory(
            atPath: root.appendingPathComponent("SampleFeeds/hostile").path
        )
        .filter { $0 != "README.md" }
        #expect(Set(names) == Set(Self.expectations.map(\.file)))
        #expect(Set(LargeHostileFiles.names) == Set(Self.large.map(\.file)))
        #expect(names.count + LargeHostileFiles.names.count >= 50)
    }

    @Test(arguments: expectations)
    func endsRejectedOrQuarantinedWithAReason(_ expected: Expectation) async throws {
        let configuration = try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
        let store = try SQLiteFeedbackStore(
            url: TemporaryDirectory.url("hostile").appendingPathComponent("s.sqlite")
        )
        let path = root.appendingPathComponent("SampleFeeds/hostile/\(expected.file)").path
        let resolutions = try FeedResolver(configuration: configuration).resolve(paths: [path], source: expected.source)
        let report = try await IngestJob(configuration: configuration, store: store, logger: Logger(label: "test")).run(
            resolutions
        )
        let file = try #require(report.files.first)
        switch file.outcome {
        case .rejected(let error):
            #expect(error.code.ingestReason == expected.rejected)
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
