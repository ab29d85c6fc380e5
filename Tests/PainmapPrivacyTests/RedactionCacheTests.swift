import Foundation
import PainmapCore
import PainmapPrivacy
import Testing

/// The ingest lanes' cache of redactions returns exactly what redacting again would.
@Suite struct RedactionCacheTests {
    @Test func cachedRedactionsEqualFreshOnesForRepeatedTexts() {
        let redactor = Redactor()
        let texts = [
            "Уважаемый заявитель! Ваше обращение рассмотрено.",
            "Меня зовут Иванова Мария Петровна, тел. 8 (913) 123-45-67",
            "Уважаемый заявитель! Ваше обращение рассмотрено.",
            "СНИЛС 112-233-445 95",
            "Меня зовут Иванова Мария Петровна, тел. 8 (913) 123-45-67",
        ]
        var cache = RedactionCache(capacity: 2)
        for text in texts + texts {
            #expect(cache.redaction(of: text, by: redactor) == redactor.redact(text))
        }
    }

    @Test func canonicallyEquivalentSpellingsKeepTheirOwnBytes() {
        // «й» precomposed and as «и» + combining breve: equal as Swift strings, different bytes.
        let composed = "Звонил Андрей Петрович"
        let decomposed = "Звонил Андре\u{0438}\u{0306} Петрович, ответа нет"
        let redactor = Redactor()
        var cache = RedactionCache()
        _ = cache.redaction(of: composed, by: redactor)
        let second = cache.redaction(of: decomposed, by: redactor)
        #expect(Array(second.text.utf8) == Array(redactor.redact(decomposed).text.utf8))
    }

    @Test func aRecordRedactsTheSameWithAndWithoutTheCache() throws {
        var record = FeedbackRecord(
            source: .pos,
            feed: "pos-csv",
            receivedAt: Date(timeIntervalSince1970: 1_780_000_000),
            region: "54",
            regionRaw: "54",
            regionCodeSystem: .kladr,
            quarter: try #require(Quarter(year: 2026, number: 2)),
            text: "Пишет Петров Иван Сергеевич, тел. 8-913-555-12-34"
        )
        record.answerText = "Уважаемый Иван Сергеевич! Ваше обращение рассмотрено."
        let redactor = RecordRedactor(keepOriginals: true)
        var cache = RedactionCache()
        let plain = redactor.redact(record)
        for result in [redactor.redact(record, cache: &cache), redactor.redact(record, cache: &cache)] {
            #expect(result.record == plain.record)
            #expect(result.identifiers == plain.identifiers)
            #expect(result.originals == plain.originals)
        }
        #expect(plain.record.text == "Пишет [ФИО], тел. [ТЕЛЕФОН]")
    }
}
