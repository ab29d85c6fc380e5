import Foundation
import PainmapCore
import Testing

/// A file of redacted rows: each record goes in under its original key and fingerprint, as the ingest job hands it
/// over.
private func feedRedacted(_ rows: [RedactedRecord]) -> IngestRows {
    IngestRows.preloaded(rows.enumerated().map { index, row in .record(row, line: index + 2) })
}

/// `original` with its text redacted to `redactedText`, keeping the original's identity.
private func redacted(
    _ original: FeedbackRecord,
    to redactedText: String,
    identifiers: [FoundIdentifier],
    keepOriginals: Bool = false
) -> RedactedRecord {
    var record = original
    record.text = redactedText
    return RedactedRecord(
        record: record,
        naturalKey: original.naturalKey,
        fingerprint: original.contentFingerprint,
        identifiers: identifiers,
        originals: keepOriginals ? OriginalTexts(text: original.text, answerText: original.answerText) : nil
    )
}

/// What a store keeps of redaction at ingest (identifiers for the report gate, originals only on request), the same
/// on every backend.
@Suite struct RedactionContractTests {
    @Test(arguments: StoreBackend.runnable)
    func identifiersRoundTripInTextOrderAndAreFilteredBySlice(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let phone = FoundIdentifier(type: .phone, normalized: "79131234567")
            let name = FoundIdentifier(type: .fullName, normalized: "иванов иван иванович")
            let email = FoundIdentifier(type: .email, normalized: "ivanov@example.ru")
            let first = try record("1", text: "звонил 8-913-123-45-67, Иванов Иван Иванович")
            let second = try record("2", region: "41", text: "пишите ivanov@example.ru")
            let third = try record("3", quarter: "2026Q3", text: "без данных")
            _ = try await store.ingest(
                identity("a"),
                rows: feedRedacted([
                    redacted(first, to: "звонил [ТЕЛЕФОН], [ФИО]", identifiers: [phone, name]),
                    redacted(second, to: "пишите [EMAIL]", identifiers: [email]),
                    redacted(third, to: "без данных", identifiers: []),
                ])
            )
            let stored = try await store.storedRecords(region: nil, quarter: nil)
            let ids = Dictionary(uniqueKeysWithValues: stored.map { ($0.record.sourceRecordID ?? "", $0.id) })
            let id1 = try #require(ids["1"])
            let id2 = try #require(ids["2"])
            let all = try await store.redactedIdentifiers(region: nil, quarter: nil)
            #expect(all.map(\.recordID) == [id1, id1, id2])
            #expect(all.map(\.type) == [.phone, .fullName, .email])
            #expect(all.map(\.normalized) == ["79131234567", "иванов иван иванович", "ivanov@example.ru"])
            #expect(all[0].region == "54" && all[0].quarter == Quarter(year: 2026, number: 2))
            #expect(
                try await store.redactedIdentifiers(region: "41", quarter: nil).map(\.normalized) == [
                    "ivanov@example.ru"
                ]
            )
            #expect(
                try await store.redactedIdentifiers(region: "54", quarter: Quarter(year: 2026, number: 2)).count == 2
            )
            #expect(try await store.redactedIdentifiers(region: "54", quarter: Quarter(year: 2026, number: 3)).isEmpty)
            // The redacted text is what is stored; the key and fingerprint are the original's.
            let firstStored = try #require(stored.first { $0.id == id1 })
            #expect(firstStored.record.text == "звонил [ТЕЛЕФОН], [ФИО]")
            #expect(firstStored.fingerprint == first.contentFingerprint)
            #expect(try await backend.originals(store).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.runnable)
    func aDuplicateKeepsAndAnUpdateReplacesTheIdentifiers(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let phone = FoundIdentifier(type: .phone, normalized: "79131234567")
            let snils = FoundIdentifier(type: .snils, normalized: "11223344595")
            let original = try record("1", text: "звонил 8-913-123-45-67")
            _ = try await store.ingest(
                identity("a"),
                rows: feedRedacted([redacted(original, to: "звонил [ТЕЛЕФОН]", identifiers: [phone])])
            )
            let before = try await store.redactedIdentifiers(region: nil, quarter: nil)
            // The same original again in another file: a duplicate, identifiers unchanged (no second copy).
            let copy = try await store.ingest(
                identity("b"),
                rows: feedRedacted([redacted(original, to: "звонил [ТЕЛЕФОН]", identifiers: [phone])])
            )
            #expect(copy.accounting.duplicate == 1)
            #expect(try await store.redactedIdentifiers(region: nil, quarter: nil) == before)
            // A later export with other personal data: the record keeps its id, its identifiers are replaced.
            var changed = original
            changed.text = "СНИЛС 112-233-445 95"
            let update = try await store.ingest(
                identity("c"),
                rows: feedRedacted([redacted(changed, to: "СНИЛС [СНИЛС]", identifiers: [snils])])
            )
            #expect(update.accounting.updated == 1)
            let after = try await store.redactedIdentifiers(region: nil, quarter: nil)
            #expect(after.map(\.type) == [.snils] && after.map(\.recordID) == before.map(\.recordID))
            // Updated twice inside one file: the last version's identifiers are what stays.
            var third = original
            third.text = "звонил 8-913-123-45-67 и 8-913-123-45-67"
            _ = try await store.ingest(
                identity("d"),
                rows: feedRedacted([
                    redacted(original, to: "звонил [ТЕЛЕФОН]", identifiers: [phone]),
                    redacted(third, to: "звонил [ТЕЛЕФОН] и [ТЕЛЕФОН]", identifiers: [phone, snils]),
                ])
            )
            #expect(try await store.redactedIdentifiers(region: nil, quarter: nil).map(\.type) == [.phone, .snils])
        }
    }

    @Test(arguments: StoreBackend.runnable)
    func originalsAreKeptOnlyWhenGivenAndReplacedOnUpdate(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let phone = FoundIdentifier(type: .phone, normalized: "79131234567")
            var withAnswer = try record("1", text: "звонил 8-913-123-45-67")
            withAnswer.answerText = "ответили по тел. 8-913-123-45-67"
            let plain = try record("2", text: "Иванов И.И. ждёт ответа")
            let third = try record("3")
            _ = try await store.ingest(
                identity("a"),
                rows: feedRedacted([
                    redacted(withAnswer, to: "звонил [ТЕЛЕФОН]", identifiers: [phone], keepOriginals: true),
                    redacted(
                        plain,
                        to: "[ФИО] ждёт ответа",
                        identifiers: [FoundIdentifier(type: .fullName, normalized: "иванов и.и.")],
                        keepOriginals: true
                    ),
                    redacted(third, to: "очередь в детский сад не движется", identifiers: []),
                ])
            )
            let ids = Dictionary(
                uniqueKeysWithValues: try await store.storedRecords(region: nil, quarter: nil).map {
                    ($0.record.sourceRecordID ?? "", $0.id)
                }
            )
            let id1 = try #require(ids["1"])
            let id2 = try #require(ids["2"])
            var originals = try await backend.originals(store)
            #expect(originals.count == 2)
            #expect(originals[id1] == OriginalTexts(text: withAnswer.text, answerText: withAnswer.answerText))
            #expect(originals[id2] == OriginalTexts(text: plain.text, answerText: nil))
            // An update without keep_originals drops the earlier original with the earlier identifiers.
            var changed = withAnswer
            changed.text = "звонил ещё раз"
            _ = try await store.ingest(
                identity("b"),
                rows: feedRedacted([redacted(changed, to: "звонил ещё раз", identifiers: [])])
            )
            originals = try await backend.originals(store)
            #expect(originals.keys.sorted() == [id2])
            #expect(try await store.redactedIdentifiers(region: nil, quarter: nil).map(\.recordID) == [id2])
        }
    }
}
