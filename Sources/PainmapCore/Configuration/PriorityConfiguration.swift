/// How pains are ranked and when one is only a «сигнал» (`Config/priority.yaml`, DOMAIN.md §2.5).
///
/// `priority = volume × growth × severity × dissatisfaction`, with
/// `volume = ln(1 + n)`, `growth = 1 + min(growth_cap, max(0, (n − n_prev) / max(n_prev, 1)))`,
/// `severity` = the weight of the pain's severity class and `dissatisfaction = 0.5 + p̂`, where p̂ is the pain's share
/// of 1–2 scores shrunk towards its life situation's share: `p̂ = (k + m·p₀) / (n + m)` for `k` low scores among `n`
/// rated records, the situation's share `p₀` and the prior strength `m` (``dissatisfactionPriorRatings``). So one
/// rating moves p̂ by at most `1 / (1 + m)`, and a pain with no ratings gets its situation's share.
/// Reports print every factor, so an analyst can dispute one.
///
/// ```yaml
/// growth_cap: 2
/// default_class: convenience
/// severity_classes:
///   - {id: safety, name: Угроза жизни и здоровью, weight: 3, keywords: [отопление, авария]}
///   - {id: convenience, name: Информирование и удобство, weight: 1}
/// signal: {min_records: 5, min_records_new: 10}
/// trend_quarters: 4
/// dissatisfaction_prior_ratings: 10
/// ```
public struct PriorityConfiguration: Sendable, Hashable, Codable {
    /// The largest growth fraction that still raises the priority (default 2: at most ×3).
    public var growthCap: Double
    /// Severity classes, strongest first as the file lists them.
    public var severityClasses: [SeverityClass]
    /// The class of a pain whose words match no class.
    public var defaultClass: String
    /// When a pain is only a «сигнал».
    public var signal: SignalRule
    /// How many quarters the trend chart shows, the report's included (default 4).
    public var trendQuarters: Int
    /// The prior's weight in ratings when a pain's share of 1–2 scores is shrunk towards its situation's (default 10).
    public var dissatisfactionPriorRatings: Double

    /// The built-in policy used when `Config/priority.yaml` is absent: one neutral class.
    public static let builtIn = PriorityConfiguration()

    /// Creates a policy.
    public init(
        growthCap: Double = 2,
        severityClasses: [SeverityClass] = [
            SeverityClass(id: "convenience", name: "Информирование и удобство", weight: 1, keywords: [])
        ],
        defaultClass: String = "convenience",
        signal: SignalRule = SignalRule(),
        trendQuarters: Int = 4,
        dissatisfactionPriorRatings: Double = 10
    ) {
        self.growthCap = growthCap
        self.severityClasses = severityClasses
        self.defaultClass = defaultClass
        self.signal = signal
        self.trendQuarters = trendQuarters
        self.dissatisfactionPriorRatings = dissatisfactionPriorRatings
    }

    /// A pain's share of 1–2 scores shrunk towards its situation's: `(k + m·p₀) / (n + m)`.
    ///
    /// - Parameters:
    ///   - count: The pain's records rated 1–2 (`k`).
    ///   - base: The pain's rated records (`n`).
    ///   - prior: The situation's share of 1–2 scores among its rated records (`p₀`), 0 when none is rated.
    /// - Returns: The estimate in `0 ... 1`.
    public func shrunkDissatisfaction(count: Int, base: Int, prior: Double) -> Double {
        let weight = max(0, dissatisfactionPriorRatings)
        let total = Double(base) + weight
        return total > 0 ? (Double(count) + weight * prior) / total : prior
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case growthCap = "growth_cap"
        case severityClasses = "severity_classes"
        case defaultClass = "default_class"
        case signal
        case trendQuarters = "trend_quarters"
        case dissatisfactionPriorRatings = "dissatisfaction_prior_ratings"
    }

    /// Decodes the file; missing keys keep their defaults.
    ///
    /// - Throws: `DecodingError` on an unknown key, a negative cap, no classes, an unknown default class, or fewer
    ///   than 2 trend quarters.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = PriorityConfiguration()
        growthCap = try keys.decodeIfPresent(Double.self, forKey: .growthCap) ?? defaults.growthCap
        severityClasses =
            try keys.decodeIfPresent([SeverityClass].self, forKey: .severityClasses) ?? defaults.severityClasses
        defaultClass = try keys.decodeIfPresent(String.self, forKey: .defaultClass) ?? severityClasses.last?.id ?? ""
        signal = try keys.decodeIfPresent(SignalRule.self, forKey: .signal) ?? defaults.signal
        trendQuarters = try keys.decodeIfPresent(Int.self, forKey: .trendQuarters) ?? defaults.trendQuarters
        dissatisfactionPriorRatings =
            try keys.decodeIfPresent(Double.self, forKey: .dissatisfactionPriorRatings)
            ?? defaults.dissatisfactionPriorRatings
        guard dissatisfactionPriorRatings >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .dissatisfactionPriorRatings,
                in: keys,
                debugDescription: "не может быть отрицательным"
            )
        }
        guard growthCap >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .growthCap,
                in: keys,
                debugDescription: "не может быть отрицательным"
            )
        }
        guard !severityClasses.isEmpty else {
            throw DecodingError.dataCorruptedError(
                forKey: .severityClasses,
                in: keys,
                debugDescription: "нужен хотя бы один класс"
            )
        }
        guard severityClasses.contains(where: { $0.id == defaultClass }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .defaultClass,
                in: keys,
                debugDescription:
                    "класс «\(defaultClass)» не описан в severity_classes; допустимые: \(severityClasses.map(\.id).joined(separator: ", "))"
            )
        }
        guard Set(severityClasses.map(\.id)).count == severityClasses.count else {
            throw DecodingError.dataCorruptedError(
                forKey: .severityClasses,
                in: keys,
                debugDescription: "id классов повторяются"
            )
        }
        guard trendQuarters >= 2 else {
            throw DecodingError.dataCorruptedError(
                forKey: .trendQuarters,
                in: keys,
                debugDescription: "должно быть не меньше 2"
            )
        }
    }

    /// The class with an id.
    public func severityClass(id: String) -> SeverityClass? { severityClasses.first { $0.id == id } }
}

/// One severity class of pains: its weight in the priority and the words that put a pain in it.
public struct SeverityClass: Sendable, Hashable, Codable {
    /// A stable id, such as `safety`.
    public var id: String
    /// The Russian name reports print.
    public var name: String
    /// The factor in the priority (greater than 0).
    public var weight: Double
    /// Words and phrases (matched on stems, like life-situation keywords) that put a pain in this class.
    public var keywords: [String]

    /// Creates a class.
    public init(id: String, name: String, weight: Double, keywords: [String]) {
        self.id = id
        self.name = name
        self.weight = weight
        self.keywords = keywords
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, weight, keywords
    }

    /// Decodes a class; `keywords` may be omitted.
    ///
    /// - Throws: `DecodingError` on an unknown key or a weight not above 0.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        id = try keys.decode(String.self, forKey: .id)
        name = try keys.decode(String.self, forKey: .name)
        weight = try keys.decode(Double.self, forKey: .weight)
        keywords = try keys.decodeIfPresent([String].self, forKey: .keywords) ?? []
        guard weight > 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .weight,
                in: keys,
                debugDescription: "вес должен быть больше 0"
            )
        }
    }
}

/// When a pain is marked «сигнал» instead of «боль»: too small, or new and still small.
public struct SignalRule: Sendable, Hashable, Codable {
    /// Any pain with fewer records is a signal (default 5).
    public var minimumRecords: Int
    /// A new pain (not seen last quarter) with fewer records is a signal (default 10).
    public var minimumRecordsNew: Int

    /// Creates the rule.
    public init(minimumRecords: Int = 5, minimumRecordsNew: Int = 10) {
        self.minimumRecords = minimumRecords
        self.minimumRecordsNew = minimumRecordsNew
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case minimumRecords = "min_records"
        case minimumRecordsNew = "min_records_new"
    }

    /// Decodes the rule; missing keys keep their defaults.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        minimumRecords = try keys.decodeIfPresent(Int.self, forKey: .minimumRecords) ?? 5
        minimumRecordsNew = try keys.decodeIfPresent(Int.self, forKey: .minimumRecordsNew) ?? 10
    }

    /// Whether a pain of `count` records is a signal.
    public func isSignal(count: Int, isNew: Bool) -> Bool {
        count < minimumRecords || (isNew && count < minimumRecordsNew)
    }
}
