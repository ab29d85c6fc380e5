import Foundation
import PainmapCore
import PainmapIngest
import PainmapPipeline

/// Feeds bytes as a whole export file to the adapter of one layout of `Config/feeds.yaml`, exactly as ingest
/// does (reader → decoder → row mapper), pulling every row and keeping nothing.
///
/// Properties checked: no crash; each row read is yielded once (records + quarantined rows never exceed
/// what a reader could have produced is not knowable, so only sanity is asserted); no stored text holds U+FFFD
/// unless the input did (RELIABILITY.md §4.2: nothing is decoded with replacement characters).
struct AdapterTarget: FuzzTarget {
    private let adapter: any IngestAdapter
    private let file: FeedFile

    init(feed name: String, fileExtension: String) {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let configuration: PainmapConfiguration
        do {
            configuration = try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
        } catch {
            fatalError("cannot load \(root.path)/Config: \(error)")
        }
        guard let feed = configuration.feeds.first(where: { $0.name == name }) else {
            fatalError("no feed \(name) in Config/feeds.yaml")
        }
        let directory = URL(fileURLWithPath: "/dev/shm").appendingPathComponent("painmap-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("input.\(fileExtension)")
        // A fixed "now" keeps date checks deterministic across runs.
        adapter = AdapterRegistry(configuration: configuration, now: Date(timeIntervalSince1970: 1_790_000_000))
            .adapter(for: feed.kind)
        file = FeedFile(url: url, displayPath: "fuzz.\(fileExtension)", feed: feed)
    }

    func run(_ bytes: [UInt8]) {
        guard FileManager.default.createFile(atPath: file.url.path, contents: Data(bytes)) else {
            fatalError("cannot write \(file.url.path)")
        }
        var counts = RowCounts()
        if var reader = try? adapter.open(file) {
            while let outcome = try? reader.next() {
                switch outcome {
                case .record(let record, let line): counts.accept(record, line: line)
                case .quarantined(let row): counts.quarantine(row)
                }
            }
        }
        if counts.replacementCharacters > 0 {
            let inputHasReplacement = bytes.indices.dropLast(2).contains {
                bytes[$0] == 0xEF && bytes[$0 + 1] == 0xBF && bytes[$0 + 2] == 0xBD
            }
            precondition(inputHasReplacement, "a stored field holds U+FFFD that the input did not contain")
        }
    }
}

/// Counts what an adapter yields and looks for replacement characters in stored text.
struct RowCounts {
    private(set) var records = 0
    private(set) var quarantined = 0
    private(set) var replacementCharacters = 0

    mutating func accept(_ record: FeedbackRecord, line: Int) {
        records += 1
        precondition(line >= 0, "negative line \(line)")
        for text in [record.text, record.answerText ?? "", record.organization ?? "", record.categoryRaw ?? ""]
        where text.unicodeScalars.contains("\u{FFFD}") {
            replacementCharacters += 1
        }
    }

    mutating func quarantine(_ row: QuarantinedRow) {
        quarantined += 1
        precondition(row.raw.count <= 1 << 20, "quarantined raw bytes not capped: \(row.raw.count)")
    }
}
