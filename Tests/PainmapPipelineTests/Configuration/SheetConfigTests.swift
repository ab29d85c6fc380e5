import Foundation
import PainmapCore
import PainmapPipeline
import PainmapTestSupport
import Testing

/// `sheet:` in `Config/feeds.yaml`: the worksheet an XLSX layout reads.
@Suite struct SheetConfigTests {
    static let root = RepositoryRoot.url

    /// The repository's configuration with `feeds.yaml` edited by `change`.
    static func load(_ change: (String) -> String) throws -> Result<PainmapConfiguration, ConfigurationErrors> {
        let temporary = try TemporaryDirectory("sheet-config")
        let directory = temporary.url.appendingPathComponent("Config")
        try FileManager.default.copyItem(at: root.appendingPathComponent("Config"), to: directory)
        let feeds = directory.appendingPathComponent("feeds.yaml")
        try Data(change(try String(contentsOf: feeds, encoding: .utf8)).utf8).write(to: feeds)
        do {
            return .success(try ConfigurationLoader().load(directory: directory))
        } catch let errors as ConfigurationErrors {
            return .failure(errors)
        }
    }

    @Test func anXLSXLayoutMayNameItsSheet() throws {
        let loaded = try Self.load {
            $0.replacingOccurrences(of: "  - name: site-xlsx\n", with: "  - name: site-xlsx\n    sheet: Данные\n")
        }
        let configuration = try loaded.get()
        #expect(configuration.feed(named: "site-xlsx")?.sheet == "Данные")
        #expect(configuration.feed(named: "hotline-122-xlsx")?.sheet == nil)
    }

    @Test func aSheetOnACSVLayoutIsAnError() throws {
        let loaded = try Self.load {
            $0.replacingOccurrences(of: "  - name: site-csv\n", with: "  - name: site-csv\n    sheet: Данные\n")
        }
        guard case .failure(let failure) = loaded else {
            Issue.record("a CSV layout with sheet: was accepted")
            return
        }
        #expect(failure.errors.contains { $0.message.contains("sheet задаёт лист книги") })
    }
}
