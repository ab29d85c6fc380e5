import Foundation
import PainmapCore
import PainmapPrivacy
import Testing

@Suite struct RecordRedactorTests {
    private func record(_ text: String, answer: String?) throws -> FeedbackRecord {
        var record = FeedbackRecord(
            source: .pos,
            feed: "pos-csv",
            receivedAt: Date(timeIntervalSince1970: 1_780_000_000),
            region: "54",
            regionRaw: "54",
            regionCodeSystem: .kladr,
            quarter: try #require(Quarter(year: 2026, number: 2)),
            text: text
        )
        record.answerText = answer
        return record
    }

    @Test func redactsTextAndAnswerAndKeepsTheOriginalIdentity() throws {
        let original = try record(
            "Меня зовут Иванова Мария Петровна, тел. 8-913-123-45-67",
            answer: "Уважаемая Иванова Мария Петровна! Ответ дан."
        )
        let redacted = RecordRedactor(keepOriginals: false).redact(original)
        #expect(redacted.record.text == "Меня зовут [ФИО], тел. [ТЕЛЕФОН]")
        #expect(redacted.record.answerText == "Уважаемая [ФИО]! Ответ дан.")
        #expect(redacted.naturalKey == original.naturalKey)
        #expect(redacted.fingerprint == original.contentFingerprint)
        // The name appears twice but is recorded once.
        #expect(
            redacted.identifiers == [
                FoundIdentifier(type: .fullName, normalized: "иванова мария петровна"),
                FoundIdentifier(type: .phone, normalized: "89131234567"),
            ]
        )
        #expect(redacted.originals == nil)
    }

    @Test func keepsOriginalsOnlyWhenAskedAndOnlyWhenSomethingChanged() throws {
        let withData = try record("тел. 8-913-123-45-67", answer: nil)
        #expect(
            RecordRedactor(keepOriginals: true).redact(withData).originals
                == OriginalTexts(text: "тел. 8-913-123-45-67", answerText: nil)
        )
        #expect(
            RecordRedactor(keepOriginals: true).redact(try record("очередь не двигается", answer: nil)).originals == nil
        )
    }
}
