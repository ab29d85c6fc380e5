public import Foundation

/// The canonical record every adapter emits (DOMAIN.md §4).
///
/// Adapters fill what their export carries; everything optional stays `nil` rather than a guess.
/// Columns a feed marks as `drop` (names, phones of the author) never reach this type.
public struct FeedbackRecord: Hashable, Sendable, Codable {
    /// The channel family.
    public var source: SourceKind
    /// The feed layout (from `Config/feeds.yaml`) the record was read with.
    public var feed: String
    /// The id the source system gave the record, when it has one.
    public var sourceRecordID: String?
    /// When the record was received, as an absolute instant.
    public var receivedAt: Date
    /// When it was answered, if known.
    public var answeredAt: Date?
    /// The answer deadline, if the source has one.
    public var deadlineAt: Date?
    /// The 2-digit ФИАС/КЛАДР subject code.
    public var region: String
    /// The region value exactly as the export spelled it.
    public var regionRaw: String
    /// The code system the feed declared for `regionRaw`.
    public var regionCodeSystem: RegionCodeSystem
    /// The quarter of `receivedAt` in the region's time zone.
    public var quarter: Quarter
    /// Municipality name, if given.
    public var municipality: String?
    /// 8-digit ОКТМО, if given.
    public var oktmo: String?
    /// Category as the source spelled it.
    public var categoryRaw: String?
    /// Subcategory as the source spelled it.
    public var subcategoryRaw: String?
    /// A classifier code such as a ТОТК code `0005.0005.0056.1149`.
    public var categoryCode: String?
    /// The citizen's text (empty for ratings without a comment).
    public var text: String
    /// The organisation's answer, never quoted in reports.
    public var answerText: String?
    /// Status as the source spelled it.
    public var statusRaw: String?
    /// The normalized status, when the feed maps `statusRaw`.
    public var status: RecordStatus?
    /// The responsible organisation's name.
    public var organization: String?
    /// The organisation's id (ПОС `opaId`, ОГРН).
    public var organizationID: String?
    /// ФРГУ (or regional) authority id.
    public var authorityID: String?
    /// ФРГУ (or regional) service id.
    public var serviceID: String?
    /// The service name as the source gave it.
    public var serviceName: String?
    /// ФРГУ procedure id.
    public var procedureID: String?
    /// Sub-channel, such as `epgu_form`, `widget`, `vk`, `app`, `122`, `site` or `mfc`.
    public var channel: String?
    /// Whether the message falls under 59-ФЗ (decides the deadline regime).
    public var is59FZ: Bool?
    /// Scores on the 1–5 scale (МКГУ indicators, survey Likert questions).
    public var ratings: [CriterionScore]
    /// A life situation the source names explicitly (surveys ask for it).
    public var lifeSituationHint: String?

    /// Creates a record with the required fields; the rest default to empty.
    public init(
        source: SourceKind,
        feed: String,
        receivedAt: Date,
        region: String,
        regionRaw: String,
        regionCodeSystem: RegionCodeSystem,
        quarter: Quarter,
        text: String
    ) {
        self.source = source
        self.feed = feed
        self.receivedAt = receivedAt
        self.region = region
        self.regionRaw = regionRaw
        self.regionCodeSystem = regionCodeSystem
        self.quarter = quarter
        self.text = text
        self.ratings = []
    }

    /// The key that identifies the same record across exports of one source.
    ///
    /// The source's own id when it has one; otherwise a digest of the received instant, channel and
    /// text, so the same row exported twice collapses and a changed text counts as a new record.
    public var naturalKey: String {
        if let id = sourceRecordID, !id.isEmpty { return "id:" + id }
        let basis = "\(Int(receivedAt.timeIntervalSince1970))\u{1F}\(channel ?? "")\u{1F}\(region)\u{1F}\(text)"
        return "h:" + SHA256.hex(of: Array(basis.utf8))
    }

    /// A 64-bit fingerprint of every stored field, used to tell an unchanged re-export from an update.
    ///
    /// A word-at-a-time multiply-xor hash over the fields with separators: cheap enough for a million
    /// rows, and a collision would only make one update count as a duplicate.
    public var contentFingerprint: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String?) {
            if var text {
                text.withUTF8 { bytes in
                    // Eight bytes at a time; the tail byte by byte.
                    var index = 0
                    while index + 8 <= bytes.count {
                        var word: UInt64 = 0
                        for shift in 0..<8 { word |= UInt64(bytes[index + shift]) << UInt64(shift * 8) }
                        hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
                        hash ^= hash >> 29
                        index += 8
                    }
                    while index < bytes.count {
                        hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3
                        index += 1
                    }
                }
            }
            hash ^= 0x1F
            hash &*= 0x0000_0100_0000_01b3
        }
        func mix(_ date: Date?) {
            var bits = date?.timeIntervalSince1970.bitPattern ?? 0x7FF8_0000_0000_0001
            for _ in 0..<8 {
                hash ^= bits & 0xFF
                hash &*= 0x0000_0100_0000_01b3
                bits >>= 8
            }
        }
        mix(source.rawValue)
        mix(sourceRecordID)
        mix(receivedAt)
        mix(answeredAt)
        mix(deadlineAt)
        for field in [region, regionRaw, regionCodeSystem.rawValue, quarter.description] { mix(field) }
        for field in [municipality, oktmo, categoryRaw, subcategoryRaw, categoryCode] { mix(field) }
        mix(text)
        for field in [answerText, statusRaw, status?.rawValue, organization, organizationID, authorityID] { mix(field) }
        for field in [serviceID, serviceName, procedureID, channel, lifeSituationHint] { mix(field) }
        mix(is59FZ.map { $0 ? "1" : "0" })
        for rating in ratings {
            mix(rating.criterion.rawValue)
            hash ^= UInt64(rating.score)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
