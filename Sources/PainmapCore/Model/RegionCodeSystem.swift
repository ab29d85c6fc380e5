/// The code system a feed uses for its region column.
///
/// Declared per feed and never guessed: 68 of the 70 two-digit codes that КЛАДР and ОКАТО share name
/// different regions (DOMAIN.md §8).
public enum RegionCodeSystem: String, Codable, Sendable, CaseIterable {
    /// 2-digit ФИАС/КЛАДР subject code (or a longer КЛАДР id whose first two digits are the subject).
    case kladr
    /// ОКАТО code or its subject prefix (2 digits; 3–4 for autonomous okrugs).
    case okato
    /// ОКТМО code or its subject prefix.
    case oktmo
    /// The region's name («Новосибирская область», «Камчатский край»).
    case name
}
