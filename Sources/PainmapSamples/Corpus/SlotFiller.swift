import PainmapCore

/// Replaces `{slot}` markers in corpus templates.
///
/// Slots are region- and date-aware: `{month}` names a month up to the record's own month,
/// `{inMun}` a municipality of the record's region. Unknown slots are left as written, which a
/// test catches.
struct SlotFiller {
    var region: SampleRegion
    var municipality: SampleMunicipality
    var date: LocalDateTime

    private static let monthLocative = [
        "", "в январе", "в феврале", "в марте", "в апреле", "в мае", "в июне", "в июле", "в августе", "в сентябре",
        "в октябре", "в ноябре", "в декабре",
    ]
    private static let monthGenitiveSince = [
        "", "с января", "с февраля", "с марта", "с апреля", "с мая", "с июня", "с июля", "с августа", "с сентября",
        "с октября", "с ноября", "с декабря",
    ]
    private static let monthNominative = [
        "", "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
        "декабрь",
    ]
    private static let monthGenitive = [
        "", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
        "ноября", "декабря",
    ]

    private static let fixed: [String: [String]] = [
        "child": ["ребёнка", "ребенка", "сына", "дочь", "дочку", "внука", "внучку"],
        "childGen": ["ребёнка", "ребенка", "сына", "дочери", "дочки", "внука"],
        "kg": [
            "детский сад № {num:1-250}", "садик {num:1-250}", "д/с №{num:1-250}", "ДОУ № {num:1-250}",
            "детсад {num:1-250}", "садик",
        ],
        "kgLoc": ["детском саду № {num:1-250}", "садике {num:1-250}", "ДОУ № {num:1-250}", "детсаду №{num:1-250}"],
        "kgGen": ["детского сада № {num:1-250}", "садика № {num:1-250}", "ДОУ {num:1-250}", "детсада {num:1-250}"],
        "school": ["школа № {num:1-210}", "школа {num:1-210}", "СОШ № {num:1-210}", "гимназия № {num:1-20}"],
        "onPortal": [
            "на Госуслугах", "на госуслугах", "на портале Госуслуг", "на ЕПГУ", "в госуслугах", "на гос.услугах",
        ],
        "viaPortal": ["через Госуслуги", "через госуслуги", "через портал", "через ЕПГУ", "через гос услуги"],
        "mfc": ["МФЦ", "мфц", "«Мои документы»"],
        "inMfc": ["в МФЦ", "в мфц", "в «Моих документах»", "в многофункциональном центре"],
        "inCzn": ["в центре занятости", "в ЦЗН", "на бирже труда", "в службе занятости"],
        "inPoly": [
            "В поликлинике № {num:1-30}", "В поликлинике", "В ЦРБ", "В районной больнице", "В нашей поликлинике",
        ],
        "inSfr": ["в СФР", "в Соцфонде", "в пенсионном", "в ПФР", "в Социальном фонде"],
        "wait": [
            "уже полгода", "третий месяц", "больше года", "второй месяц", "почти год", "уже 4 месяца",
            "несколько месяцев", "две недели", "уже месяц", "больше двух месяцев", "полтора года",
        ],
        "days": ["10 дней", "две недели", "месяц", "30 дней", "45 дней", "три недели", "больше месяца"],
        "tsr": [
            "коляску", "инвалидную коляску", "слуховой аппарат", "подгузники", "трость", "кресло-коляску", "ходунки",
            "протез", "противопролежневый матрас",
        ],
        "circle": [
            "кружок робототехники", "секцию плавания", "художку", "танцы", "футбол", "шахматы", "вокал",
            "хореографию", "секцию борьбы", "кружок рисования", "программирование", "хоккей",
        ],
        "who": [
            "Заявитель", "Заявительница", "Гражданин", "Гражданка", "Абонент", "Звонивший", "Звонившая", "Заявитель",
        ],
    ]

    mutating func fill(_ template: String, _ rng: inout SplitMix64, depth: Int = 0) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[rest.startIndex..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            let value = resolve(name, &rng)
            out += depth < 3 ? fill(value, &rng, depth: depth + 1) : value
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    private mutating func resolve(_ name: String, _ rng: inout SplitMix64) -> String {
        if name.hasPrefix("num:") {
            let bounds = name.dropFirst(4).split(separator: "-").compactMap { Int($0) }
            guard bounds.count == 2, bounds[0] <= bounds[1] else { return "{\(name)}" }
            return String(rng.int(in: bounds[0]...bounds[1]))
        }
        if let options = Self.fixed[name] { return rng.pick(options) }
        switch name {
        case "mun": return municipality.name
        case "inMun": return municipality.locative
        case "street": return rng.pick(region.streets)
        case "navigatorSite": return region.navigatorSite
        case "inSzn": return rng.pick(region.socialOfficeLocative)
        case "ukShort": return rng.pick(region.managementCompanies)
        case "uk":
            let company = rng.pick(region.managementCompanies)
            switch rng.below(5) {
            case 0: return "УК «\(company)»"
            case 1: return "ООО \"\(company)\""
            case 2: return "управляющая компания \(company)"
            case 3: return "управляйка"
            default: return "УК"
            }
        case "official": return rng.pick(region.officials)
        case "month": return Self.monthLocative[pastMonth(&rng)]
        case "monthName": return Self.monthNominative[pastMonth(&rng)]
        case "sinceMonth": return Self.monthGenitiveSince[pastMonth(&rng)]
        case "date":
            let month = pastMonth(&rng)
            let day = rng.int(in: 1...(month == date.month ? max(1, date.day) : 28))
            return rng.chance(0.5)
                ? "\(LocalDateTime.two(day)).\(LocalDateTime.two(month))"
                : "\(day) \(Self.monthGenitive[month])"
        case "sum": return sum(&rng)
        default: return "{\(name)}"
        }
    }

    /// A month between three months before the record and the record's own month.
    private func pastMonth(_ rng: inout SplitMix64) -> Int {
        let back = rng.below(4)
        let month = date.month - back
        return month >= 1 ? month : month + 12
    }

    private func sum(_ rng: inout SplitMix64) -> String {
        switch rng.below(6) {
        case 0: return "\(rng.int(in: 1...14)) \(rng.int(in: 1...9))00 руб."
        case 1: return "\(rng.int(in: 5...60))00 рублей"
        case 2: return "\(rng.int(in: 2...15)) тыс."
        case 3: return "\(rng.int(in: 1...9)) \(rng.int(in: 1...9))00 р."
        case 4: return "около \(rng.int(in: 2...10)) тысяч"
        default: return "\(rng.int(in: 300...990)) руб"
        }
    }
}
