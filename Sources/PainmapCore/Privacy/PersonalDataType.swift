/// A kind of personal data the redactor recognizes in free text (RELIABILITY.md §2).
///
/// The raw value is the stable code stored with each recorded identifier; ``placeholder`` is what replaces
/// the span in stored text, readable enough for clustering and quotes.
public enum PersonalDataType: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// A phone number (+7/8, mobile, landline, local numbers after «тел.»).
    case phone
    /// An e-mail address.
    case email
    /// СНИЛС (11 digits), also with a wrong control number.
    case snils
    /// ИНН, 12 digits (a person) or 10 digits (an organisation).
    case inn
    /// ОГРН (13 digits) or ОГРНИП (15 digits).
    case ogrn
    /// A Russian passport's series and number.
    case passport
    /// A bank card number (13–19 digits).
    case card
    /// A vehicle registration plate.
    case vehiclePlate = "vehicle_plate"
    /// A street address with a house (and flat) number.
    case address
    /// A person's name: full, two-part or with initials.
    case fullName = "full_name"
    /// A date of birth, found only beside its cue («дата рождения», «г.р.», «родился»): other dates stay.
    case birthDate = "birth_date"

    /// The text that replaces a span of this type: `[ТЕЛЕФОН]`, `[ФИО]` …
    public var placeholder: String {
        switch self {
        case .phone: "[ТЕЛЕФОН]"
        case .email: "[EMAIL]"
        case .snils: "[СНИЛС]"
        case .inn: "[ИНН]"
        case .ogrn: "[ОГРН]"
        case .passport: "[ПАСПОРТ]"
        case .card: "[КАРТА]"
        case .vehiclePlate: "[ГОСНОМЕР]"
        case .address: "[АДРЕС]"
        case .fullName: "[ФИО]"
        case .birthDate: "[ДАТА РОЖДЕНИЯ]"
        }
    }

    /// The Russian name messages use: «телефон», «СНИЛС», «ФИО» …
    public var russianName: String {
        switch self {
        case .phone: "телефон"
        case .email: "e-mail"
        case .snils: "СНИЛС"
        case .inn: "ИНН"
        case .ogrn: "ОГРН/ОГРНИП"
        case .passport: "паспорт"
        case .card: "номер карты"
        case .vehiclePlate: "госномер"
        case .address: "адрес"
        case .fullName: "ФИО"
        case .birthDate: "дата рождения"
        }
    }

    /// Whether the identifier is a number, so its normalised form is its digits only.
    public var isNumeric: Bool {
        switch self {
        case .phone, .snils, .inn, .ogrn, .passport, .card: true
        case .email, .vehiclePlate, .address, .fullName, .birthDate: false
        }
    }

    /// Orders types by declaration, for stable tables.
    public static func < (lhs: PersonalDataType, rhs: PersonalDataType) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
