public import PainmapCore
public import PainmapReports

/// Puts the analysts' decisions on a report model: the same pure function after a run and after `painmap render`,
/// so both give the same bytes for the same decisions.
///
/// On a pain of quarter Q the decision made in Q applies; without one, the latest decision on the same pain (same
/// life situation and id, which the cross-quarter matching keeps) in an earlier quarter is carried: status,
/// responsible body, solution, due date, title and merges — or, for a pain that split off a previous pain and took a
/// new id (``ReportPain/predecessorID``), the latest earlier decision on that predecessor. A carried «не боль» only proposes «не боль» (the pain is
/// still counted); a carried «решена» on a pain that is present and not smaller than before is flagged «вернулась».
/// A pain marked «не боль» in Q leaves the ranking and is listed in «Исключено при разборе»; a merged pain's counts
/// join its target's; a decision of Q whose pain the run no longer found is listed «требует пересмотра».
public struct DecisionOverlay: Sendable {
    /// Every stored decision of the region, any quarter.
    public let decisions: [PainDecision]

    /// Creates an overlay over a region's decisions.
    public init(decisions: [PainDecision]) { self.decisions = decisions.filter(\.isDecided) }

    /// Whether there is nothing to apply.
    public var isEmpty: Bool { decisions.isEmpty }

    /// The report with the decisions applied.
    public func apply(to report: PainMapReport) -> PainMapReport {
        guard !decisions.isEmpty, let quarter = Quarter(report.quarter) else { return report }
        let prefix = report.lifeSituation.id + "/"
        var own: [String: PainDecision] = [:]
        var earlier: [String: PainDecision] = [:]
        for decision in decisions where decision.key.painID.hasPrefix(prefix) {
            let id = String(decision.key.painID.dropFirst(prefix.count))
            if decision.key.quarter == quarter {
                own[id] = decision
            } else if decision.key.quarter < quarter,
                earlier[id].map({ $0.key.quarter < decision.key.quarter }) ?? true
            {
                earlier[id] = decision
            }
        }
        var result = report
        var excluded: [ExcludedPain] = []
        var pains: [ReportPain] = []
        var merges: [(source: ReportPain, target: String)] = []
        for pain in report.pains {
            let decision = own[pain.id] ?? earlier[pain.id] ?? pain.predecessorID.flatMap { earlier[$0] }
            guard let decision else {
                pains.append(pain)
                continue
            }
            let carried = decision.key.quarter != quarter
            if decision.isJunk && !carried {
                excluded.append(
                    ExcludedPain(
                        id: pain.id,
                        title: decision.title ?? pain.title,
                        count: pain.count,
                        reason: decision.junkReason ?? "",
                        decidedBy: decision.updatedBy ?? "",
                        decidedAt: decision.updatedAt ?? ""
                    )
                )
                continue
            }
            var decided = pain
            if let title = decision.title { decided.title = title }
            decided.proposedSolution = decision.solution ?? ""
            decided.review = PainReview(
                status: decision.status.rawValue,
                statusName: decision.status.russianName,
                responsibleBody: decision.responsibleBody,
                dueDate: decision.dueDate,
                version: carried ? 0 : decision.version,
                carriedFrom: carried ? decision.key.quarter.description : nil,
                returned: carried && decision.status == .resolved && pain.status != .vanished && pain.count > 0
                    && (pain.previousCount == 0 || pain.count > pain.previousCount),
                proposedJunk: carried && decision.isJunk
            )
            if let target = decision.mergedInto?.dropFirst(prefix.count), target != pain.id,
                report.pains.contains(where: { $0.id == target })
            {
                merges.append((decided, String(target)))
                continue
            }
            pains.append(decided)
        }
        for (source, target) in merges {
            guard let index = pains.firstIndex(where: { $0.id == target }) else {
                pains.append(source)
                continue
            }
            pains[index] = Self.merge(source, into: pains[index], total: report.totals.count)
        }
        var rank = 0
        for index in pains.indices where pains[index].rank != nil {
            rank += 1
            pains[index].rank = rank
        }
        result.trend = Self.trend(
            report.trend,
            of: report,
            pains: pains,
            merges: merges.map { ($0.source.id, $0.target) }
        )
        let present = Set(report.pains.map(\.id))
        let gone = own.filter { !present.contains($0.key) && $0.value.splitFrom == nil }.sorted { $0.key < $1.key }
        result.pains = pains
        result.excluded = excluded.isEmpty ? nil : excluded
        result.needsReview =
            gone.isEmpty
            ? nil
            : gone.map { id, decision in
                ExcludedPain(
                    id: id,
                    title: decision.title ?? id,
                    count: 0,
                    reason: "требует пересмотра: повторный запуск не нашёл эту боль (статус «"
                        + decision.status.russianName + "»)",
                    decidedBy: decision.updatedBy ?? "",
                    decidedAt: decision.updatedAt ?? ""
                )
            }
        return result
    }

    /// The region's index with each situation's pain count and top pains taken from the decided reports.
    public func apply(to index: RegionIndex, reports: [PainMapReport]) -> RegionIndex {
        guard !decisions.isEmpty else { return index }
        var result = index
        for (position, entry) in index.situations.enumerated() {
            guard let report = reports.first(where: { $0.lifeSituation.id == entry.lifeSituation.id }) else {
                continue
            }
            let active = report.pains.filter { $0.status != .vanished }
            result.situations[position].painCount = active.count
            result.situations[position].topPains = active.prefix(3).map(IndexPain.init)
        }
        return result
    }

    /// The trend chart of the decided pains: a series whose pain left the ranking (junked, merged into another) is
    /// dropped; the others take their pain's decided title, its counts of the report's quarter and the previous one
    /// (after merges: recomputed from the merged records, as the table shows them) and, for earlier quarters, their
    /// own stored counts plus those of the pains merged into them that the chart drew.
    static func trend(
        _ trend: ReportTrend,
        of report: PainMapReport,
        pains: [ReportPain],
        merges: [(source: String, target: String)]
    ) -> ReportTrend {
        let current = trend.quarters.lastIndex(of: report.quarter)
        let previous = trend.quarters.lastIndex(of: report.previousQuarter)
        let drawn = Dictionary(trend.series.map { ($0.painID, $0) }, uniquingKeysWith: { first, _ in first })
        var result = trend
        result.series = trend.series.compactMap { series in
            guard let pain = pains.first(where: { $0.id == series.painID }) else { return nil }
            var decided = series
            decided.title = pain.title
            for (source, target) in merges where target == pain.id {
                guard let merged = drawn[source] else { continue }
                for index in decided.counts.indices where index < merged.counts.count {
                    decided.counts[index] += merged.counts[index]
                }
            }
            if let current, current < decided.counts.count { decided.counts[current] = pain.count }
            if let previous, previous < decided.counts.count { decided.counts[previous] = pain.previousCount }
            return decided
        }
        return result
    }

    /// `target` with `source`'s records added: counts, channels, previous count, rates and organisations summed;
    /// its priority factors, quotes and stage stay the target's.
    static func merge(_ source: ReportPain, into target: ReportPain, total: Int) -> ReportPain {
        var merged = target
        merged.count = target.count + source.count
        merged.share = total > 0 ? Double(merged.count) / Double(total) : 0
        merged.previousCount = target.previousCount + source.previousCount
        merged.delta = ReportDelta(current: merged.count, previous: merged.previousCount)
        var channels = target.byChannel
        for channel in source.byChannel {
            if let index = channels.firstIndex(where: { $0.channel == channel.channel }) {
                channels[index].count += channel.count
            } else {
                channels.append(channel)
            }
        }
        merged.byChannel = channels.map {
            ChannelCount(
                channel: $0.channel,
                name: $0.name,
                count: $0.count,
                share: merged.count > 0 ? Double($0.count) / Double(merged.count) : 0
            )
        }
        merged.dissatisfaction = RateShare(
            count: target.dissatisfaction.count + source.dissatisfaction.count,
            base: target.dissatisfaction.base + source.dissatisfaction.base
        )
        merged.overdue = RateShare(
            count: target.overdue.count + source.overdue.count,
            base: target.overdue.base + source.overdue.base
        )
        var organizations: [String: Int] = [:]
        for item in target.organizations + source.organizations { organizations[item.name, default: 0] += item.count }
        merged.organizations = organizations.map { NamedCount(name: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.name) < ($0.count, $1.name) }
        var review =
            merged.review
            ?? PainReview(status: ReviewStatus.new.rawValue, statusName: ReviewStatus.new.russianName, version: 0)
        review.merged.append(source.id)
        merged.review = review
        return merged
    }
}
