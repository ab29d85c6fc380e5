import Foundation
import PainmapCore
import PainmapReports

/// Figures computed over a set of records: per channel, per stage, dissatisfaction, overdue answers, organisations.
struct PainMetrics {
    /// Records per channel, every channel listed, in channel order, with shares of `records.count`.
    static func byChannel(_ records: [FeedbackRecord]) -> [ChannelCount] {
        var counts: [SourceKind: Int] = [:]
        for record in records { counts[record.source, default: 0] += 1 }
        return channelCounts(counts, total: records.count)
    }

    /// Complaints per channel, every channel listed, in channel order, with shares of `records.count`: a record
    /// counts under its own channel and under the channels of the records folded into it (`folded`, by record id),
    /// once per channel.
    static func byChannel(_ records: some Collection<ClassifiedRecord>, folded: [RecordID: [SourceKind]])
        -> [ChannelCount]
    {
        var counts: [SourceKind: Int] = [:]
        for item in records {
            guard let other = folded[item.id] else {
                counts[item.record.source, default: 0] += 1
                continue
            }
            var channels: Set<SourceKind> = [item.record.source]
            channels.formUnion(other)
            for channel in channels { counts[channel, default: 0] += 1 }
        }
        return channelCounts(counts, total: records.count)
    }

    /// Channel counts in channel order with shares of `total`.
    static func channelCounts(_ counts: [SourceKind: Int], total: Int) -> [ChannelCount] {
        SourceKind.allCases.map { source in
            let count = counts[source] ?? 0
            return ChannelCount(
                channel: source.rawValue,
                name: source.russianName,
                count: count,
                share: total > 0 ? Double(count) / Double(total) : 0
            )
        }
    }

    /// Records whose lowest score is 1 or 2, among records that carry any score (МКГУ, surveys).
    static func dissatisfaction(_ records: some Sequence<FeedbackRecord>) -> RateShare {
        var rated = 0
        var dissatisfied = 0
        for record in records where !record.ratings.isEmpty {
            rated += 1
            if record.ratings.contains(where: \.isDissatisfied) { dissatisfied += 1 }
        }
        return RateShare(count: dissatisfied, base: rated)
    }

    /// Records answered after their deadline, or still unanswered when the deadline passed before `reference`,
    /// among records that carry a deadline.
    static func overdue(_ records: [FeedbackRecord], reference: Date) -> RateShare {
        let withDeadline = records.filter { $0.deadlineAt != nil }
        let late = withDeadline.filter { record in
            guard let deadline = record.deadlineAt else { return false }
            if let answered = record.answeredAt { return answered > deadline }
            return deadline < reference
        }
        return RateShare(count: late.count, base: withDeadline.count)
    }

    /// The organisations named most often (at most `limit`), most frequent first, ties by name.
    static func organizations(_ records: [FeedbackRecord], limit: Int = 3) -> [NamedCount] {
        // Names repeat (a region has a few hundred organisations): each distinct name as stored is trimmed once, in
        // the order of first appearance, so the counts and their keys are those of trimming record by record.
        var stored: [String: Int] = [:]
        var order: [String] = []
        for record in records {
            guard let name = record.organization else { continue }
            if let known = stored[name] {
                stored[name] = known + 1
            } else {
                stored[name] = 1
                order.append(name)
            }
        }
        var counts: [String: Int] = [:]
        for raw in order {
            let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if !name.isEmpty { counts[name, default: 0] += stored[raw] ?? 0 }
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { NamedCount(name: $0.key, count: $0.value) }
    }

    /// Records per stage, largest first, ties in journey order; stages without records left out.
    static func stageDistribution(_ stages: [String], order: [String: Int]) -> [StageCount] {
        var counts: [String: Int] = [:]
        for stage in stages { counts[stage, default: 0] += 1 }
        return counts.sorted {
            $0.value != $1.value
                ? $0.value > $1.value : (order[$0.key] ?? .max, $0.key) < (order[$1.key] ?? .max, $1.key)
        }.map { StageCount(stage: $0.key, count: $0.value) }
    }

    /// The first moment after a quarter in a region's local time: the reference for «unanswered and overdue».
    static func quarterEnd(_ quarter: Quarter, utcOffsetHours: Int) -> Date {
        let next = quarter.next
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: utcOffsetHours * 3600) ?? .gmt
        return calendar.date(from: DateComponents(year: next.year, month: next.months.lowerBound, day: 1))
            ?? Date(timeIntervalSince1970: 0)
    }

    /// The quarter's dates as reports print them, such as `1 июля – 30 сентября 2026 г.`.
    static func period(_ quarter: Quarter) -> String {
        let months = [
            "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
            "декабря",
        ]
        let lastDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let first = quarter.months.lowerBound
        let last = quarter.months.upperBound
        return "1 \(months[first - 1]) – \(lastDays[last - 1]) \(months[last - 1]) \(quarter.year) г."
    }

    /// A record's date in the region's local time, `YYYY-MM-DD`.
    static func localDate(_ date: Date, utcOffsetHours: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: utcOffsetHours * 3600) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))"
    }
}
