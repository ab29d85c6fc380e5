import Foundation
import PainmapCore
import PainmapPrivacy

/// Generates fake identifiers in the spellings citizens use, with valid or deliberately wrong control digits.
struct FakeIdentifiers {
    // MARK: Phones

    static let mobileCodes = [
        "913", "923", "952", "983", "903", "961", "914", "924", "909", "962", "984", "916", "926", "999", "951", "977",
    ]
    static let landlineCodes = ["383", "4152", "495", "812", "3452", "8182", "3842", "4212", "343"]

    /// A phone number; `cued` allows short local numbers (only valid after «тел.»).
    static func phone(_ rng: inout SplitMix64, cued: Bool) -> String {
        let code = rng.pick(mobileCodes)
        let a = rng.digits(3).text
        let b = rng.digits(2).text
        let c = rng.digits(2).text
        let variants = cued ? 14 : 12
        switch rng.below(variants) {
        case 0: return "+7 (\(code)) \(a)-\(b)-\(c)"
        case 1: return "+7 \(code) \(a) \(b) \(c)"
        case 2: return "+7\(code)\(a)\(b)\(c)"
        case 3: return "8-\(code)-\(a)-\(b)-\(c)"
        case 4: return "8 (\(code)) \(a)-\(b)-\(c)"
        case 5: return "8\(code)\(a)\(b)\(c)"
        case 6: return "8 \(code) \(a) \(b) \(c)"
        case 7: return "7 \(code) \(a)\(b)\(c)"
        case 8:
            let local = rng.pick(landlineCodes)
            return "8(\(local))\(rng.digits(10 - local.count).text)"
        case 9:
            let local = rng.pick(landlineCodes.filter { $0.count == 4 })
            return "8 (\(local)) \(rng.digits(2).text)-\(rng.digits(2).text)-\(rng.digits(2).text)"
        case 10: return "\(code)-\(a)-\(b)-\(c)"
        case 11: return "+7-\(code)-\(a)-\(b)\(c)"
        case 12: return "\(rng.digits(2).text)-\(rng.digits(2).text)-\(rng.digits(2).text)"
        default: return "\(rng.int(in: 2...7))\(rng.digits(2).text)-\(rng.digits(2).text)-\(rng.digits(2).text)"
        }
    }

    // MARK: E-mail

    static let mailDomains = [
        "mail.ru", "yandex.ru", "gmail.com", "bk.ru", "list.ru", "inbox.ru", "rambler.ru", "ya.ru", "internet.ru",
        "почта.рф", "school54.ru", "edu.kamgov.ru",
    ]

    static func email(_ person: FakePerson, _ rng: inout SplitMix64) -> String {
        let surname = transliterate(person.surname)
        let name = transliterate(person.firstName)
        let local: String
        switch rng.below(7) {
        case 0: local = "\(surname).\(name.prefix(1))"
        case 1: local = "\(name)\(surname)\(rng.int(in: 70...99))"
        case 2: local = "\(surname)_\(rng.int(in: 1...999))"
        case 3: local = "\(name.prefix(1))\(surname)"
        case 4: local = "\(name).\(surname)+gosuslugi"
        case 5: local = "\(surname)-\(name)\(rng.int(in: 1980...2008))"
        default: local = "\(name).\(surname)\(rng.int(in: 1980...2005))"
        }
        let address = "\(local)@\(rng.pick(mailDomains))"
        return rng.chance(0.1) ? address.uppercased() : address
    }

    // MARK: Numbers with control digits

    /// A СНИЛС above 001-001-998 in one of four spellings; `valid: false` breaks the control number.
    static func snils(_ rng: inout SplitMix64, valid: Bool, grouped: Bool = true) -> String {
        var body: [UInt8]
        repeat { body = rng.digits(9) } while Int(body.text) ?? 0 <= 1_001_998
        var sum = 0
        for index in 0..<9 { sum += Int(body[index]) * (9 - index) }
        var control = sum % 101
        if control == 100 { control = 0 }
        if !valid { control = (control + rng.int(in: 1...98)) % 100 }
        let all = body + [UInt8(control / 10), UInt8(control % 10)]
        let s = all.text
        let chars = Array(s)
        let (p1, p2, p3, p4) = (String(chars[0..<3]), String(chars[3..<6]), String(chars[6..<9]), String(chars[9..<11]))
        guard grouped else { return s }
        switch rng.below(4) {
        case 0: return "\(p1)-\(p2)-\(p3) \(p4)"
        case 1: return "\(p1) \(p2) \(p3) \(p4)"
        case 2: return s
        default: return "\(p1)-\(p2)-\(p3)-\(p4)"
        }
    }

    /// A 12-digit (person) or 10-digit (organisation) ИНН.
    static func inn(_ rng: inout SplitMix64, personal: Bool, valid: Bool) -> String {
        let prefixes = ["54", "41", "77", "78", "50", "66", "23", "16", "02"]
        var digits: [UInt8] = rng.pick(prefixes).compactMap { $0.wholeNumberValue }.map(UInt8.init)
        let bodyCount = personal ? 10 : 9
        digits += rng.digits(bodyCount - 2)
        if personal {
            digits.append(control(digits, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]))
            digits.append(control(digits, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]))
        } else {
            digits.append(control(digits, [2, 4, 10, 3, 5, 9, 4, 6, 8]))
        }
        if !valid { digits[digits.count - 1] = (digits[digits.count - 1] + UInt8(rng.int(in: 1...9))) % 10 }
        return digits.text
    }

    /// ОГРН (13 digits, starting 1 or 5) or ОГРНИП (15 digits, starting 3).
    static func ogrn(_ rng: inout SplitMix64, individual: Bool, valid: Bool) -> String {
        var digits: [UInt8] = [individual ? 3 : rng.pick([1, 5])]
        digits += rng.digits(individual ? 13 : 11)
        var remainder = 0
        let modulus = individual ? 13 : 11
        for digit in digits { remainder = (remainder * 10 + Int(digit)) % modulus }
        var control = UInt8(remainder % 10)
        if !valid { control = (control + UInt8(rng.int(in: 1...9))) % 10 }
        return (digits + [control]).text
    }

    /// A card of МИР, Visa or Mastercard (both ranges), Luhn-valid unless `valid` is false.
    static func card(_ rng: inout SplitMix64, valid: Bool) -> [UInt8] {
        var digits: [UInt8]
        switch rng.below(4) {
        case 0: digits = [2, 2, 0, UInt8(rng.int(in: 0...4))]
        case 1: digits = [4] + rng.digits(3)
        case 2: digits = [5, UInt8(rng.int(in: 1...5))] + rng.digits(2)
        default: digits = String(rng.int(in: 2221...2720)).compactMap { $0.wholeNumberValue }.map(UInt8.init)
        }
        digits += rng.digits(11)
        for check in 0..<10 {
            let candidate = digits + [UInt8(check)]
            if IdentifierChecksums.isValidLuhn(candidate) == valid { return candidate }
        }
        return digits + [0]
    }

    static func formatCard(_ digits: [UInt8], _ rng: inout SplitMix64) -> String {
        let text = digits.text
        let chars = Array(text)
        let groups = stride(from: 0, to: chars.count, by: 4).map { String(chars[$0..<min($0 + 4, chars.count)]) }
        switch rng.below(3) {
        case 0: return groups.joined(separator: " ")
        case 1: return text
        default: return groups.joined(separator: "-")
        }
    }

    /// A passport's series and number; spellings with «серия … номер …» put the words outside the span.
    static func passport(_ rng: inout SplitMix64) -> Planted {
        let series = rng.pick(["50", "30", "45", "40", "52", "36", "65", "71"]) + String(format2(rng.int(in: 3...24)))
        let number = rng.digits(6).text
        let s = Array(series)
        switch rng.below(7) {
        case 0: return Planted(type: .passport, core: "\(String(s[0..<2])) \(String(s[2..<4])) \(number)")
        case 1: return Planted(type: .passport, core: "\(series) \(number)")
        case 2: return Planted(type: .passport, core: "\(series)№\(number)")
        case 3: return Planted(type: .passport, core: "\(series) № \(number)")
        case 4: return Planted(type: .passport, core: "\(series) номер \(number)", lead: "серия ")
        case 5:
            return Planted(type: .passport, core: "\(String(s[0..<2])) \(String(s[2..<4])) № \(number)", lead: "серия ")
        default: return Planted(type: .passport, core: "\(series)\(number)")
        }
    }

    // MARK: Plates

    private static let plateLetters = Array("АВЕКМНОРСТУХ")
    private static let latinLookAlikes: [Character: Character] = [
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y",
        "Х": "X",
    ]

    static func plate(_ rng: inout SplitMix64) -> String {
        let first = rng.pick(plateLetters)
        let digits = rng.digits(3).text
        let pair = String([rng.pick(plateLetters), rng.pick(plateLetters)])
        let region =
            rng.chance(0.3)
            ? rng.pick(["154", "777", "799", "102", "116", "124"])
            : rng.pick(["54", "41", "77", "78", "50", "24", "16"])
        var plate: String
        switch rng.below(5) {
        case 0: plate = "\(first)\(digits)\(pair)\(region)"
        case 1: plate = "\(first) \(digits) \(pair) \(region)"
        case 2: plate = "\(first)\(digits)\(pair) \(region)"
        case 3: plate = "\(first)\(digits)\(pair)\(region) RUS"
        default: plate = "\(first)\(digits)\(pair) \(region)"
        }
        if rng.chance(0.2) { plate = String(plate.map { latinLookAlikes[$0] ?? $0 }) }
        if rng.chance(0.15) {
            plate = plate.lowercased().replacingOccurrences(of: "rus", with: "").trimmingTrailingSpace()
        }
        return plate
    }

    // MARK: Helpers

    private static func control(_ digits: [UInt8], _ weights: [Int]) -> UInt8 {
        var sum = 0
        for (index, weight) in weights.enumerated() { sum += Int(digits[index]) * weight }
        return UInt8(sum % 11 % 10)
    }

    static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    static func transliterate(_ text: String) -> String {
        let table: [Character: String] = [
            "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
            "й": "y", "к": "k",
            "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
            "х": "kh", "ц": "ts",
            "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "-": "-",
        ]
        return text.lowercased().map { table[$0] ?? "" }.joined()
    }
}

extension String {
    func trimmingTrailingSpace() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
