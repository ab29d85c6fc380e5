/// A service bundled into a life situation, by its id in a service register (DOMAIN.md §3).
///
/// The strongest classification signal for «Ваш контроль» and portal records, which carry the ФРГУ service id.
/// Surveys give a service name instead, so an optional `name` is matched too (ignoring case, `ё` and spacing).
public struct LifeSituationService: Sendable, Hashable, Codable {
    /// The register, such as `frgu` (federal, 11 digits), `rgu` (regional, up to 19 digits) or `gu.spb.ru`.
    public var system: String
    /// The service id in that register.
    public var id: String
    /// The service's name as exports and questionnaires spell it, if known.
    public var name: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case system, id, name }

    /// Creates a service link.
    ///
    /// - Parameters:
    ///   - system: The register.
    ///   - id: The id in that register.
    ///   - name: The service's name, if known.
    public init(system: String, id: String, name: String? = nil) {
        self.system = system
        self.id = id
        self.name = name
    }

    /// Decodes `{system: frgu, id: "10001720101", name: …}`.
    ///
    /// - Throws: `DecodingError` on an unknown key or a missing `system` or `id`.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        system = try keys.decode(String.self, forKey: .system)
        id = try keys.decode(String.self, forKey: .id)
        name = try keys.decodeIfPresent(String.self, forKey: .name)
    }
}
