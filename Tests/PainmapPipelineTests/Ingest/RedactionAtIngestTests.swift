import Foundation
import Logging
import PainmapCore
import PainmapPipeline
import PainmapSQLite
import PainmapTestSupport
import Testing

private let root = RepositoryRoot.url

private func temporaryStore() throws -> SQLiteFeedbackStore {
    let directory = TemporaryDirectory.url("redaction")
    return try SQLiteFeedbackStore(url: directory.appendingPathComponent("s.sqlite"))
}

private func ingest(_ paths: [String], into store: SQLiteFeedbackStore, keepOriginals: Bool = false) async throws
    -> IngestReport
{
    var configuration = try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
    configuration.privacy = PrivacyConfiguration(keepOriginals: keepOriginals)
    let resolutions = try FeedResolver(configuration: configuration).resolve(paths: paths, source: nil)
    return try await IngestJob(configuration: configuration, store: store, logger: Logger(label: "test")).run(
        resolutions
    )
}

/// Shapes of the personal data `PainmapSamples` plants in SampleFeeds, checked independently of the redactor.
private func plantedIdentifierShapes(in text: String) -> [String] {
    var found: [String] = []
    let patterns = [
        #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#,  // e-mail
        #"\d{3}-\d{3}-\d{3} \d{2}"#,  // СНИЛС
        #"(?i)(ович|евич|овна|евна|ильич|ильинична)\b"#,  // patronymics of planted full names
        #"[А-ЯЁ][а-яё]+ [А-ЯЁ]\.[А-ЯЁ]\."#,  // «Иванов И.И.»
        #"(?i)\bкв\.? ?\d"#,  // «кв. 12»
        #"(?i)квартира \d+(?!\d)(?! ?кв)"#,  // flats
        #"(?i)паспорт (серия )?\d"#,
    ]
    for pattern in patterns {
        if let range = text.range(of: pattern, options: .regularExpression) { found.append(String(text[range])) }
    }
    // Long digit runs once separators are removed: phones, ИНН, passports.
    var digits = 0
    for character in text {
        if character.isASCII, character.isNumber {
            digits += 1
            if digits >= 10 { found.append("digit run") }
        } else if !" -()".contains(character) {
            digits = 0
        }
    }
    return found
}

@Suite struct RedactionAtIngestTests {
    @Test func noPlantedIdentifierFromSampleFeedsSurvivesInStoredText() async throws {
        let store = try temporaryStore()
        _ = try await ingest([root.appendingPathComponent("SampleFeeds").path], into: store)
        let records = try await store.records(region: nil, quarter: nil)
        #expect(records.count > 1_000)
        var leaks: [String] = []
        for record in records {
            for field in [record.text, record.answerText ?? ""] where !plantedIdentifierShapes(in: field).isEmpty {
                leaks.append("\(plantedIdentifierShapes(in: field))")
            }
        }
        #expect(leaks.isEmpty, "\(leaks.count) leaks, e.g. \(leaks.prefix(3))")
        // The placeholders are there, and every kind the generator plants was recorded as an identifier.
        #expect(records.contains { $0.text.contains("[ФИО]") } && records.contains { $0.text.contains("[ТЕЛЕФОН]") })
        let identifiers = try await store.redactedIdentifiers(region: nil, quarter: nil)
        let types = Set(identifiers.map(\.type))
        for type in [PersonalDataType.phone, .email, .snils, .inn, .passport, .address, .fullName] {
            #expect(types.contains(type), "\(type)")
        }
        #expect(identifiers.allSatisfy { !$0.normalized.isEmpty })
        #expect(identifiers.filter { $0.type.isNumeric }.allSatisfy { $0.normalized.allSatisfy(\.isNumber) })
        // Nothing kept by default.
        #expect(try store.originalTexts().isEmpty)
    }

    @Test func reingestOfTheSameRowsAddsNoIdentifiers() async throws {
        let store = try temporaryStore()
        let path = root.appendingPathComponent("SampleFeeds/pos/pos_54_2026q2.csv").path
        _ = try await ingest([path], into: store)
        let before = try await store.redactedIdentifiers(region: nil, quarter: nil)
        #expect(!before.isEmpty)
        // A copy of the same file (a new digest) is read again: every row is a duplicate of its original identity.
        let copy = TemporaryDirectory.url("copy")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        let copied = copy.appendingPathComponent("pos_54_2026q2.csv")
        try FileManager.default.copyItem(atPath: path, toPath: copied.path)
        try Data("\n".utf8).append(to: copied)
        var configuration = try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
        configuration.privacy = .default
        let resolutions = try FeedResolver(configuration: configuration).resolve(paths: [copied.path], source: .pos)
        let report = try await IngestJob(configuration: configuration, store: store, logger: Logger(label: "test")).run(
            resolutions
        )
        let accounting = try #require(
            report.files.first.flatMap { if case .ingested(let a, _) = $0.outcome { a } else { nil } }
        )
        #expect(accounting.stored == 0 && accounting.duplicate == accounting.read)
        // Filtering by slice, updates and originals are store semantics: PainmapStoreContractTests/RedactionContractTests.
        #expect(try await store.redactedIdentifiers(region: nil, quarter: nil) == before)
    }

    @Test func keepOriginalsStoresThemApart() async throws {
        let store = try temporaryStore()
        _ = try await ingest(
            [root.appendingPathComponent("SampleFeeds/pos/pos_54_2026q2.csv").path],
            into: store,
            keepOriginals: true
        )
        let originals = try store.originalTexts()
        #expect(!originals.isEmpty)
        let stored = try await store.storedRecords(region: nil, quarter: nil)
        let byID = Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0.record) })
        for (id, original) in originals {
            let record = try #require(byID[id])
            #expect(record.text != original.text || record.answerText != original.answerText)
            #expect(plantedIdentifierShapes(in: record.text).isEmpty)
        }
        #expect(originals.values.contains { !plantedIdentifierShapes(in: $0.text).isEmpty })
    }
}

extension Data {
    fileprivate func append(to url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: self)
    }
}
