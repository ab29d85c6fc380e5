import Foundation
import PainmapCore
import PainmapTestSupport
import Testing

@testable import PainmapPipeline

/// What `painmap run` reads before any analysis: quarter arguments and the report configuration files.
@Suite struct RunArgumentsTests {
    @Test func quarterArgumentsResolveAgainstMoscowTime() throws {
        // 2026-09-30 21:30 UTC is already 1 October in Moscow: the current quarter is Q4.
        let boundary = Date(timeIntervalSince1970: 1_790_803_800)
        #expect(QuarterSpecifier("current")?.resolve(on: boundary)?.description == "2026Q4")
        #expect(QuarterSpecifier("previous")?.resolve(on: boundary)?.description == "2026Q3")
        #expect(QuarterSpecifier("2025q1")?.resolve(on: boundary)?.description == "2025Q1")
        let january = Date(timeIntervalSince1970: 1_767_312_000)  // 2026-01-02
        #expect(QuarterSpecifier("previous")?.resolve(on: january)?.description == "2025Q4")
        #expect(QuarterSpecifier("2026Q5") == nil)
        #expect(QuarterSpecifier("last") == nil)
    }

    @Test func reportConfigurationFilesAreValidatedWithTheirLine() throws {
        let directory = TemporaryDirectory.url("run-config")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["feeds.yaml", "regions.yaml", "surveys.yaml", "mkgu-forms.yaml", "life-situations.yaml"] {
            try FileManager.default.copyItem(
                at: packageRoot.appendingPathComponent("Config/\(name)"),
                to: directory.appendingPathComponent(name)
            )
        }
        try Data("growth_cap: 2\ndefault_class: nobody\nseverity_classes:\n  - {id: a, name: A, weight: 1}\n".utf8)
            .write(to: directory.appendingPathComponent("priority.yaml"))
        try Data("merge_distance: 0.9\nstopwords: [a]\n".utf8).write(
            to: directory.appendingPathComponent("analysis.yaml")
        )
        do {
            _ = try ConfigurationLoader().load(directory: directory)
            Issue.record("bad priority.yaml and analysis.yaml were accepted")
        } catch let failure as ConfigurationErrors {
            let messages = failure.errors.map {
                "\($0.location?.path.split(separator: "/").last ?? ""):\($0.location?.line ?? 0) \($0.message)"
            }
            #expect(messages.contains { $0.hasPrefix("priority.yaml:") && $0.contains("nobody") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("analysis.yaml:2") && $0.contains("stopwords") }, "\(messages)")
        }
        let shipped = try ConfigurationLoader().load(directory: packageRoot.appendingPathComponent("Config"))
        #expect(shipped.priority.severityClasses.map(\.id) == ["safety", "money", "deadlines", "convenience"])
        #expect(shipped.analysis.stopWords.contains("звонившая"))
    }
}
