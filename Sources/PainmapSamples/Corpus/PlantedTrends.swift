import PainmapCore

/// What happens to a pain between 2026Q2 and 2026Q3 in one region.
public enum PlantedChangeKind: String, Sendable, Codable, CaseIterable {
    /// The pain grows strongly (×3 or more).
    case grows
    /// The pain shrinks strongly (to a quarter or less).
    case shrinks
    /// The pain appears in 2026Q3 only.
    case new
    /// The pain is seen in 2026Q2 and not at all in 2026Q3.
    case vanished

    /// The Russian label used in MANIFEST.md.
    public var title: String {
        switch self {
        case .grows: return "РОСТ"
        case .shrinks: return "СНИЖЕНИЕ"
        case .new: return "НОВАЯ"
        case .vanished: return "ИСЧЕЗЛА"
        }
    }
}

/// Volume multipliers and month profiles per pain, region and quarter.
///
/// Every pain not listed here is stable: its 2026Q3 volume is the 2026Q2 volume ±15%.
enum PlantedTrends {
    struct Entry: Sendable {
        var painID: String
        var regionKladr: String
        var kind: PlantedChangeKind?
        var q2: Double
        var q3: Double
        var q2Months: [Double]
        var q3Months: [Double]
    }

    static let entries: [Entry] = [
        // Новосибирская область
        Entry(
            painID: "kindergarten.no_place_assigned",
            regionKladr: "54",
            kind: .grows,
            q2: 1,
            q3: 3.5,
            q2Months: [0.5, 1, 1.5],
            q3Months: [0.8, 2, 2]
        ),
        Entry(
            painID: "housing.heating",
            regionKladr: "54",
            kind: .shrinks,
            q2: 1.3,
            q3: 0.2,
            q2Months: [3, 2, 0.3],
            q3Months: [0, 0.2, 1]
        ),
        Entry(
            painID: "extracurricular.navigator_outage",
            regionKladr: "54",
            kind: .new,
            q2: 0,
            q3: 1.4,
            q2Months: [1, 1, 1],
            q3Months: [0, 0.1, 1]
        ),
        Entry(
            painID: "targeted_help.portal_form_error",
            regionKladr: "54",
            kind: .vanished,
            q2: 1.5,
            q3: 0,
            q2Months: [1, 1.5, 1],
            q3Months: [1, 1, 1]
        ),
        Entry(
            painID: "housing.hot_water_off",
            regionKladr: "54",
            kind: nil,
            q2: 1,
            q3: 1,
            q2Months: [0, 1, 2],
            q3Months: [2, 1.5, 0.3]
        ),
        // Камчатский край
        Entry(
            painID: "extracurricular.pfdo_certificate",
            regionKladr: "41",
            kind: .grows,
            q2: 1,
            q3: 3.5,
            q2Months: [1, 1, 1],
            q3Months: [0.3, 1, 3]
        ),
        Entry(
            painID: "job_search.benefit_delay",
            regionKladr: "41",
            kind: .shrinks,
            q2: 1.3,
            q3: 0.25,
            q2Months: [1, 1, 1],
            q3Months: [1, 0.6, 0.4]
        ),
        Entry(
            painID: "housing.hot_water_off",
            regionKladr: "41",
            kind: .new,
            q2: 0,
            q3: 2,
            q2Months: [1, 1, 1],
            q3Months: [2, 2, 0.4]
        ),
        Entry(
            painID: "kindergarten.compensation_delay",
            regionKladr: "41",
            kind: .vanished,
            q2: 1.6,
            q3: 0,
            q2Months: [1, 1, 1],
            q3Months: [1, 1, 1]
        ),
        Entry(
            painID: "extracurricular.navigator_outage",
            regionKladr: "41",
            kind: nil,
            q2: 0,
            q3: 0,
            q2Months: [1, 1, 1],
            q3Months: [1, 1, 1]
        ),
        Entry(
            painID: "housing.heating",
            regionKladr: "41",
            kind: nil,
            q2: 1,
            q3: 0.8,
            q2Months: [2, 2, 0.5],
            q3Months: [0.2, 0.3, 1]
        ),
    ]

    static func entry(painID: String, region: String) -> Entry? {
        entries.first { $0.painID == painID && $0.regionKladr == region }
    }

    /// The pain's volume multiplier in a region and quarter.
    static func multiplier(painID: String, region: String, quarter: SampleQuarter, seed: UInt64) -> Double {
        if let entry = entry(painID: painID, region: region) {
            return quarter == .q3 ? entry.q3 : entry.q2
        }
        guard quarter == .q3 else { return 1 }
        var rng = SplitMix64.derived(seed: seed, label: "trend/\(region)/\(painID)")
        return 0.85 + 0.3 * rng.unit()
    }

    /// Relative weights of the quarter's three months for the pain.
    static func monthWeights(painID: String, region: String, quarter: SampleQuarter) -> [Double] {
        guard let entry = entry(painID: painID, region: region) else { return [1, 1, 1] }
        return quarter == .q3 ? entry.q3Months : entry.q2Months
    }

    /// The planted changes (entries with a kind), in manifest order.
    static var planted: [Entry] { entries.filter { $0.kind != nil } }
}

extension SituationDefinition {
    /// The seven life situations of the sample, in output order.
    static let all: [SituationDefinition] = [
        .kindergarten, .extracurricular, .housing, .disability, .targetedHelp, .jobSearch, .largeFamily,
    ]
}
