import PainmapCore

/// What a word before a number says the number is.
enum NumberCue: Sendable {
    case phone, snils, inn, ogrn, passport, card
    /// An application, order, law, code or amount: the number is not personal data.
    case decoy

    /// The cue a lower-cased word carries, if any.
    static func of(_ word: WordKey) -> NumberCue? { table[word] }

    /// The cue a number listed after an identifier of `type` takes (`тел. 8-913-123-45-67 или 223344`), if any.
    static func of(_ type: PersonalDataType) -> NumberCue? {
        switch type {
        case .phone: .phone
        case .snils: .snils
        case .inn: .inn
        case .ogrn: .ogrn
        case .passport: .passport
        case .card: .card
        case .email, .vehiclePlate, .address, .fullName: nil
        }
    }

    /// Whether a word after a number makes it an amount, a year, a law or a count.
    static func isDecoySuffix(_ word: WordKey) -> Bool { decoySuffixes.contains(word) }

    private static let table: WordTable<NumberCue> = {
        var entries: [(String, NumberCue)] = []
        func add(_ cue: NumberCue, _ words: [String]) { for word in words { entries.append((word, cue)) } }
        add(
            .phone,
            [
                "тел", "телефон", "телефона", "телефону", "телефоном", "телефоне", "телефоны", "тлф", "моб",
                "мобильный",
                "мобильного", "сотовый", "сотового", "звоните", "звонить", "позвоните", "перезвоните", "перезвонить",
                "позвонить", "whatsapp", "ватсап", "вотсап", "вайбер", "viber", "telegram", "телеграм", "контактный",
                "контакт",
                "контакты", "phone", "tel",
            ]
        )
        add(
            .snils,
            ["снилс", "снилса", "снилсу", "снилсом", "снилсе", "страховой", "страхового", "пфр", "сфр", "снилс-"]
        )
        add(.inn, ["инн", "инна"])
        add(.ogrn, ["огрн", "огрнип", "огрнипа", "огрна", "ип"])
        add(
            .passport,
            [
                "паспорт", "паспорта", "паспорту", "паспортом", "паспорте", "паспортные", "паспортных", "серия",
                "серии",
                "серию", "выдан", "выдана",
            ]
        )
        add(
            .card,
            [
                "карта", "карты", "карту", "картой", "карте", "карточка", "карточки", "карточку", "visa", "mastercard",
                "maestro", "мир",
            ]
        )
        add(
            .decoy,
            [
                "заявление", "заявления", "заявлению", "заявлением", "заявлении", "обращение", "обращения", "обращению",
                "обращении", "заявка", "заявки", "заявку", "заявкой", "заявке", "заказ", "заказа", "дело", "дела",
                "делу",
                "протокол", "протокола", "приказ", "приказа", "решение", "решения", "постановление", "постановления",
                "договор", "договора", "договору", "октмо", "окато", "фргу", "кпп", "бик", "окпо", "оквэд", "код",
                "кода",
                "идентификатор", "id", "трек", "исх", "вх", "письмо", "письма", "талон", "талона", "очереди", "сумма",
                "сумму",
                "суммы", "квитанция", "квитанции", "чек", "чека", "лицевой", "лицевого", "счет", "счета", "услуга",
                "услуги",
                "регистрационный", "рег", "входящий", "входящего", "запрос", "запроса", "жалоба", "жалобы", "жалобу",
                "закон", "закона", "фз", "ст", "статья", "статьи", "пункт", "кабинет", "каб", "школа", "школы", "сад",
                "группа", "группы", "маршрут", "автобус", "квитанцию", "полис", "полиса",
            ]
        )
        return WordTable(entries)
    }()

    private static let decoySuffixes = WordSet([
        "руб", "рублей", "рубля", "рубль", "р", "тыс", "тысяч", "млн", "коп", "год", "года", "году", "г", "гг", "фз",
        "кг",
        "км", "м", "кв", "шт", "чел", "человек", "мин", "минут", "час", "часов", "дней", "дня", "лет",
    ])
}
