import PainmapCore

/// The feedback channels of the sample tree.
enum SampleChannel: String, Sendable, CaseIterable {
    case pos, site, hotline, portal, survey
}

/// One message to generate: its meaning, time and place.
struct PlannedMessage: Sendable {
    var situation: SituationDefinition?
    var pain: PainDefinition?
    var date: LocalDateTime
    var municipality: SampleMunicipality

    var isNoise: Bool { pain == nil }
}

/// Decides how many messages of each pain a file gets and when they were written.
///
/// Volumes are allocated, not sampled: expected counts (base × situation weight × pain weight ×
/// planted multiplier × channel affinity) are rounded by largest remainder, so the planted
/// Q2→Q3 changes hold exactly for every seed. Every situation gets at least one message per
/// channel, region and quarter.
struct MessagePlanner {
    var seed: UInt64
    var scale: Double

    static func baseVolume(_ channel: SampleChannel, region: String) -> Int {
        let big = region == "54"
        switch channel {
        case .pos: return big ? 620 : 330
        case .hotline: return big ? 210 : 120
        case .site: return big ? 150 : 85
        case .portal: return big ? 140 : 80
        case .survey: return big ? 80 : 45
        }
    }

    static func noiseShare(_ channel: SampleChannel) -> Double {
        switch channel {
        case .pos: return 0.05
        case .hotline: return 0.06
        case .site: return 0.03
        case .portal, .survey: return 0
        }
    }

    static func affinity(_ channel: SampleChannel, _ stage: JourneyStage) -> Double {
        switch (channel, stage) {
        case (.hotline, .information): return 1.8
        case (.hotline, .booking): return 1.2
        case (.site, .appeal): return 1.5
        case (.site, .review): return 1.3
        default: return 1
        }
    }

    func painWeight(
        _ situation: SituationDefinition,
        _ pain: PainDefinition,
        channel: SampleChannel,
        region: String,
        quarter: SampleQuarter
    ) -> Double {
        situation.weight * pain.weight * Self.affinity(channel, pain.stage)
            * PlantedTrends.multiplier(painID: situation.painID(pain), region: region, quarter: quarter, seed: seed)
    }

    /// Plans the pain-bearing and noise messages of one text channel file set.
    func plan(_ channel: SampleChannel, region: SampleRegion, quarter: SampleQuarter) -> [PlannedMessage] {
        var rng = SplitMix64.derived(seed: seed, label: "plan/\(channel.rawValue)/\(region.kladr)/\(quarter.label)")
        var pairs: [(SituationDefinition, PainDefinition)] = []
        for situation in SituationDefinition.all {
            for pain in situation.pains { pairs.append((situation, pain)) }
        }
        let base = Double(Self.baseVolume(channel, region: region.kladr)) * scale
        let q2Total = pairs.reduce(0.0) {
            $0 + painWeight($1.0, $1.1, channel: channel, region: region.kladr, quarter: .q2)
        }
        let factor = q2Total > 0 ? base / q2Total : 0
        let expected = pairs.map {
            factor * painWeight($0.0, $0.1, channel: channel, region: region.kladr, quarter: quarter)
        }
        var counts = Self.largestRemainder(expected)
        // Every situation at least once per file set.
        for situation in SituationDefinition.all {
            let indices = pairs.indices.filter { pairs[$0].0.id == situation.id }
            guard indices.allSatisfy({ counts[$0] == 0 }) else { continue }
            if let best = indices.filter({ expected[$0] > 0 }).max(by: { expected[$0] < expected[$1] }) ?? indices.first
            {
                counts[best] = 1
            }
        }
        var messages: [PlannedMessage] = []
        for (index, pair) in pairs.enumerated() where counts[index] > 0 {
            let months = PlantedTrends.monthWeights(
                painID: pair.0.painID(pair.1),
                region: region.kladr,
                quarter: quarter
            )
            for _ in 0..<counts[index] {
                messages.append(
                    PlannedMessage(
                        situation: pair.0,
                        pain: pair.1,
                        date: date(channel, quarter: quarter, monthWeights: months, &rng),
                        municipality: municipality(region, &rng)
                    )
                )
            }
        }
        let noise = Int((Double(messages.count) * Self.noiseShare(channel)).rounded())
        for _ in 0..<noise {
            messages.append(
                PlannedMessage(
                    situation: nil,
                    pain: nil,
                    date: date(channel, quarter: quarter, monthWeights: [1, 1, 1], &rng),
                    municipality: municipality(region, &rng)
                )
            )
        }
        rng.shuffle(&messages)
        return messages.enumerated().sorted { lhs, rhs in
            lhs.element.date == rhs.element.date ? lhs.offset < rhs.offset : lhs.element.date < rhs.element.date
        }.map(\.element)
    }

    /// Picks a pain of `situation` for a rating or survey comment written in `region` on `date`, honouring planted
    /// trends.
    func pickPain(
        in situation: SituationDefinition,
        region: SampleRegion,
        quarter: SampleQuarter,
        on date: LocalDateTime,
        _ rng: inout SplitMix64
    ) -> PainDefinition? {
        let region = region.kladr
        let month = date.month
        let weights = situation.pains.map { pain -> Double in
            let id = situation.painID(pain)
            let months = PlantedTrends.monthWeights(painID: id, region: region, quarter: quarter)
            let monthIndex = quarter.months.firstIndex(of: month) ?? 0
            return pain.weight * PlantedTrends.multiplier(painID: id, region: region, quarter: quarter, seed: seed)
                * months[monthIndex]
        }
        guard weights.contains(where: { $0 > 0 }) else { return nil }
        return situation.pains[rng.weightedIndex(weights)]
    }

    static func largestRemainder(_ expected: [Double]) -> [Int] {
        let total = Int(expected.reduce(0, +).rounded())
        var counts = expected.map { Int($0.rounded(.down)) }
        var remaining = total - counts.reduce(0, +)
        let order = expected.indices.sorted { lhs, rhs in
            let a = expected[lhs] - expected[lhs].rounded(.down)
            let b = expected[rhs] - expected[rhs].rounded(.down)
            return a == b ? lhs < rhs : a > b
        }
        var cursor = 0
        while remaining > 0, !order.isEmpty {
            counts[order[cursor % order.count]] += 1
            remaining -= 1
            cursor += 1
        }
        return counts
    }

    private static let citizenHours: [Double] = [
        1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 4, 6, 7, 7, 6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 3, 2,
    ]
    private static let hotlineHours: [Double] = [
        0, 0, 0, 0, 0, 0, 0, 0, 3, 6, 7, 7, 6, 6, 6, 6, 6, 5, 4, 2, 1, 0, 0, 0,
    ]
    private static let officeHours: [Double] = [0, 0, 0, 0, 0, 0, 0, 0, 4, 7, 7, 7, 5, 6, 7, 7, 6, 4, 2, 1, 0, 0, 0, 0]

    func date(
        _ channel: SampleChannel,
        quarter: SampleQuarter,
        monthWeights: [Double],
        _ rng: inout SplitMix64
    ) -> LocalDateTime {
        let month = quarter.months[rng.weightedIndex(monthWeights)]
        let day = rng.int(in: 1...LocalDateTime.daysIn(month: month, year: quarter.year))
        let hours: [Double]
        switch channel {
        case .hotline: hours = Self.hotlineHours
        case .portal, .survey: hours = Self.officeHours
        case .pos, .site: hours = Self.citizenHours
        }
        return LocalDateTime(
            year: quarter.year,
            month: month,
            day: day,
            hour: rng.weightedIndex(hours),
            minute: rng.below(60)
        )
    }

    func municipality(_ region: SampleRegion, _ rng: inout SplitMix64) -> SampleMunicipality {
        region.municipalities[rng.weightedIndex(region.municipalities.map(\.weight))]
    }
}
