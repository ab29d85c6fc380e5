/// First names with their case forms, and the suffix rules for patronymics and surnames.
///
/// The first-name list is the common Russian names plus frequent names of other peoples of Russia; every entry
/// is expanded into its case forms once, so a lookup is one hash probe per word.
enum NameLexicon {
    /// Lower-cased first names (ё → е) in every case form.
    static let firstNames: WordSet = {
        var forms = Set<String>()
        for name in maleNames { forms.formUnion(maleForms(name)) }
        for name in femaleNames { forms.formUnion(femaleForms(name)) }
        forms.formUnion([
            "павла", "павлу", "павлом", "павле", "льва", "льву", "львом", "льве", "любови", "любовью", "петра", "петру",
            "петром", "петре",
        ])
        return WordSet(forms.subtracting(notNames))
    }()

    /// Whether a lower-cased word is a patronymic by its suffix; `strong` suffixes (-ович, -евна …) need no
    /// first name beside them.
    static func patronymic(_ word: WordKey) -> (isPatronymic: Bool, strong: Bool) {
        guard word.length >= 5, patronymicFinals[Int(word.last)] else { return (false, false) }
        if strongPatronymicSet.containsEnding(of: word, lengths: 4...7) { return (true, true) }
        if weakPatronymicSet.containsEnding(of: word, lengths: 2...5) { return (true, false) }
        return (false, false)
    }

    /// Whether a word that ``patronymic(_:)`` accepts is in the nominative: «-ович», «-евич», «-ич», «-овна»,
    /// «-евна», «-ична», «-инична».
    ///
    /// Street and honorific names are genitive («Ивана Петровича», «Анны Петровны»).
    static func isNominativePatronymic(_ word: WordKey) -> Bool {
        word.hasSuffix(nominativeMale) || word.hasSuffix(nominativeFemale)
    }
    private static let nominativeMale = WordKey("ич")
    private static let nominativeFemale = WordKey("на")

    /// Indexed by byte: «ч», «а», «у», «м», «е», «ы», «й», the last letters of every patronymic form.
    private static let patronymicFinals: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for letter in ["ч", "а", "у", "м", "е", "ы", "й"] { table[Int(WordKey(letter).last)] = true }
        return table
    }()
    private static let strongPatronymicSet = WordSet(endings: strongPatronymicEndings)
    private static let weakPatronymicSet = WordSet(endings: weakPatronymicEndings)
    private static let surnameSet = WordSet(endings: surnameEndings)
    private static let personalSurnameSet = WordSet(endings: [
        "ов", "ев", "ин", "ова", "ева", "ина", "овой", "евой", "иной", "ову", "еву", "ину",
    ])
    private static let verbEndings = WordSet(endings: [
        "ть", "ет", "ит", "ут", "ют", "ат", "ят", "ал", "ла", "ли", "ло", "ся", "сь", "ем", "им",
    ])
    private static let adjectiveEndings = WordSet(endings: ["ая", "ый", "ий", "ой"])

    /// Whether a lower-cased word has a Russian surname's suffix in some case form.
    static func isSurnameLike(_ word: WordKey) -> Bool {
        word.length >= 4 && surnameSet.containsEnding(of: word, lengths: 2...5)
    }

    /// Whether a lower-case word ends like a verb form («ответить», «пишет», «сказала»), so it is no surname.
    static func looksLikeVerb(_ word: WordKey) -> Bool {
        verbEndings.containsEnding(of: word, lengths: 2...2) || word.length < 4
    }

    /// Whether a word ends like an adjective, as surnames such as «Заречная», «Толстой» do.
    static func hasAdjectiveEnding(_ word: WordKey) -> Bool {
        word.length >= 5 && adjectiveEndings.containsEnding(of: word, lengths: 2...2)
    }

    /// Whether a word ends like a possessive surname (-ов, -ев, -ин and their case forms), not like an adjective.
    static func hasPersonalSurnameEnding(_ word: WordKey) -> Bool {
        word.length >= 5 && personalSurnameSet.containsEnding(of: word, lengths: 2...4)
    }

    /// Capitalised words that start sentences or name institutions, never a person.
    static let notPersons = WordSet([
        "я", "мы", "вы", "он", "она", "они", "меня", "мой", "моя", "мое", "мои", "наш", "наша", "в", "во", "на", "по",
        "с", "со",
        "к", "и", "а", "но", "или", "что", "как", "когда", "почему", "где", "это", "этот", "эта", "там", "тут", "здесь",
        "прошу", "просим", "просьба", "здравствуйте", "добрый", "доброго", "добрая", "уважаемые", "уважаемый",
        "уважаемая",
        "спасибо", "благодарю", "также", "еще", "уже", "очень", "сегодня", "вчера", "завтра", "после", "до", "при",
        "для",
        "нет", "да", "не", "ни", "все", "всё", "вся", "весь", "госуслуги", "госуслугах", "россия", "россии", "рф",
        "москва",
        "москвы", "новосибирск", "новосибирска", "камчатка", "камчатки", "край", "края", "области", "область", "город",
        "района", "район", "почта", "сбербанк", "сбер", "центр", "отделение", "администрация", "министерство",
        "управление",
        "детский", "сад", "школа", "поликлиника", "больница", "мфц", "пфр", "сфр", "фио", "итог", "ответ", "вопрос",
        "жалоба", "обращение", "заявление", "январь", "февраль", "март", "марта", "апрель", "апреля", "май", "мая",
        "июнь",
        "июня", "июль", "июля", "август", "августа", "сентябрь", "сентября", "октябрь", "октября", "ноябрь", "ноября",
        "декабрь", "декабря", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
        "снова", "слова", "голова", "основа", "основания", "корова", "причина", "машина", "корзина", "один", "одна",
        "каждый", "каждая", "нужно", "надо", "можно", "пишу", "пишет", "помогите", "ребенок", "ребенку", "сын", "дочь",
        "муж", "жена", "мама", "папа", "бабушка", "дедушка", "инвалид", "ветеран", "пенсионер", "многодетная", "мать",
        "сколько", "только", "столько", "других", "адрес",
    ])

    /// Words before a name that say a person follows, and whether any capitalised word after them is a name.
    static func cue(_ word: WordKey) -> (isCue: Bool, open: Bool) {
        if openCues.contains(word) { return (true, true) }
        if roleCues.contains(word) { return (true, false) }
        return (false, false)
    }

    /// «зовут X», «фио X», «уважением, X»: any capitalised word after them is a name.
    private static let openCues = WordSet(["зовут", "фио", "уважением", "подпись", "подписал", "подписала", "ф.и.о"])

    /// Roles: a name-like word after them is a name.
    private static let roleCues = WordSet([
        "гражданин", "гражданина", "гражданину", "гражданка", "гражданки", "гражданке", "заявитель", "заявителя",
        "заявителю", "заявительница", "заявительницы", "сотрудник", "сотрудника", "сотруднику", "сотрудница",
        "сотрудницы", "сотруднице", "врач", "врача", "врачу", "доктор", "доктора", "директор", "директора", "директору",
        "специалист", "специалиста", "специалисту", "инспектор", "инспектора", "оператор", "оператора", "педагог",
        "педагога", "воспитатель", "воспитателя", "воспитательница", "заведующая", "заведующей", "заведующий",
        "заведующего", "начальник", "начальника", "руководитель", "руководителя", "учитель", "учителя", "учительница",
        "медсестра", "медсестры", "терапевт", "терапевта", "педиатр", "педиатра", "юрист", "юриста", "менеджер",
        "менеджера", "пишет", "написал", "написала", "обратился", "обратилась", "слов", "зам", "заместитель",
        "заместителя", "глава", "главы", "мастер", "участковый", "участкового", "дочь", "сын", "сына", "дочери", "мать",
        "отец", "муж", "жена", "мужа", "жены", "ребенок", "ребенка", "внук", "внучка", "сосед", "соседка", "тренер",
        "логопед", "психолог", "кассир", "консультант", "депутат", "собственник", "собственника", "абонент", "абонента",
        "пациент", "пациентка", "пациента", "я",
    ])

    private static let strongPatronymicEndings = [
        "ович", "овича", "овичу", "овичем", "овиче", "евич", "евича", "евичу", "евичем", "евиче", "овна", "овны",
        "овне",
        "овну", "овной", "евна", "евны", "евне", "евну", "евной", "инична", "иничны", "ининичне", "иничну", "иничной",
    ]
    private static let weakPatronymicEndings = [
        "ич", "ича", "ичу", "ичем", "иче", "ична", "ичны", "ичне", "ичну", "ичной",
    ]
    private static let surnameEndings = [
        "ов", "ев", "ин", "ын", "ова", "ева", "ина", "ына", "ову", "еву", "ину", "ыну", "овым", "евым", "иным", "ыным",
        "ове",
        "еве", "ине", "ыне", "овой", "евой", "иной", "ыной", "овых", "евых", "иных", "ский", "цкий", "ской", "цкой",
        "ская",
        "цкая", "ского", "цкого", "скому", "цкому", "ским", "цким", "ском", "цком", "скую", "цкую", "енко", "чук",
        "щук",
        "юк", "ян", "яна", "яну", "дзе", "швили", "ых", "их", "ко", "ук",
    ]

    /// Capitalised words that are names in the dictionary but usually ordinary words.
    private static let notNames: Set<String> = [
        "роман", "романа", "роману", "романом", "романе", "мир", "слава", "вера", "надежда", "лев",
    ]

    private static let maleNames = [
        "александр", "алексей", "анатолий", "андрей", "антон", "аркадий", "арсений", "артем", "артур", "богдан",
        "борис",
        "вадим", "валентин", "валерий", "василий", "виктор", "виталий", "владимир", "владислав", "вячеслав", "геннадий",
        "георгий", "глеб", "григорий", "даниил", "данил", "денис", "дмитрий", "евгений", "егор", "иван", "игорь",
        "илья",
        "кирилл", "константин", "леонид", "максим", "марк", "матвей", "михаил", "никита", "николай", "олег", "павел",
        "петр", "роман", "руслан", "семен", "сергей", "станислав", "степан", "тимофей", "тимур", "федор", "филипп",
        "эдуард", "юрий", "ярослав", "всеволод", "захар", "лев", "савелий", "святослав", "эмиль", "ринат", "рустам",
        "ильдар", "айрат", "азат", "марат", "рамиль", "ильнур", "алмаз", "фарид", "шамиль", "магомед", "ахмед", "али",
        "мурат", "аслан", "зураб", "давид", "тигран", "ашот", "арман", "бахтияр", "жамшид", "фаррух", "руслан", "ильяс",
        "булат", "вениамин", "герман", "мирон", "платон", "прохор", "ростислав", "тихон", "эрик", "яков", "остап",
        "кузьма", "фома", "лука", "савва", "ефим", "нестор", "родион", "самуил", "альберт", "эльдар", "радик", "айдар",
    ]
    private static let femaleNames = [
        "александра", "алена", "алина", "алла", "анастасия", "ангелина", "анна", "антонина", "валентина", "валерия",
        "варвара", "вера", "вероника", "виктория", "галина", "дарья", "диана", "ева", "евгения", "екатерина", "елена",
        "елизавета", "жанна", "зинаида", "зоя", "инна", "ирина", "карина", "кира", "кристина", "ксения", "лариса",
        "лидия",
        "любовь", "людмила", "маргарита", "марина", "мария", "милана", "надежда", "наталья", "наталия", "нина",
        "оксана",
        "ольга", "полина", "раиса", "регина", "светлана", "софия", "софья", "таисия", "тамара", "татьяна", "ульяна",
        "юлия",
        "яна", "эльвира", "зарина", "айгуль", "гульнара", "гузель", "лилия", "альбина", "диляра", "эльмира", "фатима",
        "мадина", "камила", "лейла", "асель", "динара", "резеда", "венера", "розалия", "алсу", "ляйсан", "василиса",
        "злата", "есения", "арина", "виолетта", "снежана", "олеся", "нелли", "эмилия", "стефания", "агния", "майя",
        "маша", "саша", "лена", "таня", "оля", "наташа", "света", "катя", "женя", "галя", "люба", "надя", "ира", "юля",
    ]

    /// Case forms of a male name: «иван» → ивана, ивану, иваном, иване; «сергей» → сергея …; «никита» → никиты ….
    private static func maleForms(_ name: String) -> [String] {
        if name.hasSuffix("а") || name.hasSuffix("я") { return femaleForms(name) }
        if name.hasSuffix("ий") {
            let stem = String(name.dropLast(2))
            return [name, stem + "ия", stem + "ию", stem + "ием", stem + "ии"]
        }
        if name.hasSuffix("й") || name.hasSuffix("ь") {
            let stem = String(name.dropLast())
            return [name, stem + "я", stem + "ю", stem + "ем", stem + "е"]
        }
        return [name, name + "а", name + "у", name + "ом", name + "е", name + "ым"]
    }

    /// Case forms of a female name: «анна» → анны, анне, анну, анной; «мария» → марии, марию, марией ….
    private static func femaleForms(_ name: String) -> [String] {
        if name.hasSuffix("ия") {
            let stem = String(name.dropLast(2))
            return [name, stem + "ии", stem + "ию", stem + "ией"]
        }
        if name.hasSuffix("я") {
            let stem = String(name.dropLast())
            return [name, stem + "и", stem + "е", stem + "ю", stem + "ей"]
        }
        if name.hasSuffix("а") {
            let stem = String(name.dropLast())
            let soft = ["г", "к", "х", "ж", "ш", "щ", "ч"].contains { stem.hasSuffix($0) }
            return [name, stem + (soft ? "и" : "ы"), stem + "е", stem + "у", stem + "ой"]
        }
        return [name]
    }
}
