import Foundation
import PainmapCore
import PainmapPipeline
import PainmapSQLite
import PainmapTestSupport

/// A temporary project folder for one ПОС export: the repository's Config, the export under `feeds/pos/`, and an
/// empty SQLite store beside them.
struct FeedFolderFixture {
    let root: URL
    let configuration: PainmapConfiguration
    let store: SQLiteFeedbackStore

    /// Writes `csv` as `feeds/pos/<fileName>` in a fresh folder and opens its store.
    init(label: String, csv: String, fileName: String) throws {
        root = TemporaryDirectory.url(label)
        let feeds = root.appendingPathComponent("feeds/pos")
        try FileManager.default.createDirectory(at: feeds, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("Config"),
            to: root.appendingPathComponent("Config")
        )
        try Data(csv.utf8).write(to: feeds.appendingPathComponent(fileName))
        configuration = try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
        store = try SQLiteFeedbackStore(url: root.appendingPathComponent("store.sqlite"))
    }
}
