/// How personal data is handled at ingest and how long it is kept (`Config/privacy.yaml`).
///
/// ```yaml
/// keep_originals: false   # true keeps unredacted texts in a separate table analysis and reports never read
/// retention_days: 1095    # identifiers and kept originals older than this are deleted by the quarterly run
/// public_numbers: ["112", "122", "8-800-*"]   # numbers that are never redacted (a trailing * is a prefix)
/// public_addresses: ["ул. Ленина, 5"]          # addresses of public offices that are never redacted
/// ```
public struct PrivacyConfiguration: Sendable, Hashable, Decodable {
    /// Whether the original (unredacted) text and answer are kept in the store's `record_original` table.
    public var keepOriginals: Bool
    /// Days recorded identifiers and kept originals are kept, counted from the record's receipt; `nil` keeps them.
    public var retentionDays: Int?
    /// Numbers that are never redacted: emergency and hotline numbers, organisations' lines.
    ///
    /// Separators are ignored; a trailing `*` makes the entry a prefix (`8-800-*`); `+7` and `8` are one trunk prefix.
    public var publicNumbers: [String]
    /// Addresses of public offices (МФЦ, social protection, clinics) that are never redacted, compared on their
    /// words and numbers after case folding.
    public var publicAddresses: [String]

    /// Emergency numbers, the 122 hotline and the free federal lines (8-800, 8-804): public everywhere.
    public static let standardPublicNumbers = [
        "112", "122", "100", "101", "102", "103", "104", "115", "8-800-*", "8-804-*",
    ]

    /// The default: only redacted text is stored, nothing is purged, the standard public numbers stay.
    public static let `default` = PrivacyConfiguration(keepOriginals: false)

    /// Creates a configuration.
    public init(
        keepOriginals: Bool,
        retentionDays: Int? = nil,
        publicNumbers: [String] = PrivacyConfiguration.standardPublicNumbers,
        publicAddresses: [String] = []
    ) {
        self.keepOriginals = keepOriginals
        self.retentionDays = retentionDays
        self.publicNumbers = publicNumbers
        self.publicAddresses = publicAddresses
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case keepOriginals = "keep_originals"
        case retentionDays = "retention_days"
        case publicNumbers = "public_numbers"
        case publicAddresses = "public_addresses"
    }

    /// Decodes the file, rejecting unknown keys.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        keepOriginals = try keys.decodeIfPresent(Bool.self, forKey: .keepOriginals) ?? false
        retentionDays = try keys.decodeIfPresent(Int.self, forKey: .retentionDays)
        if let days = retentionDays, days < 1 {
            throw DecodingError.dataCorruptedError(
                forKey: .retentionDays,
                in: keys,
                debugDescription: "срок хранения — целое число дней не меньше 1"
            )
        }
        publicNumbers =
            try keys.decodeIfPresent([String].self, forKey: .publicNumbers)
            ?? PrivacyConfiguration.standardPublicNumbers
        publicAddresses = try keys.decodeIfPresent([String].self, forKey: .publicAddresses) ?? []
    }
}
