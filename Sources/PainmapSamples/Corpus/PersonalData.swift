import PainmapCore

/// The kinds of fake personal data the generator plants in texts.
public enum PersonalDataKind: String, Sendable, CaseIterable, Codable {
    /// Mobile and landline numbers in several spellings.
    case phone
    /// E-mail addresses.
    case email
    /// СНИЛС with a valid control number.
    case snils
    /// Full names, «меня зовут …», initials.
    case fullName = "full_name"
    /// Street, house and flat.
    case address
    /// Passport series and number.
    case passport
    /// Personal ИНН (12 digits) with valid control digits.
    case inn12 = "inn12"

    /// The Russian name used in MANIFEST.md.
    public var title: String {
        switch self {
        case .phone: return "телефон"
        case .email: return "e-mail"
        case .snils: return "СНИЛС"
        case .fullName: return "ФИО"
        case .address: return "адрес"
        case .passport: return "паспорт"
        case .inn12: return "ИНН (12 цифр)"
        }
    }
}

/// A fake person: name parts agree in gender.
struct FakePerson: Sendable {
    var surname: String
    var firstName: String
    var patronymic: String
    var isFemale: Bool

    var fullName: String { "\(surname) \(firstName) \(patronymic)" }
    var initials: String { "\(surname) \(firstName.prefix(1)).\(patronymic.prefix(1))." }
}

/// Generates fake but valid-format personal data (names, phones, e-mails, СНИЛС, ИНН, passports,
/// addresses).
///
/// Identifiers with control numbers are valid, so checksum-based recognizers see them as real.
enum PersonalData {
    private static let maleSurnames = [
        "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков", "Фёдоров",
        "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
        "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев",
        "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
    ]
    private static let maleNames = [
        "Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений", "Иван", "Михаил", "Артём",
        "Николай", "Владимир", "Олег", "Павел", "Роман", "Виктор", "Юрий", "Игорь", "Денис", "Константин",
    ]
    private static let femaleNames = [
        "Мария", "Елена", "Ольга", "Наталья", "Анна", "Татьяна", "Ирина", "Светлана", "Екатерина", "Юлия",
        "Анастасия", "Марина", "Людмила", "Галина", "Оксана", "Дарья", "Валентина", "Надежда", "Ксения", "Алёна",
    ]
    private static let fatherNames = [
        ("Петр", "Петрович", "Петровна"), ("Иван", "Иванович", "Ивановна"), ("Сергей", "Сергеевич", "Сергеевна"),
        ("Александр", "Александрович", "Александровна"), ("Николай", "Николаевич", "Николаевна"),
        ("Владимир", "Владимирович", "Владимировна"), ("Михаил", "Михайлович", "Михайловна"),
        ("Юрий", "Юрьевич", "Юрьевна"), ("Виктор", "Викторович", "Викторовна"), ("Андрей", "Андреевич", "Андреевна"),
        ("Геннадий", "Геннадьевич", "Геннадьевна"), ("Анатолий", "Анатольевич", "Анатольевна"),
        ("Олег", "Олегович", "Олеговна"), ("Игорь", "Игоревич", "Игоревна"), ("Ильич", "Ильич", "Ильинична"),
    ]
    private static let mailDomains = [
        "mail.ru", "yandex.ru", "gmail.com", "bk.ru", "list.ru", "inbox.ru", "rambler.ru", "ya.ru",
    ]

    static func person(_ rng: inout SplitMix64) -> FakePerson {
        let female = rng.chance(0.62)  // most appeals about children and benefits come from women
        var surname = rng.pick(maleSurnames)
        if female { surname += "а" }
        let father = rng.pick(fatherNames)
        if father.0 == "Ильич" {
            return FakePerson(
                surname: surname,
                firstName: female ? rng.pick(femaleNames) : rng.pick(maleNames),
                patronymic: female ? "Ильинична" : "Ильич",
                isFemale: female
            )
        }
        return FakePerson(
            surname: surname,
            firstName: female ? rng.pick(femaleNames) : rng.pick(maleNames),
            patronymic: female ? father.2 : father.1,
            isFemale: female
        )
    }

    /// A phone number in one of the spellings citizens and operators use.
    static func phone(_ region: SampleRegion, _ rng: inout SplitMix64) -> String {
        let code = rng.pick(region.mobileCodes)
        let a = digits(3, &rng)
        let b = digits(2, &rng)
        let c = digits(2, &rng)
        switch rng.below(8) {
        case 0: return "+7 \(code) \(a)-\(b)-\(c)"
        case 1: return "8\(code)\(a)\(b)\(c)"
        case 2: return "8-\(code)-\(a)-\(b)-\(c)"
        case 3: return "+7(\(code))\(a)\(b)\(c)"
        case 4: return "8 (\(code)) \(a) \(b) \(c)"
        case 5: return "7\(code)\(a)\(b)\(c)"
        case 6:
            let local = region.landlineCode
            return "8(\(local))\(digits(10 - local.count, &rng))"
        default: return "+7\(code)\(a)\(b)\(c)"
        }
    }

    static func email(_ person: FakePerson, _ rng: inout SplitMix64) -> String {
        let surname = transliterate(person.surname)
        let name = transliterate(person.firstName)
        let local: String
        switch rng.below(5) {
        case 0: local = "\(surname).\(name.prefix(1))"
        case 1: local = "\(name)\(surname)\(rng.int(in: 70...99))"
        case 2: local = "\(surname)_\(rng.int(in: 1...999))"
        case 3: local = "\(name.prefix(1))\(surname)"
        default: local = "\(name).\(surname)\(rng.int(in: 1980...2005))"
        }
        return "\(local)@\(rng.pick(mailDomains))"
    }

    /// A СНИЛС above 001-001-998 with its control number, formatted `XXX-XXX-XXX YY`.
    static func snils(_ rng: inout SplitMix64) -> String {
        var number = 0
        while number <= 1_001_998 { number = rng.int(in: 1_001_999...999_999_999) }
        let body = padded(number, 9)
        let control = snilsControl(body)
        let chars = Array(body)
        return "\(String(chars[0..<3]))-\(String(chars[3..<6]))-\(String(chars[6..<9])) \(padded(control, 2))"
    }

    /// The СНИЛС control number of nine digits: weights 9…1, sum mod 101, 100 → 0.
    static func snilsControl(_ nineDigits: String) -> Int {
        var sum = 0
        for (index, char) in nineDigits.enumerated() {
            sum += (char.wholeNumberValue ?? 0) * (9 - index)
        }
        let control = sum % 101
        return control == 100 ? 0 : control
    }

    /// A personal ИНН: the region's tax-office prefix, 8 random digits and two control digits.
    static func inn12(_ region: SampleRegion, _ rng: inout SplitMix64) -> String {
        var digitsArray = Array(region.kladr).compactMap(\.wholeNumberValue)
        digitsArray.append(0)
        digitsArray.append(rng.int(in: 1...9))
        for _ in 0..<6 { digitsArray.append(rng.below(10)) }
        let c11 = innControl(digitsArray, weights: [7, 2, 4, 10, 3, 5, 9, 4, 6, 8])
        digitsArray.append(c11)
        let c12 = innControl(digitsArray, weights: [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8])
        digitsArray.append(c12)
        return digitsArray.map(String.init).joined()
    }

    static func innControl(_ digits: [Int], weights: [Int]) -> Int {
        var sum = 0
        for (digit, weight) in zip(digits, weights) { sum += digit * weight }
        return sum % 11 % 10
    }

    /// «серия 5012 номер 345678»: series = ОКАТО subject + year of issue.
    static func passport(_ region: SampleRegion, _ rng: inout SplitMix64) -> String {
        let series = "\(region.okato)\(padded(rng.int(in: 3...24), 2))"
        let number = digits(6, &rng)
        switch rng.below(3) {
        case 0: return "паспорт серия \(series) номер \(number)"
        case 1: return "паспорт \(series.prefix(2)) \(series.suffix(2)) \(number)"
        default: return "паспорт \(series) \(number)"
        }
    }

    static func address(_ region: SampleRegion, _ rng: inout SplitMix64) -> String {
        let street = rng.pick(region.streets)
        let house = rng.int(in: 1...180)
        let flat = rng.int(in: 1...240)
        switch rng.below(4) {
        case 0: return "\(street), д. \(house), кв. \(flat)"
        case 1: return "\(street) д \(house) кв \(flat)"
        case 2: return "\(street), \(house)-\(flat)"
        default: return "\(street), дом \(house), квартира \(flat)"
        }
    }

    static func digits(_ count: Int, _ rng: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<count { text += String(rng.below(10)) }
        return text
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    static func transliterate(_ text: String) -> String {
        var out = ""
        for char in text.lowercased() {
            switch char {
            case "а": out += "a"
            case "б": out += "b"
            case "в": out += "v"
            case "г": out += "g"
            case "д": out += "d"
            case "е", "ё", "э": out += "e"
            case "ж": out += "zh"
            case "з": out += "z"
            case "и", "й", "ы": out += char == "й" ? "y" : "i"
            case "к": out += "k"
            case "л": out += "l"
            case "м": out += "m"
            case "н": out += "n"
            case "о": out += "o"
            case "п": out += "p"
            case "р": out += "r"
            case "с": out += "s"
            case "т": out += "t"
            case "у": out += "u"
            case "ф": out += "f"
            case "х": out += "kh"
            case "ц": out += "ts"
            case "ч": out += "ch"
            case "ш": out += "sh"
            case "щ": out += "sch"
            case "ю": out += "yu"
            case "я": out += "ya"
            case "ь", "ъ": break
            default: if char.isASCII { out.append(char) }
            }
        }
        return out
    }
}
