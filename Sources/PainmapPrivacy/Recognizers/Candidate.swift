/// A span a recognizer proposes; the redactor keeps the non-overlapping ones by priority.
import PainmapCore

struct Candidate {
    var type: PersonalDataType
    var start: Int
    var end: Int

    /// Structured identifiers beat plates, plates beat addresses, addresses beat names (a street named after a
    /// person stays an address).
    var priority: Int {
        switch type {
        case .email: 9
        case .card, .snils, .inn, .ogrn, .passport: 8
        case .phone: 7
        case .vehiclePlate: 6
        case .address: 5
        case .fullName: 4
        case .birthDate: 7
        }
    }
}
