/// A federal subject of Russia, keyed by its 2-digit ФИАС/КЛАДР code.
public struct Region: Hashable, Sendable, Codable {
    /// 2-digit ФИАС/КЛАДР subject code, for example `54`.
    public let code: String
    /// Short name, for example «Новосибирская».
    public let name: String
    /// Full name as reports print it, for example «Новосибирская область».
    public let fullName: String
    /// Significant ОКАТО prefix (trailing zeros removed, at least 2 digits), for example `50`, `111` for НАО.
    public let okatoPrefix: String?
    /// Significant ОКТМО prefix, for example `50`.
    public let oktmoPrefix: String?
    /// Offset of the region's time zone from UTC, in hours (Russian regions keep no daylight saving time).
    public let utcOffsetHours: Int
    /// Other spellings accepted for `name` feeds («Новосибирская обл.», «НСО»).
    public let aliases: [String]
    /// Resident population, when known, for per-10k figures.
    public let population: Int?

    /// Creates a region.
    public init(
        code: String,
        name: String,
        fullName: String,
        okatoPrefix: String?,
        oktmoPrefix: String?,
        utcOffsetHours: Int,
        aliases: [String] = [],
        population: Int? = nil
    ) {
        self.code = code
        self.name = name
        self.fullName = fullName
        self.okatoPrefix = okatoPrefix
        self.oktmoPrefix = oktmoPrefix
        self.utcOffsetHours = utcOffsetHours
        self.aliases = aliases
        self.population = population
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name
        case fullName = "full_name"
        case okatoPrefix = "okato"
        case oktmoPrefix = "oktmo"
        case utcOffsetHours = "utc_offset_hours"
        case aliases, population, source
    }

    /// Decodes a region entry of `Config/regions.yaml`.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        code = try keys.decode(String.self, forKey: .code)
        name = try keys.decode(String.self, forKey: .name)
        fullName = try keys.decodeIfPresent(String.self, forKey: .fullName) ?? name
        okatoPrefix = try keys.decodeIfPresent(String.self, forKey: .okatoPrefix)
        oktmoPrefix = try keys.decodeIfPresent(String.self, forKey: .oktmoPrefix)
        utcOffsetHours = try keys.decode(Int.self, forKey: .utcOffsetHours)
        aliases = try keys.decodeIfPresent([String].self, forKey: .aliases) ?? []
        population = try keys.decodeIfPresent(Int.self, forKey: .population)
    }

    /// Encodes the region in the `Config/regions.yaml` shape.
    public func encode(to encoder: any Encoder) throws {
        var keys = encoder.container(keyedBy: CodingKeys.self)
        try keys.encode(code, forKey: .code)
        try keys.encode(name, forKey: .name)
        try keys.encode(fullName, forKey: .fullName)
        try keys.encodeIfPresent(okatoPrefix, forKey: .okatoPrefix)
        try keys.encodeIfPresent(oktmoPrefix, forKey: .oktmoPrefix)
        try keys.encode(utcOffsetHours, forKey: .utcOffsetHours)
        try keys.encode(aliases, forKey: .aliases)
        try keys.encodeIfPresent(population, forKey: .population)
    }
}
