import Foundation
import PainmapCore
import PainmapReports
import PainmapSQLite
import Testing

@testable import PainmapPipeline

/// One complaint sent through several channels is found and counted once; measured on SampleFeeds' planted forwards.
@Suite struct CrossChannelLinkerTests {
    @Test func numbersAfterTheSignOrTheWordAreReferences() {
        #expect(
            CrossChannelLinker.referencedNumbers(in: "Платформа обратной связи, сообщение № 318660389")
                == ["318660389"]
        )
        #expect(CrossChannelLinker.referencedNumbers(in: "номер обращения: 301207862, д. № 12") == ["301207862"])
        #expect(CrossChannelLinker.referencedNumbers(in: "садик № 140, заявка №1234").isEmpty)
    }

    @Test func knownLinksAreReadWithTheLineOfABadOne() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("{\"a\": \"pos:1\", \"b\": \"hotline:x\"}\n\n{\"a\": \"pos:2\"}\n".utf8).write(to: url)
        #expect(throws: CrossChannelEvaluation.TruthError.self) { try CrossChannelEvaluation.loadLinks(url) }
        do {
            _ = try CrossChannelEvaluation.loadLinks(url)
        } catch let error as CrossChannelEvaluation.TruthError {
            #expect(error.location.hasSuffix(":3"))
        }
        try Data("{\"a\": \"pos:1\", \"b\": \"hotline:x\"}\n".utf8).write(to: url)
        #expect(try CrossChannelEvaluation.loadLinks(url) == [["hotline:x", "pos:1"]])
    }

    @Test func plantedForwardsAreFoundByTextAndByNumber() async throws {
        let fixture = try await RunFixture.shared.value
        let store = try SQLiteFeedbackStore(url: fixture.storeURL)
        let evaluation = CrossChannelEvaluation(store: store, settings: fixture.configuration.analysis.crossChannel)
        for quarter in ["2026Q2", "2026Q3"].compactMap(Quarter.init) {
            // The generator's plant: a hotline call registered in ПОС names the ПОС number in «Передано в».
            var truth = Set<[String]>()
            for record in try await store.storedRecords(region: nil, quarter: quarter)
            where record.record.source == .hotline {
                for number in CrossChannelLinker.referencedNumbers(in: record.record.organization ?? "") {
                    truth.insert([CrossChannelEvaluation.key(record), "pos:\(number)"].sorted())
                }
            }
            #expect(truth.count >= 10, "\(quarter)")
            let byText = try await evaluation.run(quarter: quarter, regions: [], rule: .text, truth: truth)
            #expect((byText.recall ?? 0) >= 0.85, "\(quarter): \(byText.text)")
            #expect((byText.precision ?? 0) >= 0.5, "\(quarter): \(byText.text)")
            let both = try await evaluation.run(quarter: quarter, regions: [], rule: .both, truth: truth)
            #expect(both.recall == 1, "\(quarter)")
            #expect(both.slices.map(\.collapsed).reduce(0, +) >= truth.count)
        }
        // The reports say how many were folded.
        let collapsed = try ["54", "41"].map { try fixture.report("2026Q3", $0, "kindergarten").totals.collapsedCount }
        #expect(collapsed.reduce(0, +) >= 1)
    }
}
