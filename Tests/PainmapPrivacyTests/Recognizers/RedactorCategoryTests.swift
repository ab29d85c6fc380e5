import PainmapCore
import PainmapPrivacy
import Testing

/// One suite per category of miss fixed by rule (issue 15): realistic sentences, written for these tests, with the
/// text the redactor must produce, and the look-alikes of each category that must stay.
@Suite struct RedactorCategoryTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var expected: String
        var testDescription: String { input }
    }

    /// «оглы», «кызы», «уулу» close a name in any case, whether or not the dictionary knows its first name.
    static let turkicPatronymics: [Case] = [
        Case(
            input: "Опять нахамил сейфуллаев ниджат эльшад оглы, кассир",
            expected: "Опять нахамил [ФИО], кассир"
        ),
        Case(input: "Мастер Бакыт уулу Нурлан не пришёл", expected: "Мастер [ФИО] не пришёл"),
        Case(
            input: "Прошу разобраться, Тельман Ильхам-оглы Гасанли не платит",
            expected: "Прошу разобраться, [ФИО] не платит"
        ),
        Case(
            input: "обращается сеидова айтен эльман гызы по поводу пособия",
            expected: "обращается [ФИО] по поводу пособия"
        ),
    ]

    @Test(arguments: turkicPatronymics)
    func turkicPatronymicNames(_ example: Case) {
        #expect(Redactor().redact(example.input).text == example.expected)
    }

    /// A СНИЛС spelled 3-3-3 2 with its control number and a 12-digit ИНН with both control digits are personal even
    /// in a sentence about an application or an office; a number the application word itself labels stays.
    static let identifiersWithoutCue: [Case] = [
        Case(
            input: "Проверьте заявку по номеру 112-233-445 95, ответа нет",
            expected: "Проверьте заявку по номеру [СНИЛС], ответа нет"
        ),
        Case(
            input: "Справку из школы приложила, номер в налоговой 123456789047",
            expected: "Справку из школы приложила, номер в налоговой [ИНН]"
        ),
    ]

    @Test(arguments: identifiersWithoutCue)
    func identifiersWithoutCueWord(_ example: Case) {
        #expect(Redactor().redact(example.input).text == example.expected)
    }

    static let labelledApplicationNumbers = [
        "Заявление № 112-233-445 95 зарегистрировано.",
        "Лицевой счёт 123456789047 указан в квитанции.",
        "Номер заявки 123456789047, обращение от 3 мая.",
    ]

    @Test(arguments: labelledApplicationNumbers)
    func applicationNumbersStay(_ text: String) {
        #expect(Redactor().redact(text).text == text)
    }

    /// Addresses in lower case without a street type: a two-word name («советской армии»), a flat as a bare number
    /// after the house («12 45») once a town or an address word says it is an address.
    static let untypedAddresses: [Case] = [
        Case(input: "живу г томск вершинина 12 45, отопления нет", expected: "живу [АДРЕС], отопления нет"),
        Case(input: "адрес советской армии 14 кв 7 опять без воды", expected: "адрес [АДРЕС] опять без воды"),
        Case(input: "Проживаю: ул. Сибирская 40 118.", expected: "Проживаю: [АДРЕС]."),
    ]

    @Test(arguments: untypedAddresses)
    func untypedLowerCaseAddresses(_ example: Case) {
        #expect(Redactor().redact(example.input).text == example.expected)
    }

    /// A number after a house that counts something, or a public office's house, stays as it was.
    static let countsAfterHouses: [Case] = [
        Case(input: "На ул. Ленина 5 2 года не горят фонари.", expected: "На [АДРЕС] 2 года не горят фонари."),
        Case(
            input: "в красных тонах 5 раз перекрашивали забор",
            expected: "в красных тонах 5 раз перекрашивали забор"
        ),
        Case(input: "МФЦ на ул. Мира, 57 12 окон не моют", expected: "МФЦ на ул. Мира, 57 12 окон не моют"),
    ]

    @Test(arguments: countsAfterHouses)
    func countsAfterAHouseAreNoFlat(_ example: Case) {
        #expect(Redactor().redact(example.input).text == example.expected)
    }

    /// The phrases the zero-leak gate refused regions for at 2M and 250k records: none is personal data.
    ///
    /// The redactor took each for an address or a name in one record and recorded it; the gate then found the same
    /// phrase, correctly unredacted, in other records' quotes. None may be redacted or recorded.
    static let gateFalseRecordings = [
        // A street named after a person, its type misspelled: the name is the street's.
        "Фонари не горят на прспект Карла Маркса уже неделю.",
        "Подвал дома на прооспект Карла Маркса затоплен",
        // «с» without a dot before a month is the preposition, not «с.» (село); «сами по» is no street.
        "Лекарства не выдают с с сентября покупаем сами по 2 400 руб в месяц",
        // «кв. м» after a number is square metres, and «Квартира» names no street.
        "Выросла плата за содержание. Квартира 54 кв. м, прописаны двое.",
        // «проезд» is also a fare; four months is a duration, not a house.
        "КАРТУ ДЛЯ ЛЬГОТНОГО ПРОЕЗДА ШКОЛЬНИКА ДЕЛАЮТ УЖЕ 3 МЕСЯЦА, А ЕЗДИТЬ НАДО",
        // In capitals a capital proves nothing: «А В» after a noun ending like a surname are words, not initials, and
        // a shouted word before the next sentence's capital is no surname and first name.
        "ПЕНСИЮ НЕ ПЕРЕСЧИТЫВАЮТ УЖЕ ДВА МЕСЯЦЕВ А В ФОНДЕ МОЛЧАТ",
        "РЕМОНТ ПРИНИМАЛИ БЕЗ ЖИЛЬЦОВ Контактный телефон указан в заявке.",
    ]

    @Test(arguments: gateFalseRecordings)
    func ordinaryPhrasesAreNeitherRedactedNorRecorded(_ text: String) {
        #expect(Redactor().find(in: text).isEmpty, "\(Redactor().redact(text).text)")
    }

    /// The same shapes with personal data in them are still redacted.
    static let gateNeighbours: [Case] = [
        Case(input: "Проживаю: пр-т Карла Маркса, д. 5, кв. 3", expected: "Проживаю: [АДРЕС]"),
        Case(
            input: "на прспект Карла Маркса живёт Иванов Иван Иванович",
            expected: "на прспект Карла Маркса живёт [ФИО]"
        ),
        Case(input: "Адрес: с. Ивановка, ул. Мира, д. 4, кв. 2", expected: "Адрес: [АДРЕС]"),
        Case(input: "ПРОЖИВАЮ: УЛИЦА ЛЕНИНА, ДОМ 5, КВ 3", expected: "ПРОЖИВАЮ: [АДРЕС]"),
        Case(input: "ПИШЕТ СМИРНОВА О Н, ПРОШУ ПОМОЧЬ", expected: "ПИШЕТ [ФИО], ПРОШУ ПОМОЧЬ"),
        Case(input: "ОТВЕТИЛ ИВАНОВ А В, ЧТО МЕСТ НЕТ", expected: "ОТВЕТИЛ [ФИО], ЧТО МЕСТ НЕТ"),
        Case(
            input: "Квартира 54 кв. м по адресу ул. Мира, д. 4, кв. 12",
            expected: "Квартира 54 кв. м по адресу [АДРЕС]"
        ),
    ]

    /// A real miss found in the same stores (no gate refused for it: nobody else's text held the name): a signature
    /// after «на улице» with a cue or a sentence's end between them is a person, not the street's name.
    static let signaturesAfterAStreetWord: [Case] = [
        Case(
            input: "Дети после школы болтаются на улице Пишет Смирнова Е.А.",
            expected: "Дети после школы болтаются на улице Пишет [ФИО]"
        ),
        Case(
            input: "Дети после школы болтаются на улице Спасибо. Пишет Орлов К.С.",
            expected: "Дети после школы болтаются на улице Спасибо. Пишет [ФИО]"
        ),
        Case(input: "Яма на ул. Дуси Ковальчук не засыпана", expected: "Яма на ул. Дуси Ковальчук не засыпана"),
    ]

    @Test(arguments: signaturesAfterAStreetWord)
    func signatureAfterAStreetWordIsAPerson(_ example: Case) {
        #expect(Redactor().redact(example.input).text == example.expected)
    }

    @Test(arguments: gateNeighbours)
    func personalDataBesideThoseShapesIsStillRedacted(_ example: Case) {
        #expect(Redactor().redact(example.input).text == example.expected)
    }
}
