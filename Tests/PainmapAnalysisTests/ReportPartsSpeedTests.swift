import Foundation
import PainmapCore
import PainmapReports
import PainmapText
import Testing

@testable import PainmapAnalysis

/// The report parts made cheaper for the federal run (issue 17) answer as the code they replaced.
@Suite struct ReportPartsSpeedTests {
    /// Characters that stress `Character` comparison: the scalars themselves, with a combining mark after them,
    /// look-alikes, CR LF, Cyrillic and Latin letters, digits.
    static let characters: [Character] = [
        ",", ":", "—", "«", "»", "\"", "“", "”", "„", "-", "–", "'", "‘", "‚", "a", "я", "ё", "е\u{0308}", "1",
        " ", "\u{00A0}", "\r\n", "\n", "\u{FF02}", "\u{201F}", "\u{2E42}", ",\u{0301}", "«\u{0301}", "\"\u{0308}",
        "—\u{200D}", ":\u{FE0F}", "\u{301D}",
    ]

    @Test func singleScalarTestsAnswerAsStringContains() {
        for character in Self.characters {
            #expect(
                PainTitle.isSingle(character, in: PainTitle.clauseBreaks) == ",:—".contains(character),
                "\(character.unicodeScalars.map { String($0.value, radix: 16) })"
            )
            #expect(
                PainTitle.isSingle(character, in: PainTitle.quotationMarks) == "«»\"“”„".contains(character),
                "\(character.unicodeScalars.map { String($0.value, radix: 16) })"
            )
        }
    }

    /// `detailKinds` as first written: the reference for the scalar test of quotation marks.
    static func referenceDetailKinds(_ text: String) -> Int {
        var kinds = 0
        if text.contains(where: \.isNumber) { kinds += 1 }
        if text.contains("[") { kinds += 1 }
        if text.contains(where: { "«»\"“”„".contains($0) }) { kinds += 1 }
        let words = text.split(whereSeparator: { !$0.isLetter && $0 != "-" }).dropFirst()
        if words.contains(where: { word in
            guard let first = word.first, first.isUppercase, word.count > 1 else { return false }
            return word.dropFirst().contains(where: \.isLowercase)
        }) {
            kinds += 1
        }
        return kinds
    }

    /// `leadingClauses` as first written.
    static func referenceLeadingClauses(_ sentence: String) -> [String] {
        var result: [String] = []
        var index = sentence.startIndex
        while let cut = sentence[index...].firstIndex(where: { ",:—".contains($0) }) {
            let clause = sentence[..<cut].trimmingCharacters(in: .whitespaces)
            if clause.split(separator: " ").count >= 2 { result.append(clause) }
            index = sentence.index(after: cut)
        }
        result.append(sentence)
        return result
    }

    @Test func titleCandidatesAreCutAndScoredAsBefore() {
        var texts = [
            "Очередь в детский сад не движется, хотя мы стоим с 2023 года: в МФЦ ничего не объясняют — только ждать",
            "Жалуюсь на «Управляющую компанию», которая не отвечает Петрову",
            "Запись к врачу, \"электронная очередь\" — не работает: ошибка [АДРЕС]",
            "Пособие ,\u{0301} не пришло «\u{0301}вовремя»\u{0301} — уже месяц",
            "Без знаков препинания вовсе и без деталей",
            "",
        ]
        texts += Self.characters.map { "Текст \($0) с символом\($0) внутри, и запятой" }
        for text in texts {
            #expect(PainTitle.detailKinds(text) == Self.referenceDetailKinds(text), "\(text)")
            #expect(PainTitle.leadingClauses(text) == Self.referenceLeadingClauses(text), "\(text)")
        }
    }

    @Test func aTitleFromPrecomputedContentIsTheTitleFromTheText() {
        let title = PainTitle(analyzer: TextAnalyzer())
        let texts = [
            "Звонившая жалуется на отсутствие движения очереди в детский сад. Рекомендовано обратиться в МФЦ.",
            "Здравствуйте, очередь в детский сад не движется второй год, никто не отвечает",
            "Заявитель сообщает, что очередь в детский сад стоит. Дан ответ.",
        ]
        let terms = ["очеред", "сад", "движ"]
        let fromText = title.title(
            sources: texts.map { PainTitle.Source(text: $0, isOperatorNote: true) },
            keywordTerms: terms,
            fallback: "Очередь"
        )
        let fromContent = title.title(
            sources: texts.map {
                PainTitle.Source(text: $0, isOperatorNote: true, content: OperatorPhrasing().content(of: $0))
            },
            keywordTerms: terms,
            fallback: "Очередь"
        )
        #expect(fromContent == fromText)
        #expect(fromText == "Очередь в детский сад стоит")
    }

    /// `organizations` as first written: every record's name trimmed and counted.
    static func referenceOrganizations(_ records: [FeedbackRecord], limit: Int = 3) -> [NamedCount] {
        var counts: [String: Int] = [:]
        for record in records {
            guard let name = record.organization?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
                continue
            }
            counts[name, default: 0] += 1
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { NamedCount(name: $0.key, count: $0.value) }
    }

    @Test func organizationsCountTrimmedNamesAsBefore() throws {
        let quarter = try #require(Quarter("2026Q3"))
        let names: [String?] = [
            "МФЦ", " МФЦ", "МФЦ\n", nil, "", "  ", "Соцзащита", "Соцзащита", "УК «Дом»", "УК «Дом» ", "Школа № 5",
            "Школа № 5", "Школа № 5", "Е\u{0308}лка", "Ёлка", " Ёлка", "ЦЗН",
        ]
        let records = names.map { name in
            var record = FeedbackRecord(
                source: .pos,
                feed: "pos",
                receivedAt: Date(timeIntervalSince1970: 0),
                region: "54",
                regionRaw: "50",
                regionCodeSystem: .okato,
                quarter: quarter,
                text: ""
            )
            record.organization = name
            return record
        }
        for limit in [1, 3, 10] {
            let expected = Self.referenceOrganizations(records, limit: limit)
            let actual = PainMetrics.organizations(records, limit: limit)
            #expect(actual.map(\.name) == expected.map(\.name))
            #expect(actual.map(\.count) == expected.map(\.count))
            // Byte for byte: the key kept for names that compare equal is the same one.
            #expect(actual.map { Array($0.name.utf8) } == expected.map { Array($0.name.utf8) })
        }
        #expect(PainMetrics.organizations(records).map(\.count) == [3, 3, 3])
    }
}
