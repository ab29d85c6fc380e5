import Foundation
import PainmapCore
import PainmapPipeline
import PainmapReports
import PainmapText
import Testing

/// `painmap run` over SampleFeeds: the report tree, the planted quarter-over-quarter changes, reruns.
@Suite struct RunJobTests {
    @Test func writesTheFullTreeForBothRegionsAndQuarters() async throws {
        let fixture = try await RunFixture.shared.value
        for quarter in ["2026Q2", "2026Q3"] {
            let files = fixture.files(under: quarter)
            #expect(files["index.html"] != nil, "обзор \(quarter)")
            for region in ["54", "41"] {
                #expect(files["\(region)/index.html"] != nil)
                #expect(files["\(region)/\(region).xlsx"] != nil)
                for situation in ["kindergarten", "housing", "extracurricular", "job_search"] {
                    for format in ReportFormat.allCases {
                        #expect(
                            files["\(region)/\(situation).\(format.fileExtension)"] != nil,
                            "\(quarter)/\(region)/\(situation).\(format)"
                        )
                    }
                }
            }
            #expect(!files.keys.contains { $0.contains(".tmp.") }, "no temporary file left")
        }
    }

    @Test func thirdQuarterShowsThePlantedNewVanishedAndGrowingPains() async throws {
        let fixture = try await RunFixture.shared.value
        func pains(_ region: String, _ situation: String) throws -> [ReportPain] {
            try fixture.report("2026Q3", region, situation).pains
        }
        func words(_ pain: ReportPain) -> String { ([pain.title] + pain.keywords).joined(separator: " ").lowercased() }

        func emerging(_ pain: ReportPain) -> Bool {
            pain.status == .new || (pain.count >= 15 && pain.count >= 3 * pain.previousCount)
        }
        // The planted new pains: the navigator outage in 54 (0 → 31) and hot water off too long in 41 (0 → 27). Both
        // must emerge (new, or at least tripled where a few earlier messages share their words), one at least flagged
        // «новая».
        let navigator = try pains("54", "extracurricular").filter { words($0).contains("навигатор") && emerging($0) }
        let hotWater = try pains("41", "housing").filter { words($0).contains("горяч") && emerging($0) }
        #expect(!navigator.isEmpty, "новая боль: сбой навигатора допобразования (54)")
        #expect(!hotWater.isEmpty, "новая боль: отключение горячей воды (41)")
        #expect(
            (navigator + hotWater).contains { $0.status == .new && $0.count >= 15 },
            "хотя бы одна помечена «новая»"
        )
        // The planted vanished pains: the portal form error in 54 (24 → 0), fee compensation in 41 (16 → 0).
        // Like the emerging pains above, wording-sensitive clustering may attach a stray record or two of this quarter
        // to the vanished pain (16 → 2 is 12.5 %, just over the «исчезла» share): a fall from ≥ 10 to ≤ 2 records
        // shows the planted change as well.
        let portalError = try pains("54", "targeted_help").filter {
            $0.previousCount >= 10 && ($0.status == .vanished || $0.count <= 2)
        }
        #expect(!portalError.isEmpty, "исчезнувшая боль: ошибка формы на Госуслугах (54)")
        let compensation = try pains("41", "kindergarten").filter {
            $0.status == .vanished && words($0).contains("компенсац")
        }
        #expect(
            compensation.contains { $0.previousCount >= 5 && $0.count == 0 },
            "исчезнувшая боль: компенсация родительской платы (41)"
        )
        // «No place assigned» grows 43 → 139 in 54; heating complaints shrink 65 → 10.
        let places = try pains("54", "kindergarten").filter {
            words($0).contains("мест") || words($0).contains("направлен")
        }
        #expect(
            places.contains { $0.delta.absolute >= 20 && ($0.delta.relative ?? 0) >= 1 },
            "рост: нет мест в садике (54)"
        )
        let heating = try pains("54", "housing").filter {
            words($0).contains("батаре") || words($0).contains("отоплен")
        }
        #expect(heating.contains { $0.delta.absolute <= -15 }, "снижение: отопление (54)")
    }

    @Test func reportsAreRankedExplainedAndQuoted() async throws {
        let fixture = try await RunFixture.shared.value
        let report = try fixture.report("2026Q3", "54", "kindergarten")
        let active = report.pains.filter { $0.status != .vanished }
        #expect(active.map(\.rank) == Array(1...active.count).map(Optional.some))
        #expect(zip(active, active.dropFirst()).allSatisfy { $0.priority.score >= $1.priority.score })
        for pain in active {
            let c = pain.priority.components
            #expect(abs(c.volume * c.growth * c.severity * c.dissatisfaction - pain.priority.score) < 0.01)
            #expect((1...3).contains(pain.quotes.count) || pain.count < 3)
            // A complaint that came through several channels counts once, under each of its channels.
            #expect(pain.byChannel.map(\.count).reduce(0, +) >= pain.count)
            #expect(pain.proposedSolution.isEmpty)
        }
        #expect(
            report.totals.byChannel.map(\.count).reduce(0, +) <= report.totals.count + report.totals.collapsedCount
        )
        #expect(report.totals.previousCount > 0)
        #expect(report.trend.quarters == ["2025Q4", "2026Q1", "2026Q2", "2026Q3"])
        #expect(report.stages.map(\.records).reduce(0, +) == report.totals.count)
    }

    @Test func titlesAndQuotesAreCitizensWordsDistinctAndAtLeastTwo() async throws {
        let fixture = try await RunFixture.shared.value
        let phrasing = OperatorPhrasing()
        func framed(_ text: String) -> Bool {
            let words = text.lowercased().split(separator: " ").prefix(2).map(String.init)
            return words.count == 2
                && ["звонивш", "заявител", "гражданин", "гражданка"].contains { words[0].hasPrefix($0) }
                && ["сообща", "жалует", "интересует", "проси"].contains { words[1].hasPrefix($0) }
        }
        var pains = 0
        var quoted = 0
        var multiChannel = 0
        var nearCopies = 0
        for quarter in ["2026Q2", "2026Q3"] {
            for region in ["54", "41"] {
                for situation in fixture.configuration.lifeSituations.situations.map(\.id) {
                    guard let report = try? fixture.report(quarter, region, situation) else { continue }
                    for pain in report.pains {
                        pains += 1
                        let place = "\(quarter)/\(region)/\(situation) \(pain.id)"
                        // An answer or an operator's frame is never a title or a quote.
                        for text in [pain.title] + pain.quotes.map(\.text) {
                            #expect(
                                !phrasing.sentences(of: text).contains(where: phrasing.isAnswer),
                                "\(place): \(text)"
                            )
                            #expect(!framed(text), "\(place): \(text)")
                        }
                        if pain.count >= 2 { #expect(pain.quotes.count >= 2, "\(place): \(pain.count) записей") }
                        guard pain.quotes.count >= 2 else { continue }
                        quoted += 1
                        if Set(pain.quotes.map(\.channel)).count > 1 { multiChannel += 1 }
                        let shingles = pain.quotes.map { ShingleSet($0.text) }
                        if shingles.indices.contains(where: { i in
                            (0..<i).contains { shingles[$0].jaccard(shingles[i]) >= 0.5 }
                        }) {
                            nearCopies += 1
                        }
                    }
                }
            }
        }
        // Near-copies only where a small pain has nothing else to show (its records repeat one wording), and quotes
        // come from more than one channel in most pains.
        #expect(pains > 200)
        #expect(Double(nearCopies) <= 0.1 * Double(pains), "\(nearCopies) of \(pains)")
        #expect(Double(multiChannel) >= 0.75 * Double(quoted), "\(multiChannel) of \(quoted)")
    }

    @Test func sharesShowTheirBaseAndSmallBasesAreShrunk() async throws {
        let fixture = try await RunFixture.shared.value
        let report = try fixture.report("2026Q3", "54", "housing")
        let markdown = try String(
            contentsOf: fixture.outputDirectory.appendingPathComponent("2026Q3/54/housing.md"),
            encoding: .utf8
        )
        let rated = try #require(report.pains.first { $0.dissatisfaction.base > 0 && $0.status != .vanished })
        #expect(markdown.contains("(\(rated.dissatisfaction.count) из \(rated.dissatisfaction.base))"))
        #expect(report.methodology.priorityFormula.contains("p̂ = (k + m·p₀) / (n + m)"))
        // A pain nobody rated gets the situation's share; one or two ratings move a pain at most 2/(2 + m) from it.
        let active = report.pains.filter { $0.status != .vanished }
        let unrated = Set(active.filter { $0.dissatisfaction.base == 0 }.map(\.priority.components.dissatisfaction))
        #expect(unrated.count == 1)
        let situation = try #require(unrated.first)
        let m = fixture.configuration.priority.dissatisfactionPriorRatings
        let small = active.filter { (1...2).contains($0.dissatisfaction.base) }
        #expect(!small.isEmpty)
        for pain in small {
            let factor = pain.priority.components.dissatisfaction
            #expect(
                abs(factor - situation) <= Double(pain.dissatisfaction.base) / (Double(pain.dissatisfaction.base) + m)
                    + 0.001
            )
            if pain.dissatisfaction.share == 1 { #expect(factor < 1.5, "\(pain.id): not 0,5 + 100 %") }
        }
    }

    @Test func indexAndOverviewAgreeWithTheReports() async throws {
        let fixture = try await RunFixture.shared.value
        let base = fixture.outputDirectory.appendingPathComponent("2026Q3")
        let overview = try JSONDecoder().decode(
            QuarterOverview.self,
            from: Data(contentsOf: base.appendingPathComponent("index.json"))
        )
        #expect(overview.regions.map(\.region.code) == ["41", "54"])
        for row in overview.regions {
            let index = try JSONDecoder().decode(
                RegionIndex.self,
                from: Data(contentsOf: base.appendingPathComponent("\(row.region.code)/index.json"))
            )
            #expect(index.count == row.count)
            #expect(index.situations.map(\.count).reduce(0, +) + index.unassignedCount == index.count)
            let top = try #require(row.topPain)
            let situation = try #require(row.topPainSituation)
            let report = try fixture.report("2026Q3", row.region.code, situation)
            let pain = try #require(report.pains.first { $0.id == top.id })
            #expect(pain.status == top.status && pain.count == top.count && pain.title == top.title)
            #expect(report.pains.allSatisfy { $0.status == .vanished || $0.priority.score <= top.priority })
            for entry in index.situations {
                let situationReport = try fixture.report("2026Q3", row.region.code, entry.lifeSituation.id)
                #expect(
                    entry.topPains.map(\.id)
                        == Array(situationReport.pains.filter { $0.status != .vanished }.prefix(3).map(\.id))
                )
            }
        }
    }

    @Test func oneRegionRerunRewritesOnlyThatRegion() async throws {
        let fixture = try await RunFixture.make(label: "run-rerun")
        let before = fixture.files(under: "2026Q3")
        func stamp(_ url: URL) throws -> (Data, Date) {
            (
                try Data(contentsOf: url),
                try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
            )
        }
        // Every file is dated 2001 first, so a rewrite shows as a newer date without waiting out a coarse clock.
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        for url in before.values {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: url.path)
        }
        let untouched = try before.filter { $0.key.hasPrefix("41/") }.mapValues(stamp)
        let rewritten = try before.filter { $0.key.hasPrefix("54/") }.mapValues(stamp)
        let report = try await fixture.run(
            quarter: "2026Q3",
            regions: ["54"],
            generatedAt: Date(timeIntervalSince1970: 1_792_000_000)
        )
        #expect(report.regions.map(\.code) == ["54"])
        for (path, (data, date)) in untouched {
            let now = try stamp(try #require(fixture.files(under: "2026Q3")[path]))
            #expect(now.0 == data, "\(path) bytes")
            #expect(now.1 == date, "\(path) mtime")
        }
        for (path, (_, date)) in rewritten {
            let now = try stamp(try #require(fixture.files(under: "2026Q3")[path]))
            #expect(now.1 > date, "\(path) rewritten")
        }
    }

    @Test func aRerunWithNothingNewDoesNotTrain() async throws {
        // The fixture's first run (2026Q2) ingested both quarters' feeds and classified every record.
        let fixture = try await RunFixture.make(label: "run-notrain")
        let report = try await fixture.run(quarter: "2026Q3")
        #expect(!report.trainedModels)
        #expect(report.classified == 0)
        #expect(report.summary.contains("модели не обучались"))
        #expect(report.regions.map(\.code) == ["41", "54"])
    }

    @Test func sameStoreGivesIdenticalReportsApartFromGenerationTime() async throws {
        let fixture = try await RunFixture.make(label: "run-repro")
        func snapshot() -> [String: Data] {
            fixture.files(under: "2026Q3").compactMapValues { try? Data(contentsOf: $0) }
        }
        let first = snapshot()
        _ = try await fixture.run(quarter: "2026Q3")
        #expect(snapshot() == first, "same store, configuration and generation time: byte-identical tree")
        // Regions run concurrently in one process (`--workers 2`): the same bytes.
        let concurrent = try await fixture.run(quarter: "2026Q3", workers: 2)
        #expect(concurrent.regions.map(\.code) == ["41", "54"] && concurrent.overview != nil)
        #expect(snapshot() == first, "two regions at once: byte-identical tree")

        _ = try await fixture.run(quarter: "2026Q3", generatedAt: Date(timeIntervalSince1970: 1_800_000_000))
        let later = snapshot()
        #expect(later.keys.sorted() == first.keys.sorted())
        for (path, data) in first {
            let a = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let b = String(decoding: later[path] ?? Data(), as: UTF8.self).split(
                separator: "\n",
                omittingEmptySubsequences: false
            )
            if path.hasSuffix(".xlsx") {
                #expect(later[path] == data, "\(path): the workbook carries no generation time")
                continue
            }
            #expect(a.count == b.count, "\(path)")
            let differing = zip(a, b).filter { $0 != $1 }
            #expect(differing.count <= 1, "\(path): \(differing.count) lines differ, only the generation time may")
            #expect(
                differing.allSatisfy { $0.1.contains("2027") },
                "\(path): the differing line is the generation time"
            )
        }
    }
}
