import PainmapCore

/// A fake person whose name parts agree in gender, with the case forms the corpus needs.
struct FakePerson {
    var surname: String
    var firstName: String
    var patronymic: String
    var isFemale: Bool

    /// Genitive forms: «Ивановой Марии Петровны», «Иванова Ивана Ивановича».
    var genitive: (surname: String, firstName: String, patronymic: String) {
        (
            FakePeople.genitiveSurname(surname, female: isFemale),
            FakePeople.genitiveFirst(firstName, female: isFemale),
            isFemale ? String(patronymic.dropLast()) + "ы" : patronymic + "а"
        )
    }
}

/// Name lists for the corpus.
///
/// Some first names and surnames are deliberately absent from the recognizer's
/// dictionary and suffix rules (rare and non-Slavic names, surnames such as «Ким», «Черных»), so recall is
/// measured on names the recognizer was not written around.
enum FakePeople {
    static let surnames = [
        "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков", "Фёдоров",
        "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
        "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев",
        "Ахмедов", "Хасанов", "Гарипов", "Нуриев", "Алиев", "Мамедов", "Ибрагимов", "Сафин", "Галиев", "Юсупов",
        "Ковальский", "Вишневский", "Покровский", "Заречный", "Белоусов", "Шевченко", "Бондаренко", "Ковальчук",
        "Ким", "Цой", "Черных", "Седых", "Мельник", "Кравец", "Бондарь", "Петросян", "Гогиберидзе", "Лысенко",
    ]
    static let maleNames = [
        "Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений", "Иван", "Михаил", "Артём",
        "Николай",
        "Владимир", "Олег", "Павел", "Виктор", "Юрий", "Игорь", "Денис", "Константин", "Рустам", "Ильдар", "Тимур",
        "Добрыня", "Велимир", "Нурлан", "Бекзод", "Всеволод", "Ярослав", "Эмиль", "Георгий",
    ]
    static let femaleNames = [
        "Мария", "Елена", "Ольга", "Наталья", "Анна", "Татьяна", "Ирина", "Светлана", "Екатерина", "Юлия", "Анастасия",
        "Марина", "Людмила", "Галина", "Оксана", "Дарья", "Валентина", "Ксения", "Алёна", "Айгуль", "Гульнара",
        "Зарина",
        "Ефросинья", "Прасковья", "Аглая", "Мирослава", "Айдана", "Гульшат", "Эльвира", "Василиса",
    ]
    static let fathers: [(male: String, female: String)] = [
        ("Петрович", "Петровна"), ("Иванович", "Ивановна"), ("Сергеевич", "Сергеевна"),
        ("Александрович", "Александровна"),
        ("Николаевич", "Николаевна"), ("Владимирович", "Владимировна"), ("Михайлович", "Михайловна"),
        ("Юрьевич", "Юрьевна"),
        ("Викторович", "Викторовна"), ("Андреевич", "Андреевна"), ("Геннадьевич", "Геннадьевна"),
        ("Анатольевич", "Анатольевна"),
        ("Олегович", "Олеговна"), ("Игоревич", "Игоревна"), ("Ильич", "Ильинична"), ("Рустамович", "Рустамовна"),
        ("Кузьмич", "Кузьминична"), ("Ренатович", "Ренатовна"), ("Фомич", "Фоминична"), ("Тимурович", "Тимуровна"),
    ]

    static func person(_ rng: inout SplitMix64) -> FakePerson {
        let female = rng.chance(0.6)
        let base = rng.pick(surnames)
        let father = rng.pick(fathers)
        return FakePerson(
            surname: female ? feminine(base) : base,
            firstName: female ? rng.pick(femaleNames) : rng.pick(maleNames),
            patronymic: female ? father.female : father.male,
            isFemale: female
        )
    }

    static func feminine(_ surname: String) -> String {
        if surname.hasSuffix("ов") || surname.hasSuffix("ев") || surname.hasSuffix("ёв") || surname.hasSuffix("ин") {
            return surname + "а"
        }
        if surname.hasSuffix("ский") { return String(surname.dropLast(2)) + "ая" }
        if surname.hasSuffix("ный") { return String(surname.dropLast(2)) + "ая" }
        return surname
    }

    static func genitiveSurname(_ surname: String, female: Bool) -> String {
        if female {
            if surname.hasSuffix("ова") || surname.hasSuffix("ева") || surname.hasSuffix("ёва")
                || surname.hasSuffix("ина")
            {
                return String(surname.dropLast()) + "ой"
            }
            if surname.hasSuffix("ая") { return String(surname.dropLast(2)) + "ой" }
            return surname
        }
        if surname.hasSuffix("ов") || surname.hasSuffix("ев") || surname.hasSuffix("ёв") || surname.hasSuffix("ин") {
            return surname + "а"
        }
        if surname.hasSuffix("ий") || surname.hasSuffix("ый") { return String(surname.dropLast(2)) + "ого" }
        if surname.hasSuffix("ко") || surname.hasSuffix("их") || surname.hasSuffix("ых") || surname.hasSuffix("дзе") {
            return surname
        }
        if surname.hasSuffix("ь") { return String(surname.dropLast()) + "я" }
        return surname + "а"
    }

    static func genitiveFirst(_ name: String, female: Bool) -> String {
        if name.hasSuffix("ия") { return String(name.dropLast()) + "и" }
        if name.hasSuffix("я") { return String(name.dropLast()) + "и" }
        if name.hasSuffix("а") {
            let stem = name.dropLast()
            return stem + (["г", "к", "х", "ж", "ш", "щ", "ч"].contains { stem.hasSuffix($0) } ? "и" : "ы")
        }
        if female { return name }
        if name.hasSuffix("й") || name.hasSuffix("ь") { return String(name.dropLast()) + "я" }
        return name + "а"
    }

    /// One of the ways a complaint spells a person: full, inverted, initials, declined, lower case, double.
    static func spelling(_ person: FakePerson, _ rng: inout SplitMix64) -> (text: String, genitive: Bool) {
        let s = person.surname
        let f = person.firstName
        let p = person.patronymic
        let fi = String(f.prefix(1))
        let pi = String(p.prefix(1))
        switch rng.below(12) {
        case 0: return ("\(s) \(f) \(p)", false)
        case 1: return ("\(f) \(p) \(s)", false)
        case 2: return ("\(s) \(fi).\(pi).", false)
        case 3: return ("\(s) \(fi). \(pi).", false)
        case 4: return ("\(fi).\(pi). \(s)", false)
        case 5: return ("\(fi). \(pi). \(s)", false)
        case 6: return ("\(f) \(p)", false)
        case 7: return ("\(f) \(s)", false)
        case 8:
            let g = person.genitive
            return ("\(g.surname) \(g.firstName) \(g.patronymic)", true)
        case 9: return ("\(s) \(f) \(p)".lowercased(), false)
        case 10:
            return (
                "\(s)-\(rng.pick(["Водкина", "Щедрина", "Сабурова"]).dropLast(person.isFemale ? 0 : 1)) \(f) \(p)",
                false
            )
        default: return ("\(s) \(f)", false)
        }
    }
}
