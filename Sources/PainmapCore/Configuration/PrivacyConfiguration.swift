/// How personal data is handled at ingest (`Config/privacy.yaml`).
///
/// ```yaml
/// keep_originals: false   # true keeps unredacted texts in a separate table analysis and reports never read
/// ```
public struct PrivacyConfiguration: Sendable, Hashable, Decodable {
    /// Whether the original (unredacted) text and answer are kept in the store's `record_original` table.
    public var keepOriginals: Bool

    /// The default: only redacted text is stored.
    public static let `default` = PrivacyConfiguration(keepOriginals: false)

    /// Creates a configuration.
    public init(keepOriginals: Bool) { self.keepOriginals = keepOriginals }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case keepOriginals = "keep_originals"
    }

    /// Decodes the file, rejecting unknown keys.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        keepOriginals = try keys.decodeIfPresent(Bool.self, forKey: .keepOriginals) ?? false
    }
}
