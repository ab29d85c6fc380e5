import Foundation
import PainmapTestSupport
import Testing

/// `painmap` copied without its resource bundle stops with a located Russian message (exit 70), never a crash.
@Suite struct RelocatedBinaryTests {
    @Test func aCopyWithoutTheLexiconBundleSaysWhatToCopy() throws {
        let folder = try temporaryDirectory("relocated")
        let copy = folder.appendingPathComponent("painmap")
        try FileManager.default.copyItem(at: try painmapBinary(), to: copy)
        let store = folder.appendingPathComponent("store.sqlite").path
        let feed = cliPackageRoot.appendingPathComponent("SampleFeeds/pos").path
        let ingest = try runProcess(copy, ["ingest", "--store", store, "--config", "Config", feed])
        #expect(ingest.status == 70, "\(ingest.stderr)")
        let expected = folder.appendingPathComponent("painmap_PainmapPrivacy.resources/Resources").path
        #expect(ingest.stderr.contains("\(expected)/names-first-names.txt: ошибка: не найден словарь имён"))
        #expect(ingest.stderr.contains("Скопируйте каталог painmap_PainmapPrivacy.resources"))
        #expect(!ingest.stderr.contains("Fatal error"))
        let redact = try runProcess(copy, ["pii-eval", "--redact", "Иванов Иван"])
        #expect(redact.status == 70, "\(redact.stderr)")
        #expect(redact.stdout.isEmpty)
    }
}
