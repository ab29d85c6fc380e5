public import Foundation
import PainmapAnalysis
public import PainmapCore

/// Measures how ``CrossChannelLinker`` collapses one complaint sent through several channels, against a set of known
/// links (`painmap links`).
///
/// Records are keyed `channel:number` as reports quote them (`pos:318660389`, `hotline:122-54-260701-0005`). The
/// known links come as JSON Lines, one `{"a": key, "b": key}` pair per line (the generator's planted forwards, or a
/// set written by hand). A pair counts as found when both records end in one group; precision is over every pair of
/// records that share a group, recall over the known pairs whose records are both in the store's region-quarters.
public struct CrossChannelEvaluation: Sendable {
    /// Which rules link records.
    public enum Rule: String, Sendable, CaseIterable {
        /// Near-identical text and references to another channel's number.
        case both
        /// Near-identical text only.
        case text
        /// References only.
        case reference
    }

    /// What one region-quarter gave.
    public struct Slice: Sendable {
        /// The region code.
        public let region: String
        /// The quarter.
        public let quarter: Quarter
        /// Records read.
        public let records: Int
        /// Records folded into another one (not counted).
        public let collapsed: Int
        /// Links found by the text rule.
        public let textLinks: Int
        /// Links found by the reference rule.
        public let referenceLinks: Int
    }

    /// The measurement.
    public struct Report: Sendable {
        /// Per region-quarter, in region then quarter order.
        public let slices: [Slice]
        /// Pairs of records in one group.
        public let predictedPairs: Int
        /// Known pairs with both records present, when known links were given.
        public let truePairs: Int?
        /// Known pairs found.
        public let foundPairs: Int?
        /// Every linked pair of record keys with the rule that linked it (`text` or `reference`), sorted.
        public let links: [String]

        /// Found over predicted pairs (1 when nothing was predicted).
        public var precision: Double? {
            foundPairs.map { predictedPairs > 0 ? Double($0) / Double(predictedPairs) : 1 }
        }
        /// Found over known pairs (1 when none is known).
        public var recall: Double? {
            guard let foundPairs, let truePairs else { return nil }
            return truePairs > 0 ? Double(foundPairs) / Double(truePairs) : 1
        }

        /// A plain-text table and, with known links, precision and recall.
        public var text: String {
            var lines = ["регион  квартал  записей  объединено  связей по тексту  связей по номеру"]
            for slice in slices {
                lines.append(
                    "\(slice.region)      \(slice.quarter)   \(slice.records)     \(slice.collapsed)          "
                        + "\(slice.textLinks)                \(slice.referenceLinks)"
                )
            }
            let collapsed = slices.map(\.collapsed).reduce(0, +)
            lines.append("Всего записей: \(slices.map(\.records).reduce(0, +)), объединено: \(collapsed)")
            if let precision, let recall, let truePairs, let foundPairs {
                lines.append(
                    "Пары: предсказано \(predictedPairs), известно \(truePairs), найдено \(foundPairs); "
                        + "точность \(Self.format(precision)), полнота \(Self.format(recall))"
                )
            }
            return lines.joined(separator: "\n") + "\n"
        }

        private static func format(_ value: Double) -> String { String(format: "%.3f", value) }
    }

    let store: any FeedbackStore
    let settings: AnalysisConfiguration.CrossChannel

    /// Creates an evaluation over a store with the linker's settings.
    public init(store: any FeedbackStore, settings: AnalysisConfiguration.CrossChannel) {
        self.store = store
        self.settings = settings
    }

    /// The key a record is known by: `channel:number`, or `#id` without a number.
    public static func key(_ record: StoredRecord) -> String {
        record.record.sourceRecordID.map { "\(record.record.source.rawValue):\($0)" } ?? "#\(record.id.rawValue)"
    }

    /// Reads known links: one `{"a": key, "b": key}` object per line; blank lines skipped.
    ///
    /// A key is `"channel:number"` or an object with `source` and `source_record_id` (other fields ignored).
    ///
    /// - Parameter url: The JSON Lines file.
    /// - Returns: The pairs, each as a sorted two-key array.
    /// - Throws: ``LocatedFailure`` (``FailureCode/malformedLinks``) naming the line of a malformed pair; file errors as thrown by `Data(contentsOf:)`.
    public static func loadLinks(_ url: URL) throws -> Set<[String]> {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        var pairs = Set<[String]>()
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let a = Self.linkKey(object["a"]), let b = Self.linkKey(object["b"]), a != b
            else {
                throw LocatedFailure(
                    .malformedLinks,
                    at: SourceLocation(path: url.path, line: offset + 1),
                    message: "ожидалась пара {\"a\": \"канал:номер\", \"b\": \"канал:номер\"} двух разных записей",
                    status: .dataError
                )
            }
            pairs.insert([a, b].sorted())
        }
        return pairs
    }

    /// A record key from a link: `"channel:number"`, or `{"source": channel, "source_record_id": number}`.
    static func linkKey(_ value: Any?) -> String? {
        if let key = value as? String { return key }
        guard let object = value as? [String: Any], let source = object["source"] as? String,
            let number = object["source_record_id"] as? String
        else { return nil }
        return "\(source):\(number)"
    }

    /// Links the records of every region with records in the quarter and compares with `truth` when given.
    ///
    /// - Parameters:
    ///   - quarter: The quarter.
    ///   - regions: Region codes; empty for every region with records in the quarter.
    ///   - rule: Which rules link records.
    ///   - truth: Known pairs of record keys, or `nil`.
    /// - Returns: Counts per region and, with `truth`, precision and recall over record pairs.
    /// - Throws: What the store throws.
    public func run(quarter: Quarter, regions: [String], rule: Rule, truth: Set<[String]>?) async throws -> Report {
        let present = Set(try await store.status().records.filter { $0.quarter == quarter }.map(\.region))
        let codes = regions.isEmpty ? present.sorted() : regions.sorted()
        let linker = CrossChannelLinker(settings: settings)
        var slices: [Slice] = []
        var predicted = Set<[String]>()
        var keys = Set<String>()
        var linked: [String] = []
        for code in codes {
            let stored = try await store.storedRecords(region: code, quarter: quarter)
            let groups = linker.groups(
                stored.map(\.record),
                usesText: rule != .reference,
                usesReferences: rule != .text
            )
            keys.formUnion(stored.map(Self.key))
            for link in groups.links {
                let pair = [Self.key(stored[link.a]), Self.key(stored[link.b])].sorted()
                linked.append("\(pair[0]) \(pair[1]) \(link.reason.rawValue)")
            }
            for (_, members) in groups.members {
                let memberKeys = members.map { Self.key(stored[$0]) }
                for i in memberKeys.indices {
                    for j in memberKeys.indices where j > i {
                        predicted.insert([memberKeys[i], memberKeys[j]].sorted())
                    }
                }
            }
            slices.append(
                Slice(
                    region: code,
                    quarter: quarter,
                    records: stored.count,
                    collapsed: groups.collapsedCount,
                    textLinks: groups.links.filter { $0.reason == .text }.count,
                    referenceLinks: groups.links.filter { $0.reason == .reference }.count
                )
            )
        }
        guard let truth else {
            return Report(
                slices: slices,
                predictedPairs: predicted.count,
                truePairs: nil,
                foundPairs: nil,
                links: linked.sorted()
            )
        }
        let known = truth.filter { keys.contains($0[0]) && keys.contains($0[1]) }
        return Report(
            slices: slices,
            predictedPairs: predicted.count,
            truePairs: known.count,
            foundPairs: known.intersection(predicted).count,
            links: linked.sorted().map {
                known.contains(Array($0.split(separator: " ").prefix(2).map(String.init))) ? $0 + " known" : $0
            }
        )
    }
}

extension FailureCode {
    /// A file of known cross-channel links has a line that is no pair of two record keys (65).
    public static let malformedLinks = FailureCode(rawValue: "links.malformed")
}
