import Foundation
import Logging
import PainmapAnalysis
import PainmapCore
import PainmapPipeline
import PainmapReports
import PainmapReview
import PainmapSQLite
import Testing

/// Decisions in the reports on SampleFeeds: `painmap render` without re-clustering, reruns that keep decisions, and
/// carry-over from 2026Q2 to the matching 2026Q3 pains.
@Suite(.serialized) struct DecisionReportTests {
    private func report(_ fixture: ReviewFixture, _ quarter: String, _ region: String, _ situation: String) throws
        -> PainMapReport
    {
        let url = fixture.directory.appendingPathComponent("out/\(quarter)/\(region)/\(situation).json")
        return try JSONDecoder().decode(PainMapReport.self, from: Data(contentsOf: url))
    }

    private func files(_ fixture: ReviewFixture, _ relative: String) throws -> [String: Data] {
        let base = fixture.directory.appendingPathComponent("out/\(relative)")
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: base.path) where !name.hasPrefix(".") {
            result[name] = try Data(contentsOf: base.appendingPathComponent(name))
        }
        return result
    }

    private func render(_ fixture: ReviewFixture, _ quarter: String, _ region: String) async throws {
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        _ = try await RenderJob(store: fixture.store, logger: logger).run(
            quarter: try #require(Quarter(quarter)),
            regions: [region],
            outputDirectory: fixture.directory.appendingPathComponent("out")
        )
    }

    @Test func renderIsByteIdenticalWithoutDecisionsAndChangesOnlyDecidedPains() async throws {
        let fixture = try await ReviewFixture.make(quarters: [])
        defer { fixture.remove() }
        _ = try await fixture.run(quarter: "2026Q2", regions: ["54"])
        let before = try files(fixture, "2026Q2/54")
        #expect(before.count >= 10)
        try await render(fixture, "2026Q2", "54")
        #expect(try files(fixture, "2026Q2/54") == before)

        let q2 = try #require(Quarter("2026Q2"))
        let pains = try await fixture.service.pains(region: "54", quarter: q2)
        let situation = try #require(pains.first?.pain?.lifeSituation)
        let ofSituation = pains.filter { $0.pain?.lifeSituation == situation }
        try #require(ofSituation.count >= 3)
        let (junked, renamed, decided) = (ofSituation[0], ofSituation[1], ofSituation[2])
        _ = try await fixture.service.junk(junked.key, reason: "благодарности, не жалобы", actor: "ivanova")
        _ = try await fixture.service.rename(renamed.key, title: "<script>alert(1)</script>", actor: "ivanova")
        _ = try await fixture.service.setStatus(decided.key, to: .inProgress, actor: "ivanova")
        _ = try await fixture.service.assign(decided.key, body: "МФЦ", actor: "ivanova")
        _ = try await fixture.service.setSolution(decided.key, solution: "Открыть окно", due: "2026-12-31", actor: "p")
        try await render(fixture, "2026Q2", "54")

        let after = try files(fixture, "2026Q2/54")
        for (name, data) in before
        where !name.hasPrefix(situation + ".") && name != "index.html" && name != "index.json"
            && !name.hasSuffix(".xlsx")
        {
            #expect(after[name] == data, "\(name) changed though none of its pains was decided")
        }
        let report = try report(fixture, "2026Q2", "54", situation)
        let junkedID = try #require(junked.pain?.id)
        #expect(!report.pains.contains { $0.id == junkedID })
        #expect(report.excluded?.map(\.id) == [junkedID])
        #expect(report.excluded?.first?.reason == "благодарности, не жалобы")
        #expect(report.excluded?.first?.decidedBy == "ivanova")
        #expect(report.pains.first { $0.id == renamed.pain?.id }?.title == "<script>alert(1)</script>")
        let row = try #require(report.pains.first { $0.id == decided.pain?.id })
        #expect(row.review?.status == "in_progress" && row.review?.responsibleBody == "МФЦ")
        #expect(row.review?.dueDate == "2026-12-31" && row.proposedSolution == "Открыть окно")
        #expect(report.pains.compactMap(\.rank) == Array(1...report.pains.compactMap(\.rank).count))
        // Every pain not decided is the same as before but for its rank.
        let original = try JSONDecoder().decode(PainMapReport.self, from: try #require(before[situation + ".json"]))
        for pain in report.pains where pain.review == nil {
            var old = try #require(original.pains.first { $0.id == pain.id })
            old.rank = pain.rank
            #expect(old == pain)
        }
        let html = String(decoding: try #require(after[situation + ".html"]), as: UTF8.self)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>alert"))
        #expect(html.contains("Исключено при разборе"))
        let csv = String(decoding: try #require(after[situation + ".csv"]), as: UTF8.self)
        #expect(csv.contains("Статус разбора") && csv.contains("в работе") && csv.contains("Открыть окно"))
        let markdown = String(decoding: try #require(after[situation + ".md"]), as: UTF8.self)
        #expect(markdown.contains("### Исключено при разборе") && markdown.contains("МФЦ"))
    }

    @Test func decisionsCarryToTheMatchingPainsOfTheNextQuarterAndSurviveReruns() async throws {
        let fixture = try await ReviewFixture.make(quarters: [])
        defer { fixture.remove() }
        _ = try await fixture.run(quarter: "2026Q2", regions: ["54"])
        _ = try await fixture.run(quarter: "2026Q3", regions: ["54"])
        let q2 = try #require(Quarter("2026Q2"))
        let q3 = try #require(Quarter("2026Q3"))
        // Pains of 2026Q3 that continue a 2026Q2 pain keep its id.
        let continuing = try await fixture.store.pains(region: "54", quarter: q3).filter { $0.id.hasPrefix("2026Q2-") }
        try #require(continuing.count >= 3)
        let key = { (pain: StoredPain) in PainKey(region: "54", quarter: q2, painID: ReviewService.reviewID(pain)) }
        let (worked, resolved, junked) = (continuing[0], continuing[1], continuing[2])
        _ = try await fixture.service.setStatus(key(worked), to: .inProgress, actor: "ivanova")
        _ = try await fixture.service.assign(key(worked), body: "Отделение Социального фонда России", actor: "ivanova")
        _ = try await fixture.service.setSolution(key(worked), solution: "Сократить срок", due: nil, actor: "ivanova")
        _ = try await fixture.service.setStatus(key(resolved), to: .inProgress, actor: "ivanova")
        _ = try await fixture.service.setStatus(key(resolved), to: .resolved, actor: "ivanova")
        _ = try await fixture.service.junk(key(junked), reason: "не по теме", actor: "petrov")
        // A decision of 2026Q3 on a pain the rerun will not find.
        _ = try await fixture.service.log(region: "54", quarter: q3)
        let ghost = PainKey(region: "54", quarter: q3, painID: "\(worked.lifeSituation)/2026Q3-99")
        var state = PainDecision(key: ghost)
        state.status = .inProgress
        _ = try await fixture.store.applyDecisions(
            DecisionBatch(changes: [.init(expectedVersion: 0, kind: .status, state: state)], actor: "x", at: "t")
        )

        _ = try await fixture.run(quarter: "2026Q3", regions: ["54"])  // the rerun re-clusters and replaces pains
        let report = try report(fixture, "2026Q3", "54", worked.lifeSituation)
        let carried = try #require(report.pains.first { $0.id == worked.id }?.review)
        #expect(carried.status == "in_progress" && carried.carriedFrom == "2026Q2")
        #expect(carried.responsibleBody == "Отделение Социального фонда России")
        #expect(report.pains.first { $0.id == worked.id }?.proposedSolution == "Сократить срок")

        let resolvedReport = try self.report(fixture, "2026Q3", "54", resolved.lifeSituation)
        let back = try #require(resolvedReport.pains.first { $0.id == resolved.id })
        #expect(back.review?.status == "resolved")
        #expect(
            back.review?.returned == (back.count > 0 && (back.previousCount == 0 || back.count > back.previousCount))
        )

        let junkReport = try self.report(fixture, "2026Q3", "54", junked.lifeSituation)
        let proposed = try #require(junkReport.pains.first { $0.id == junked.id })
        #expect(proposed.review?.proposedJunk == true)  // proposed, still counted, not excluded
        #expect(junkReport.excluded == nil || !(junkReport.excluded ?? []).contains { $0.id == junked.id })

        #expect(report.needsReview?.map(\.id) == ["2026Q3-99"])
        #expect(try await fixture.service.pain(ghost).needsReview)

        // `painmap review list` shows the carried decisions too: the junked pain's successor is proposed, visibly.
        let listed = try await fixture.service.pains(region: "54", quarter: q3)
        let successor = try #require(
            listed.first { $0.pain?.id == junked.id && $0.pain?.lifeSituation == junked.lifeSituation }
        )
        #expect(successor.proposedJunk && successor.carried?.key.quarter == q2 && !successor.decision.isJunk)
        let row = try #require(ReviewRendering.rows(listed).first { $0[0] == successor.key.painID })
        #expect(row[3] == "предложено: не боль (из 2026Q2)")
        #expect(ReviewRendering.object(successor)["proposed_junk"] as? Bool == true)
        let workedRow = try #require(
            listed.first { $0.pain?.id == worked.id && $0.pain?.lifeSituation == worked.lifeSituation }
        )
        #expect(workedRow.carried?.responsibleBody == "Отделение Социального фонда России" && !workedRow.proposedJunk)
    }

    @Test func aMergedPainsTrendRowShowsTheCountsOfTheMergedRecords() async throws {
        let fixture = try await ReviewFixture.make(quarters: [])
        defer { fixture.remove() }
        _ = try await fixture.run(quarter: "2026Q2", regions: ["54"])
        _ = try await fixture.run(quarter: "2026Q3", regions: ["54"])
        let q3 = try #require(Quarter("2026Q3"))
        let before = try report(fixture, "2026Q3", "54", "housing")
        // The first two pains the trend chart draws, merged in 2026Q3; the target renamed so its row is easy to find.
        let drawn = before.trend.series.map(\.painID)
        try #require(drawn.count >= 3)
        let target = try #require(before.pains.first { $0.id == drawn[0] })
        let source = try #require(before.pains.first { $0.id == drawn[1] })
        #expect(before.trend.series[0].counts.suffix(2) == [target.previousCount, target.count])
        let key = PainKey(region: "54", quarter: q3, painID: "housing/\(target.id)")
        _ = try await fixture.service.merge(into: key, sources: ["housing/\(source.id)"], actor: "ivanova")
        _ = try await fixture.service.rename(key, title: "Объединённая боль", actor: "ivanova")
        try await render(fixture, "2026Q3", "54")

        let after = try report(fixture, "2026Q3", "54", "housing")
        let merged = try #require(after.pains.first { $0.id == target.id })
        #expect(merged.count == target.count + source.count)
        #expect(merged.previousCount == target.previousCount + source.previousCount)
        let row = try #require(after.trend.series.first { $0.painID == target.id })
        #expect(row.title == "Объединённая боль")
        #expect(Array(row.counts.suffix(2)) == [merged.previousCount, merged.count])
        #expect(!after.trend.series.contains { $0.painID == source.id })
        #expect(after.trend.series.count == before.trend.series.count - 1)
        // Pains not merged keep their rows.
        for series in before.trend.series.dropFirst(2) {
            #expect(after.trend.series.contains(series))
        }
        let markdown = try String(
            contentsOf: fixture.directory.appendingPathComponent("out/2026Q3/54/housing.md"),
            encoding: .utf8
        )
        let line = "| Объединённая боль | " + row.counts.map(String.init).joined(separator: " | ") + " |"
        #expect(markdown.contains(line))
    }
}

/// «Решения и их эффект» on SampleFeeds: pains decided during 2026Q2, counted before (2026Q2) and after (2026Q3) by
/// the 2026Q3 run.
@Suite struct DecisionEffectTests {
    @Test func theEffectPageShowsRatesRatiosAndIntervals() async throws {
        let fixture = try await ReviewFixture.make(quarters: [])
        defer { fixture.remove() }
        _ = try await fixture.run(quarter: "2026Q2", regions: ["54"])
        _ = try await fixture.run(quarter: "2026Q3", regions: ["54"])
        let q2 = try #require(Quarter("2026Q2"))
        let q3 = try #require(Quarter("2026Q3"))
        // Decisions dated 15 May 2026, inside 2026Q2.
        let service = ReviewService(
            store: fixture.store,
            catalog: fixture.configuration.lifeSituations,
            bodies: fixture.configuration.responsibleBodies,
            now: { Date(timeIntervalSince1970: 1_778_800_000) }
        )
        let continuing = try await fixture.store.pains(region: "54", quarter: q3).filter { $0.id.hasPrefix("2026Q2-") }
        try #require(continuing.count >= 2)
        for pain in continuing.prefix(4) {
            let key = PainKey(region: "54", quarter: q2, painID: ReviewService.reviewID(pain))
            _ = try await service.setStatus(key, to: .inProgress, actor: "ivanova")
        }
        _ = try await service.comment(
            PainKey(region: "54", quarter: q2, painID: ReviewService.reviewID(continuing[0])),
            text: "комментарий не решение",
            actor: "ivanova"
        )
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        _ = try await RenderJob(store: fixture.store, logger: logger).run(
            quarter: q3,
            regions: ["54"],
            outputDirectory: fixture.directory.appendingPathComponent("out")
        )
        let url = fixture.directory.appendingPathComponent("out/2026Q3/54/effect.json")
        let page = try JSONDecoder().decode(DecisionEffectPage.self, from: Data(contentsOf: url))
        #expect(page.decisionQuarter == "2026Q2" && page.quarter == "2026Q3")
        #expect(
            page.method.configDigest.count >= 12
                && page.method.analysisVersion == DecisionEffectAnalysis.analysisVersion
        )
        let reached = try painsReached(
            by: Set(continuing.prefix(4).map(ReviewService.reviewID)),
            in: fixture.directory.appendingPathComponent("out/2026Q3/54")
        )
        #expect(page.effects.count == reached.count && reached.count >= min(4, continuing.count))
        for effect in page.effects {
            let report = try JSONDecoder().decode(
                PainMapReport.self,
                from: Data(
                    contentsOf: fixture.directory.appendingPathComponent("out/2026Q3/54/\(effect.lifeSituation).json")
                )
            )
            let pain = try #require(report.pains.first { $0.id == effect.painID })
            #expect(effect.after.records == pain.count && effect.before.records == pain.previousCount)
            #expect(effect.after.situationRecords == report.totals.count)
            #expect(effect.before.situationRecords == report.totals.previousCount)
            #expect(effect.decision == "в работе" && effect.decidedBy == "ivanova")
            let a = Double(max(pain.count, 1)) / Double(report.totals.count)
            let b = Double(max(pain.previousCount, 1)) / Double(report.totals.previousCount)
            if pain.count > 0 && pain.previousCount > 0 {
                #expect(abs(effect.rateRatio - a / b) < 0.0001)
            }
            #expect(effect.lower < effect.rateRatio && effect.rateRatio < effect.upper)
            let spans = effect.lower <= 1 && effect.upper >= 1
            #expect(effect.verdict == (spans ? "эффект не доказан" : effect.rateRatio < 1 ? "снижение" : "рост"))
        }
        let html = try String(contentsOf: url.deletingPathExtension().appendingPathExtension("html"), encoding: .utf8)
        #expect(html.contains("Решения и их эффект") && html.contains("Отношение частот (95 % ДИ)"))
    }

    @Test func theRateRatioIntervalFollowsTheLogNormalApproximation() throws {
        // 40 of 1 000 after, 80 of 1 000 before: RR 0.5, SE = √(1/40 − 1/1000 + 1/80 − 1/1000) = 0.1884.
        let page = DecisionEffectAnalysis.rateRatioForTesting(
            after: 40,
            afterTotal: 1_000,
            before: 80,
            beforeTotal: 1_000
        )
        #expect(abs(page.0 - 0.5) < 1e-9)
        #expect(abs(page.1 - 0.5 * exp(-1.96 * 0.188_414)) < 1e-4)
        #expect(abs(page.2 - 0.5 * exp(1.96 * 0.188_414)) < 1e-4)
        let flat = DecisionEffectAnalysis.rateRatioForTesting(
            after: 10,
            afterTotal: 1_000,
            before: 11,
            beforeTotal: 1_000
        )
        #expect(flat.1 < 1 && flat.2 > 1)
    }
}

/// The changes SampleFeeds plants in region 54 (`SampleFeeds/MANIFEST.md`) as «Решения и их эффект» and the carried
/// decisions show them when every continuing pain was marked «решена» during 2026Q2.
@Suite struct PlantedEffectTests {
    /// Region 54 run for 2026Q2 and 2026Q3, every 2026Q3 pain that continues a 2026Q2 one marked «решена» on
    /// 15 May 2026, and 2026Q3 rendered again.
    private static func decidedFixture() async throws -> (ReviewFixture, [StoredPain]) {
        let fixture = try await ReviewFixture.make(quarters: [])
        _ = try await fixture.run(quarter: "2026Q2", regions: ["54"])
        _ = try await fixture.run(quarter: "2026Q3", regions: ["54"])
        let q2 = try #require(Quarter("2026Q2"))
        let q3 = try #require(Quarter("2026Q3"))
        let service = ReviewService(
            store: fixture.store,
            catalog: fixture.configuration.lifeSituations,
            bodies: fixture.configuration.responsibleBodies,
            now: { Date(timeIntervalSince1970: 1_778_800_000) }  // 15 May 2026, inside 2026Q2
        )
        let continuing = try await fixture.store.pains(region: "54", quarter: q3).filter { $0.id.hasPrefix("2026Q2-") }
        for pain in continuing {
            let key = PainKey(region: "54", quarter: q2, painID: ReviewService.reviewID(pain))
            _ = try await service.setStatus(key, to: .inProgress, actor: "ivanova")
            _ = try await service.setStatus(key, to: .resolved, actor: "ivanova")
        }
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        _ = try await RenderJob(store: fixture.store, logger: logger).run(
            quarter: q3,
            regions: ["54"],
            outputDirectory: fixture.directory.appendingPathComponent("out")
        )
        return (fixture, continuing)
    }

    private static func report(_ fixture: ReviewFixture, _ situation: String) throws -> PainMapReport {
        let url = fixture.directory.appendingPathComponent("out/2026Q3/54/\(situation).json")
        return try JSONDecoder().decode(PainMapReport.self, from: Data(contentsOf: url))
    }

    /// The kindergarten pain that grew most among those a 2026Q2 decision reached: the planted
    /// `kindergarten.no_place_assigned` growth (no place, or one in a far-away district), which must continue a
    /// 2026Q2 pain.
    private static func grown(_ report: PainMapReport) throws -> ReportPain {
        let grown = try #require(
            report.pains.filter { $0.review?.carriedFrom != nil }.max {
                ($0.count - $0.previousCount, $1.id) < ($1.count - $1.previousCount, $0.id)
            }
        )
        let title = grown.title.lowercased()
        let words = ["мест", "комплектован", "направлен", "район", "дальн"]
        #expect(words.contains { title.contains($0) }, "«\(grown.title)»")
        #expect(grown.id.hasPrefix("2026Q2-") || grown.predecessorID?.hasPrefix("2026Q2-") == true)
        #expect(grown.count >= 30 && grown.count >= 2 * grown.previousCount)
        return grown
    }

    @Test func thePlantedGrowthAndDropShowWithTheirIntervals() async throws {
        let (fixture, continuing) = try await Self.decidedFixture()
        defer { fixture.remove() }
        let url = fixture.directory.appendingPathComponent("out/2026Q3/54/effect.json")
        let page = try JSONDecoder().decode(DecisionEffectPage.self, from: Data(contentsOf: url))
        let reached = try painsReached(
            by: Set(continuing.map(ReviewService.reviewID)),
            in: fixture.directory.appendingPathComponent("out/2026Q3/54")
        )
        #expect(page.effects.count == reached.count && reached.count >= continuing.count)
        if ProcessInfo.processInfo.environment["PAINMAP_PRINT_EFFECTS"] == "1" {
            // Standard error, unbuffered: the rows are not lost among the test runner's own output.
            for effect in page.effects {
                let row =
                    "effect \(effect.lifeSituation)/\(effect.painID) \(effect.before.records)/\(effect.before.situationRecords)"
                    + " → \(effect.after.records)/\(effect.after.situationRecords)"
                    + " RR \(String(format: "%.2f", effect.rateRatio))"
                    + " [\(String(format: "%.2f", effect.lower)); \(String(format: "%.2f", effect.upper))]"
                    + " \(effect.verdict) «\(effect.title)»\n"
                FileHandle.standardError.write(Data(row.utf8))
            }
        }
        // kindergarten.no_place_assigned: 43 → 139 records planted (+223 %). Its 2026Q3 pain that grew most continues a
        // 2026Q2 pain (its id, or split off it), so the 2026Q2 decision reaches it, and shows a growth whose interval
        // lies above 1.
        let kindergarten = try Self.report(fixture, "kindergarten")
        let grown = try Self.grown(kindergarten)
        let growth = try #require(page.effects.first { $0.lifeSituation == "kindergarten" && $0.painID == grown.id })
        #expect(growth.verdict == "рост" && growth.lower > 1.2 && growth.rateRatio > 1.5)
        #expect(growth.after.records == grown.count && growth.before.records == grown.previousCount)
        // housing.heating: 65 → 10 records planted (−85 %): the housing pain that lost most records, a heating pain
        // (its title, in citizens' words, names heating or the heaters people use instead), shows a decrease whose
        // interval lies below 1.
        let heating = try #require(
            page.effects.filter { $0.lifeSituation == "housing" }.max {
                ($0.before.records - $0.after.records, $1.painID) < ($1.before.records - $1.after.records, $0.painID)
            }
        )
        let heatingWords = ["отоплен", "обогревател", "батаре", "холодн", "тепл"]
        #expect(heatingWords.contains { heating.title.lowercased().contains($0) }, "«\(heating.title)»")
        #expect(heating.verdict == "снижение" && heating.upper < 1 && heating.rateRatio < 0.5)
        // Every row's interval holds its ratio, and the verdict follows the interval.
        for effect in page.effects {
            #expect(effect.lower < effect.rateRatio && effect.rateRatio < effect.upper)
            let spans = effect.lower <= 1 && effect.upper >= 1
            #expect(effect.verdict == (spans ? "эффект не доказан" : effect.rateRatio < 1 ? "снижение" : "рост"))
            #expect(effect.decision == "решена")
        }
    }

    @Test func aResolvedPainThatGrowsIsFlaggedReturnedAndOneThatShrinksIsNot() async throws {
        let (fixture, _) = try await Self.decidedFixture()
        defer { fixture.remove() }
        let kindergarten = try Self.report(fixture, "kindergarten")
        let grown = try Self.grown(kindergarten)
        let review = try #require(grown.review)
        #expect(review.status == "resolved" && review.carriedFrom == "2026Q2" && review.returned)
        #expect(grown.count > 2 * grown.previousCount)
        let csv = try String(
            contentsOf: fixture.directory.appendingPathComponent("out/2026Q3/54/kindergarten.csv"),
            encoding: .utf8
        )
        #expect(csv.contains("вернулась"))
        let housing = try Self.report(fixture, "housing")
        let heating = try #require(housing.pains.first { $0.title.lowercased().contains("отоплен") })
        #expect(heating.review?.status == "resolved" && heating.review?.returned == false)
        // Every carried «решена» is «вернулась» exactly when its pain is present and larger than before.
        for report in [kindergarten, housing] {
            for pain in report.pains where pain.review?.carriedFrom != nil {
                let grew =
                    pain.status != .vanished && pain.count > 0
                    && (pain.previousCount == 0 || pain.count > pain.previousCount)
                #expect(pain.review?.returned == grew)
            }
        }
    }
}

/// The pains of a region-quarter's reports (`OUT/<quarter>/<region>/<situation>.json`) that a decision on one of
/// `decided` (`situation/pain id`) reaches: by their own id, or as split off one (``ReportPain/predecessorID``).
func painsReached(by decided: Set<String>, in directory: URL) throws -> [String] {
    var reached: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    where name.hasSuffix(".json") && !["index.json", "effect.json"].contains(name) {
        let report = try JSONDecoder().decode(
            PainMapReport.self,
            from: Data(contentsOf: directory.appendingPathComponent(name))
        )
        let situation = report.lifeSituation.id
        for pain in report.pains
        where decided.contains("\(situation)/\(pain.id)")
            || pain.predecessorID.map({ decided.contains("\(situation)/\($0)") }) == true
        {
            reached.append("\(situation)/\(pain.id)")
        }
    }
    return reached
}
