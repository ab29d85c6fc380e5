/// A municipality of a sample region, with the codes the exports carry.
struct SampleMunicipality: Sendable {
    /// Nominative name, such as «Бердск».
    var name: String
    /// Name with the preposition in the prepositional case, such as «в Бердске».
    var locative: String
    /// 8-digit ОКТМО.
    var oktmo: String
    /// 11-digit ОКАТО.
    var okato: String
    /// Relative share of the region's records.
    var weight: Double

    /// The settlement part of a postal address (`г. Бердск` or `Коченёвский район`).
    var addressPrefix: String {
        name.hasSuffix("район") ? name : "г. \(name)"
    }
}

/// One of the two sample regions, with everything region-specific the texts and files need.
///
/// Codes are plausible (correct subject prefixes: КЛАДР 54/41, ОКАТО 50/30, ОКТМО 50/30);
/// municipal codes are illustrative.
struct SampleRegion: Sendable {
    var kladr: String
    var okato: String
    var name: String
    /// Spellings the hotline uses in «Субъект РФ» besides ``name``.
    var nameVariants: [String]
    var genitive: String
    var utcOffsetHours: Int
    var municipalities: [SampleMunicipality]
    var streets: [String]
    var mobileCodes: [String]
    var landlineCode: String
    var navigatorSite: String
    var socialOffice: [String]
    var socialOfficeLocative: [String]
    var managementCompanies: [String]
    var officials: [String]
    var mfcOffices: [String]
    var bodies: [ResponsibleBody: [String]]
    /// Prefix of the site registration number (`ОГ-НСО`).
    var siteNumberPrefix: String

    func organizations(for body: ResponsibleBody) -> [String] {
        bodies[body] ?? ["Правительство \(genitive)"]
    }

    static let novosibirsk = SampleRegion(
        kladr: "54",
        okato: "50",
        name: "Новосибирская область",
        nameVariants: ["Новосибирская обл.", "Новосибирская обл"],
        genitive: "Новосибирской области",
        utcOffsetHours: 7,
        municipalities: [
            SampleMunicipality(
                name: "Новосибирск",
                locative: "в Новосибирске",
                oktmo: "50701000",
                okato: "50401000000",
                weight: 60
            ),
            SampleMunicipality(
                name: "Бердск",
                locative: "в Бердске",
                oktmo: "50708000",
                okato: "50408000000",
                weight: 6
            ),
            SampleMunicipality(
                name: "Искитим",
                locative: "в Искитиме",
                oktmo: "50712000",
                okato: "50412000000",
                weight: 4
            ),
            SampleMunicipality(name: "Обь", locative: "в Оби", oktmo: "50715000", okato: "50415000000", weight: 2),
            SampleMunicipality(
                name: "Кольцово",
                locative: "в Кольцово",
                oktmo: "50740000",
                okato: "50437000000",
                weight: 2
            ),
            SampleMunicipality(
                name: "Коченёвский район",
                locative: "в Коченёвском районе",
                oktmo: "50623000",
                okato: "50223000000",
                weight: 3
            ),
            SampleMunicipality(
                name: "Тогучинский район",
                locative: "в Тогучинском районе",
                oktmo: "50650000",
                okato: "50250000000",
                weight: 3
            ),
            SampleMunicipality(
                name: "Новосибирский район",
                locative: "в Новосибирском районе",
                oktmo: "50640000",
                okato: "50240000000",
                weight: 6
            ),
            SampleMunicipality(
                name: "Искитимский район",
                locative: "в Искитимском районе",
                oktmo: "50615000",
                okato: "50215000000",
                weight: 2
            ),
            SampleMunicipality(
                name: "Карасукский район",
                locative: "в Карасукском районе",
                oktmo: "50618000",
                okato: "50217000000",
                weight: 1.5
            ),
        ],
        streets: [
            "ул. Ленина", "Красный проспект", "ул. Гоголя", "ул. Богдана Хмельницкого", "ул. Станиславского",
            "ул. Титова", "ул. Петухова", "ул. Выборная", "ул. Первомайская", "ул. Кирова", "ул. Дуси Ковальчук",
            "ул. Фрунзе", "ул. Немировича-Данченко", "ул. Российская", "ул. Химзаводская", "ул. Морской проспект",
        ],
        mobileCodes: ["913", "923", "952", "983", "903", "961"],
        landlineCode: "383",
        navigatorSite: "р54.навигатор.дети",
        socialOffice: ["соцзащита", "ЦСПН", "центр соцподдержки", "соц. защита"],
        socialOfficeLocative: ["в соцзащите", "в ЦСПН", "в центре соцподдержки", "в соц защите"],
        managementCompanies: [
            "Жилсервис", "УК Комфорт", "Домовой", "УЖК Центральная", "ЖЭУ-5", "Сибирский дом", "Горжилсервис",
        ],
        officials: ["Андрей Александрович", "губернатор", "министр", "глава района"],
        mfcOffices: [
            "МФЦ «Центральный» (Новосибирск)", "МФЦ «Дзержинский» (Новосибирск)", "МФЦ «Родники» (Новосибирск)",
            "Филиал МФЦ г. Бердска", "Филиал МФЦ г. Искитима", "Филиал МФЦ р.п. Коченёво", "Филиал МФЦ г. Тогучина",
        ],
        bodies: [
            .education: [
                "Министерство образования Новосибирской области", "Департамент образования мэрии г. Новосибирска",
                "Управление образования администрации г. Бердска",
            ],
            .housing: [
                "Государственная жилищная инспекция Новосибирской области",
                "Министерство ЖКХ и энергетики Новосибирской области",
                "Фонд модернизации ЖКХ Новосибирской области",
            ],
            .disability: [
                "ФКУ «ГБ МСЭ по Новосибирской области» Минтруда России", "ОСФР по Новосибирской области",
                "Министерство здравоохранения Новосибирской области",
            ],
            .social: [
                "Министерство труда и социального развития Новосибирской области",
                "ГКУ НСО «Центр социальной поддержки населения г. Новосибирска»", "ОСФР по Новосибирской области",
            ],
            .employment: [
                "ГКУ НСО «Центр занятости населения г. Новосибирска»",
                "Министерство труда и социального развития Новосибирской области",
            ],
        ],
        siteNumberPrefix: "ОГ-НСО"
    )

    static let kamchatka = SampleRegion(
        kladr: "41",
        okato: "30",
        name: "Камчатский край",
        nameVariants: ["Камчатский край"],
        genitive: "Камчатского края",
        utcOffsetHours: 12,
        municipalities: [
            SampleMunicipality(
                name: "Петропавловск-Камчатский",
                locative: "в Петропавловске-Камчатском",
                oktmo: "30701000",
                okato: "30401000000",
                weight: 55
            ),
            SampleMunicipality(
                name: "Елизово",
                locative: "в Елизово",
                oktmo: "30607101",
                okato: "30207501000",
                weight: 12
            ),
            SampleMunicipality(
                name: "Вилючинск",
                locative: "в Вилючинске",
                oktmo: "30735000",
                okato: "30435000000",
                weight: 8
            ),
            SampleMunicipality(
                name: "Елизовский район",
                locative: "в Елизовском районе",
                oktmo: "30607000",
                okato: "30207000000",
                weight: 8
            ),
            SampleMunicipality(
                name: "Мильковский район",
                locative: "в Мильковском районе",
                oktmo: "30613000",
                okato: "30213000000",
                weight: 3
            ),
            SampleMunicipality(
                name: "Усть-Камчатский район",
                locative: "в Усть-Камчатском районе",
                oktmo: "30625000",
                okato: "30225000000",
                weight: 3
            ),
            SampleMunicipality(
                name: "Усть-Большерецкий район",
                locative: "в Усть-Большерецком районе",
                oktmo: "30631000",
                okato: "30228000000",
                weight: 2
            ),
            SampleMunicipality(
                name: "Быстринский район",
                locative: "в Быстринском районе",
                oktmo: "30604000",
                okato: "30204000000",
                weight: 1
            ),
        ],
        streets: [
            "ул. Ленинградская", "проспект Победы", "ул. Тушканова", "ул. Океанская", "ул. Вулканная", "ул. Давыдова",
            "проспект Карла Маркса", "ул. Пограничная", "ул. Ключевская", "ул. Рябикова", "ул. Звёздная", "ул. Дальняя",
        ],
        mobileCodes: ["914", "924", "909", "962", "984"],
        landlineCode: "4152",
        navigatorSite: "р41.навигатор.дети",
        socialOffice: ["соцзащита", "Центр выплат", "КГКУ Центр выплат", "соц защита"],
        socialOfficeLocative: ["в соцзащите", "в Центре выплат", "в КГКУ «Центр выплат»", "в соц.защите"],
        managementCompanies: ["Камчатжилсервис", "УК Океан", "Жилфонд", "УК Авача", "Управдом", "ЖЭК-3"],
        officials: ["Владимир Викторович", "губернатор", "министр", "глава городского округа"],
        mfcOffices: [
            "МФЦ Петропавловск-Камчатский, пр. Рыбаков", "МФЦ Петропавловск-Камчатский, ул. Пограничная",
            "Филиал МФЦ г. Елизово", "Филиал МФЦ г. Вилючинска", "Филиал МФЦ с. Мильково",
        ],
        bodies: [
            .education: [
                "Министерство образования Камчатского края",
                "Управление образования администрации Петропавловск-Камчатского городского округа",
            ],
            .housing: [
                "Государственная жилищная инспекция Камчатского края", "Министерство ЖКХ и энергетики Камчатского края",
                "Фонд капитального ремонта многоквартирных домов Камчатского края",
            ],
            .disability: [
                "ФКУ «ГБ МСЭ по Камчатскому краю» Минтруда России", "ОСФР по Камчатскому краю",
                "Министерство здравоохранения Камчатского края",
            ],
            .social: [
                "Министерство социального благополучия и семейной политики Камчатского края",
                "КГКУ «Камчатский центр по выплате государственных и социальных пособий»", "ОСФР по Камчатскому краю",
            ],
            .employment: [
                "КГКУ «Центр занятости населения города Петропавловска-Камчатского»",
                "Агентство по занятости населения и миграционной политике Камчатского края",
            ],
        ],
        siteNumberPrefix: "КК"
    )

    /// Both regions, in output order.
    static let all: [SampleRegion] = [.novosibirsk, .kamchatka]

    static func byKladr(_ code: String) -> SampleRegion? {
        all.first { $0.kladr == code }
    }
}
