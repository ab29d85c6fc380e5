/// Copies of the model with every fractional number rounded to ``ReportRounding/places`` decimals, so that JSON
/// holds short, plain numbers (`0.1235`, not `0.12345678901234`) and two runs compare byte for byte even when the
/// last bits of a floating-point sum differ.
enum ReportRounding {
    /// Decimals kept in JSON: enough for a share to 0.01 % and a score to 0.0001.
    static let places = 4

    static func value(_ value: Double) -> Double { RussianNumberFormat.rounded(value, places: places) }
    static func value(_ value: Double?) -> Double? { value.map { self.value($0) } }
}

extension PainMapReport {
    /// This report with rounded numbers.
    func rounded() -> PainMapReport {
        var copy = self
        copy.totals = totals.rounded()
        copy.pains = pains.map { $0.rounded() }
        copy.other = other.map { ReportOther(count: $0.count, share: ReportRounding.value($0.share)) }
        copy.methodology.sources = methodology.sources.map { $0.rounded() }
        copy.methodology.severityClasses = methodology.severityClasses.map {
            SeverityClassNote(id: $0.id, name: $0.name, weight: ReportRounding.value($0.weight))
        }
        return copy
    }
}

extension ReportTotals {
    func rounded() -> ReportTotals {
        var copy = self
        copy.delta = delta.rounded()
        copy.byChannel = byChannel.map { $0.rounded() }
        copy.unassignedShare = ReportRounding.value(unassignedShare)
        return copy
    }
}

extension ReportPain {
    func rounded() -> ReportPain {
        var copy = self
        copy.share = ReportRounding.value(share)
        copy.byChannel = byChannel.map { $0.rounded() }
        copy.delta = delta.rounded()
        copy.dissatisfaction.share = ReportRounding.value(dissatisfaction.share)
        copy.overdue.share = ReportRounding.value(overdue.share)
        copy.priority.score = ReportRounding.value(priority.score)
        copy.priority.components.volume = ReportRounding.value(priority.components.volume)
        copy.priority.components.growth = ReportRounding.value(priority.components.growth)
        copy.priority.components.severity = ReportRounding.value(priority.components.severity)
        copy.priority.components.dissatisfaction = ReportRounding.value(priority.components.dissatisfaction)
        return copy
    }
}

extension ChannelCount {
    func rounded() -> ChannelCount {
        ChannelCount(channel: channel, name: name, count: count, share: ReportRounding.value(share))
    }
}

extension ReportDelta {
    func rounded() -> ReportDelta {
        var copy = self
        copy.relative = ReportRounding.value(relative)
        return copy
    }
}

extension IndexPain {
    func rounded() -> IndexPain {
        var copy = self
        copy.priority = ReportRounding.value(priority)
        return copy
    }
}

extension RegionIndex {
    /// This index with rounded numbers.
    func rounded() -> RegionIndex {
        var copy = self
        copy.byChannel = byChannel.map { $0.rounded() }
        copy.situations = situations.map { entry in
            var entry = entry
            entry.delta = entry.delta.rounded()
            entry.topPains = entry.topPains.map { $0.rounded() }
            return entry
        }
        return copy
    }
}

extension QuarterOverview {
    /// This overview with rounded numbers.
    func rounded() -> QuarterOverview {
        var copy = self
        copy.regions = regions.map { row in
            var row = row
            row.delta = row.delta.rounded()
            row.per10k = ReportRounding.value(row.per10k)
            row.topPain = row.topPain?.rounded()
            return row
        }
        return copy
    }
}
