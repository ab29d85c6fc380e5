import PainmapCore
import PainmapPrivacy
import Testing

private func identifier(_ type: PersonalDataType, _ normalized: String, record: Int64 = 7) throws -> RedactedIdentifier
{
    RedactedIdentifier(
        recordID: RecordID(rawValue: record),
        region: "54",
        quarter: try #require(Quarter("2026Q3")),
        type: type,
        normalized: normalized
    )
}

/// The scanner behind the zero-leak report gate.
@Suite struct LeakScannerTests {
    @Test func aRecordedPhoneIsFoundInAnySpelling() throws {
        let scanner = LeakScanner(identifiers: [try identifier(.phone, "79135551234", record: 42)])
        for text in ["звоните 8 (913) 555-12-34", "тел.+7 913 555 12 34.", "9135551234", "<td>8-913-555-12-34</td>"] {
            let leaks = scanner.scan(text)
            #expect(leaks.map(\.type) == [.phone], "\(text)")
            #expect(leaks.first?.recordID == RecordID(rawValue: 42))
            #expect(leaks.first?.masked == "********34")
        }
    }

    @Test func aRecordedNameIsFoundWhateverTheCaseAndYo() throws {
        let scanner = LeakScanner(identifiers: [
            try identifier(.fullName, "семенов петр алексеевич", record: 3),
            try identifier(.fullName, "иван", record: 4),
            try identifier(.fullName, "гражданин", record: 5),
        ])
        let leaks = scanner.scan("Ответственный: СЕМЁНОВ Пётр Алексеевич, кабинет 5")
        #expect(leaks.map(\.recordID) == [RecordID(rawValue: 3)])
        #expect(leaks.first?.type == .fullName)
        #expect(scanner.scan("Семенов не ответил").isEmpty, "part of a recorded name is not the name")
        #expect(scanner.scan("Иван Купала").isEmpty, "identifiers shorter than six letters are not compared")
        #expect(scanner.scan("Гражданин сообщает о протечке").isEmpty, "one-word names are not compared")
    }

    /// The refusals of issue 6 at 1M records: record 207356 signed «Иванова Анна Геннадьевна» (redacted, recorded), and
    /// record 958513 ended «…болтаются на улице Иванова Анна Геннадьевна», which the redactor then read as a street.
    ///
    /// Its quote carried the name into the report; the gate must find the recorded three-word sequence there and name the
    /// record it was recorded from, while the street-like fragment alone or the name and patronymic alone are no leak.
    @Test func aMultiWordNameTheRedactorMissedIsCaughtInAQuote() throws {
        let scanner = LeakScanner(identifiers: [
            try identifier(.fullName, "иванова анна геннадьевна", record: 207356),
            try identifier(.fullName, "григорьева анна михайловна", record: 547623),
        ])
        let quote =
            "«Дети после уроков болтаются на улице Иванова Анна Геннадьевна Очень жду ответа.» — pos:400095851 · ПОС · 20.08.2026"
        let leaks = scanner.scan(quote)
        #expect(leaks.map(\.type) == [.fullName])
        #expect(leaks.map(\.recordID) == [RecordID(rawValue: 207356)])
        #expect(leaks.first?.masked.hasSuffix("на") == true && leaks.first?.masked.contains("иван") == false)
        // Across a line break and in upper case (the CSV and Markdown forms), still the same name.
        #expect(
            scanner.scan("болтаются на улице\nГРИГОРЬЕВА АННА\tМИХАЙЛОВНА").map(\.recordID) == [
                RecordID(rawValue: 547623)
            ]
        )
        for harmless in [
            "Дети после уроков болтаются на улице Иванова", "Анна Геннадьевна, заведующая, ответила",
            "ул. Иванова, Анна",
        ] {
            #expect(scanner.scan(harmless).isEmpty, "\(harmless)")
        }
    }

    @Test func structuredPersonalDataIsFoundEvenIfNobodyRecordedIt() throws {
        let scanner = LeakScanner(identifiers: [])
        let leaks = scanner.scan(
            "ООО «Ромашка», директор тел. +7 (913) 777-88-99, mail ivanov@mail.ru, СНИЛС 112-233-445 95"
        )
        #expect(Set(leaks.map(\.type)) == [.phone, .email, .snils])
        #expect(leaks.allSatisfy { $0.recordID == nil })
        #expect(leaks.allSatisfy { !$0.masked.contains("777") && !$0.masked.contains("ivanov") })
    }

    @Test func reportFiguresAndRecordReferencesAreNotPersonalData() throws {
        let scanner = LeakScanner(identifiers: [try identifier(.phone, "79135551234")])
        let report = """
            Обращений 1 343 (+88, +7,0 %) · население 2 762 000 · на 10 тыс. 4,9 · 2026-07-21 · III квартал 2026
            «Очередь не движется» — pos:318686095 · ПОС · 13.09.2026; portal:5400005420; site:ОГ-НСО-05142/26; #1234
            ИНН организации 5406012345, ОГРН 1025402478980, приоритет 20,86 = 3,09 × 3,00 × 1,50 × 1,50
            """
        #expect(scanner.scan(report).isEmpty)
    }
}
