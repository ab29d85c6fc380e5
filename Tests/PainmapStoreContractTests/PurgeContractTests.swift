import Foundation
import PainmapCore
import Testing

/// Retention (issue 15): a purge deletes the identifiers and kept originals of records received before the cutoff,
/// keeps the redacted records and every count, and reports what it removed by table — the same on every backend.
@Suite struct PurgeContractTests {
    @Test(arguments: StoreBackend.runnable)
    func purgeRemovesOnlyOldPersonalDataAndKeepsEveryCount(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let phone = FoundIdentifier(type: .phone, normalized: "79131234567")
            let name = FoundIdentifier(type: .fullName, normalized: "иванов иван")
            let old = try record("1", text: "звонил 8-913-123-45-67, Иванов Иван")  // received first
            let new = try record("600", text: "звонил 8-913-123-45-67")  // ten hours later
            func redacted(_ original: FeedbackRecord, _ text: String, _ identifiers: [FoundIdentifier])
                -> RedactedRecord
            {
                var record = original
                record.text = text
                return RedactedRecord(
                    record: record,
                    naturalKey: original.naturalKey,
                    fingerprint: original.contentFingerprint,
                    identifiers: identifiers,
                    originals: OriginalTexts(text: original.text, answerText: nil)
                )
            }
            _ = try await store.ingest(
                identity("a"),
                rows: IngestRows.preloaded([
                    .record(redacted(old, "звонил [ТЕЛЕФОН], [ФИО]", [phone, name]), line: 2),
                    .record(redacted(new, "звонил [ТЕЛЕФОН]", [phone]), line: 3),
                ])
            )
            let statusBefore = try await store.status()
            let recordsBefore = try await store.records(region: nil, quarter: nil)
            #expect(try await backend.originals(store).count == 2)

            let cutoff = old.receivedAt.addingTimeInterval(60)
            let report = try await store.purgePersonalData(receivedBefore: cutoff)
            #expect(report.identifiers == 2 && report.originals == 1)
            #expect(report.byTable.map(\.table) == ["redacted_identifier", "record_original"])
            let left = try await store.redactedIdentifiers(region: nil, quarter: nil)
            #expect(left.map(\.normalized) == ["79131234567"])
            #expect(try await backend.originals(store).count == 1)
            // Redacted records and every count stay.
            #expect(try await store.records(region: nil, quarter: nil) == recordsBefore)
            #expect(try await store.status() == statusBefore)
            // A second purge with the same cutoff finds nothing.
            let again = try await store.purgePersonalData(receivedBefore: cutoff)
            #expect(again.identifiers == 0 && again.originals == 0)
        }
    }
}
