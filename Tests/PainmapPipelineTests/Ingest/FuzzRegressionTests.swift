import Foundation
import PainmapCore
import PainmapIngest
import PainmapPipeline
import PainmapText
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
private let regressions = root.appendingPathComponent("Tests/Fixtures/fuzz-regressions")

/// Replays every input in `Tests/Fixtures/fuzz-regressions/<target>/` through the entry point of the fuzz target
/// of that name (`Fuzz/Sources/PainmapFuzz/FuzzTargets.swift`): crashers libFuzzer found, once fixed, and the known
/// parser traps of RELIABILITY.md §4. A crash fails the whole test run; the checks below are the harness's properties.
@Suite struct FuzzRegressionTests {
    /// Target name → the feed layout whose adapter reads the input (the same as the fuzz harness).
    static let feeds = ["csv": ("pos-csv", "csv"), "json": ("pos-json", "json"), "xml": ("portal-mkgu", "xml"), "xlsx": ("site-xlsx", "xlsx")]

    static var inputs: [String] {
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: regressions.path)) ?? []
        return targets.sorted().flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: regressions.appendingPathComponent(target).path)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
        }
    }

    @Test func everyTargetHasRegressionInputs() {
        let targets = Set(Self.inputs.map { String($0.prefix(while: { $0 != "/" })) })
        #expect(targets.isSuperset(of: Set(Self.feeds.keys).union(["text"])), "targets with inputs: \(targets.sorted())")
    }

    @Test(arguments: inputs)
    func replays(_ input: String) throws {
        let url = regressions.appendingPathComponent(input)
        let target = String(input.prefix(while: { $0 != "/" }))
        let bytes = [UInt8](try Data(contentsOf: url))
        if target == "text" {
            let analyzer = TextAnalyzer()
            let text = String(decoding: bytes, as: UTF8.self)
            let tokens = analyzer.analyze(text)
            #expect(tokens.allSatisfy { $0.surface.utf8.starts(with: $0.stem.utf8) })
            var cache = StemCache()
            #expect(analyzer.analyze(text, cache: &cache) == tokens)
            return
        }
        let (feedName, fileExtension) = try #require(Self.feeds[target], "unknown fuzz target \(target)")
        let configuration = try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
        let feed = try #require(configuration.feeds.first { $0.name == feedName })
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("painmap-fuzz-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("input.\(fileExtension)")
        try Data(bytes).write(to: copy)
        let adapter = AdapterRegistry(configuration: configuration, now: Date(timeIntervalSince1970: 1_790_000_000)).adapter(for: feed.kind)
        let sink = ReplaySink()
        do {
            _ = try adapter.read(FeedFile(url: copy, displayPath: input, feed: feed), into: sink)
        } catch let error as IngestError {
            #expect(!error.message.isEmpty)
        }
        let hasReplacement = bytes.indices.dropLast(2).contains { bytes[$0] == 0xEF && bytes[$0 + 1] == 0xBF && bytes[$0 + 2] == 0xBD }
        #expect(hasReplacement || !sink.texts.contains { $0.unicodeScalars.contains("\u{FFFD}") }, "U+FFFD stored from \(input)")
    }
}

private final class ReplaySink: RecordSink {
    var texts: [String] = []
    var quarantined = 0
    func accept(_ record: FeedbackRecord, line: Int) throws { texts.append(record.text) }
    func quarantine(_ row: QuarantinedRow) throws { quarantined += 1 }
}
