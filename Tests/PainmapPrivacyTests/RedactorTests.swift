import PainmapCore
import PainmapPrivacy
import Testing

/// Real-looking sentences, one per recognizer and spelling, with the text the redactor must produce.
@Suite struct RedactorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var expected: String
        var testDescription: String { input }
    }

    static let positives: [Case] = [
        // Phones
        Case(input: "Мой телефон +7 (913) 123-45-67, звоните.", expected: "Мой телефон [ТЕЛЕФОН], звоните."),
        Case(input: "тел. 8-923-555-12-34", expected: "тел. [ТЕЛЕФОН]"),
        Case(input: "Свяжитесь со мной 89131234567 после обеда", expected: "Свяжитесь со мной [ТЕЛЕФОН] после обеда"),
        Case(input: "Телефон 8 (3452) 12-34-56", expected: "Телефон [ТЕЛЕФОН]"),
        Case(input: "Для связи: +79834567890.", expected: "Для связи: [ТЕЛЕФОН]."),
        Case(input: "Перезвоните мне по телефону 23-45-67.", expected: "Перезвоните мне по телефону [ТЕЛЕФОН]."),
        Case(input: "номер 913-555-12-34, жду", expected: "номер [ТЕЛЕФОН], жду"),
        // E-mail
        Case(input: "Ответ прошу направить на Ivanova.M+gos@Mail.ru.", expected: "Ответ прошу направить на [EMAIL]."),
        Case(input: "почта иванов@почта.рф", expected: "почта [EMAIL]"),
        // СНИЛС, valid and with a wrong control number
        Case(input: "СНИЛС 112-233-445 95", expected: "СНИЛС [СНИЛС]"),
        Case(input: "Мой СНИЛС 112-233-445 96.", expected: "Мой СНИЛС [СНИЛС]."),
        Case(input: "Данные ребёнка: 010-242-368 77.", expected: "Данные ребёнка: [СНИЛС]."),
        // ИНН 12 and 10, ОГРН, ОГРНИП
        Case(input: "ИНН 123456789047", expected: "ИНН [ИНН]"),
        Case(input: "ИНН: 123456789037, проверьте", expected: "ИНН: [ИНН], проверьте"),
        Case(input: "ИНН организации 1234567894", expected: "ИНН организации [ИНН]"),
        Case(input: "ОГРН 1022200525819", expected: "ОГРН [ОГРН]"),
        Case(input: "ИП Соколов, ОГРНИП 385768585948949", expected: "ИП Соколов, ОГРНИП [ОГРН]"),
        // Passports
        Case(input: "Паспорт 45 06 123456, выдан ОУФМС", expected: "Паспорт [ПАСПОРТ], выдан ОУФМС"),
        Case(input: "паспорт серия 4506 номер 123456", expected: "паспорт серия [ПАСПОРТ]"),
        Case(input: "паспортные данные 4506№123456", expected: "паспортные данные [ПАСПОРТ]"),
        // Cards
        Case(input: "Перечислите на карту МИР 2200 0000 0000 0004.", expected: "Перечислите на карту МИР [КАРТА]."),
        Case(input: "Реквизиты 4111111111111111 (Сбербанк)", expected: "Реквизиты [КАРТА] (Сбербанк)"),
        Case(input: "номер карты 4111-1111-1111-1112", expected: "номер карты [КАРТА]"),
        // Plates
        Case(input: "Автомобиль А123ВС 54 стоит на газоне", expected: "Автомобиль [ГОСНОМЕР] стоит на газоне"),
        Case(input: "госномер a777xx154", expected: "госномер [ГОСНОМЕР]"),
        Case(input: "Машина K001MP77 RUS перекрыла выезд", expected: "Машина [ГОСНОМЕР] перекрыла выезд"),
        // Addresses
        Case(input: "Проживаю по адресу ул. Ленина, д. 5, кв. 12.", expected: "Проживаю по адресу [АДРЕС]."),
        Case(input: "Наш адрес Красный проспект 45-17", expected: "Наш адрес [АДРЕС]"),
        Case(input: "Адрес: г. Новосибирск, ул. 8 Марта, д. 3а, корп. 2, кв. 14", expected: "Адрес: г. Новосибирск, [АДРЕС]"),
        Case(input: "живу: д. Петровка, д. 7", expected: "живу: [АДРЕС]"),
        Case(input: "Адрес проживания: пр-т Мира 12, кв.4", expected: "Адрес проживания: [АДРЕС]"),
        // Names
        Case(input: "Меня зовут Иванова Мария Петровна.", expected: "Меня зовут [ФИО]."),
        Case(input: "С уважением, Петров И.И.", expected: "С уважением, [ФИО]"),
        Case(input: "Со слов И. И. Сидорова ситуация повторяется.", expected: "Со слов [ФИО] ситуация повторяется."),
        Case(input: "Прошу разобраться с действиями врача Кузнецовой Анны Сергеевны.", expected: "Прошу разобраться с действиями врача [ФИО]."),
        Case(input: "Обращается Ольга Николаевна по поводу пособия", expected: "Обращается [ФИО] по поводу пособия"),
        Case(input: "меня зовут иванов иван ильич", expected: "меня зовут [ФИО]"),
        Case(input: "врач Петрова отказала в приёме", expected: "врач [ФИО] отказала в приёме"),
        Case(input: "Я, Мария Шевченко, прошу помочь.", expected: "Я, [ФИО], прошу помочь."),
    ]

    static let decoys = [
        "Заявление № 12345678 зарегистрировано 12.03.2025.",
        "Согласно 59-ФЗ и 210-ФЗ срок ответа 30 дней.",
        "Выплата 15 000 руб. пришла не полностью, а в 2024 году было 12 500 руб.",
        "ОКТМО 50701000001, код ФРГУ 5400000010000012345.",
        "Звонила на горячую линию 8-800-100-70-10 и в 122.",
        "МФЦ на ул. Ленина, д. 5 работает до 18:00.",
        "Детский сад № 45 по ул. Гоголя, 12 закрыт на ремонт.",
        "Улица не чищена, на ул. Кирова перекопано всё.",
        "Почта России и Сбербанк не работают, школа имени Гагарина переполнена.",
        "Снова отказ. Слова расходятся с делом, голова кругом.",
        "В ГБУЗ НСО «ГКБ № 1» талонов нет, написала в @mfc54_bot.",
        "Обращение № 123456789012 не рассмотрено, заказ № 1234 5678 9012 3456 не доставлен.",
        "Автобус 36 ходит раз в час, с 8:00 до 20:00.",
        "Отделение СФР в Ленинском районе закрыто с 1 июня.",
    ]

    @Test(arguments: positives)
    func redactsPersonalData(_ example: Case) {
        #expect(Redactor().redact(example.input).text == example.expected)
    }

    @Test(arguments: decoys)
    func leavesLookAlikes(_ text: String) {
        let result = Redactor().redact(text)
        #expect(result.text == text, "\(result.spans.map(\.type))")
    }

    @Test func spansCarryTypesRangesAndNormalisedForms() throws {
        let text = "Меня зовут Иванова Мария Петровна, СНИЛС 112-233-445 95, почта M.Ivanova@Mail.RU, А123ВС 54"
        let spans = Redactor().find(in: text)
        #expect(spans.map(\.type) == [.fullName, .snils, .email, .vehiclePlate])
        #expect(spans.map(\.normalized) == ["иванова мария петровна", "11223344595", "m.ivanova@mail.ru", "А123ВС54"])
        let scalars = Array(text.unicodeScalars)
        let first = try #require(spans.first)
        var surface = String.UnicodeScalarView()
        surface.append(contentsOf: scalars[first.range])
        #expect(String(surface) == "Иванова Мария Петровна")
    }

    @Test func checksumDecidesTheTypeButNotWhetherToRedact() {
        // A bare 11-digit number that passes the СНИЛС check is a СНИЛС; one that does not, after «СНИЛС», is still redacted.
        #expect(Redactor().find(in: "данные 11223344595 в ПФР").map(\.type) == [.snils])
        #expect(Redactor().find(in: "СНИЛС 11223344500").map(\.type) == [.snils])
        // A labelled ИНН whose control digits are wrong is still an ИНН.
        #expect(Redactor().find(in: "ИНН 123456789037").map(\.type) == [.inn])
        // A Luhn-invalid number after «карта» is still a card.
        #expect(Redactor().find(in: "карта 4111 1111 1111 1112").map(\.type) == [.card])
    }

    /// `painmap samples --scale 5` wrote hotline texts such as «Со слов заявителя: Гражданин сообщает …», and the
    /// redactor took «Гражданин» after the cue «заявителя» for a surname (it ends in -ин) and stored it as a
    /// full_name identifier «гражданин». A context word is never a name; the name after it still is.
    @Test(arguments: [
        "Со слов заявителя: Гражданин сообщает, что очередь в сад не двигается.",
        "Со слов заявителя: Гражданка жалуется на отказ в пособии.",
        "Обращение по линии 122. Гражданин говорит, что выплату задерживают.",
        "Гражданин Заявитель сообщает о протечке.",
    ])
    func contextWordsAreNeverNames(_ text: String) {
        let result = Redactor().redact(text)
        #expect(result.spans.isEmpty, "\(result.spans.map(\.normalized))")
        #expect(result.text == text)
    }

    @Test func aNameAfterAContextWordIsStillRedacted() {
        let spans = Redactor().find(in: "Со слов заявителя: Гражданин Петров сообщает о протечке.")
        #expect(spans.map(\.type) == [.fullName])
        #expect(spans.map(\.normalized) == ["петров"])
    }

    @Test func redactionIsIdempotent() {
        for example in RedactorTests.positives {
            let once = Redactor().redact(example.input).text
            #expect(Redactor().redact(once).text == once, "\(example.input)")
        }
    }

    @Test func emptyAndPlainTextsComeBackUnchanged() {
        #expect(Redactor().redact("").text == "")
        #expect(Redactor().redact("очередь в садик не двигается").spans.isEmpty)
    }
}
