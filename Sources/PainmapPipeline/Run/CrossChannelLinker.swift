import Foundation
import PainmapCore
import PainmapText

/// Finds one citizen's complaint sent through several channels (ПОС, an agency site, the hotline), so that it is
/// counted once.
///
/// Two records of one region and quarter from **different channels** are linked when either
/// - one names the other's number: its text or «Передано в» field holds «№ N» (or «номер N») and the other record's
///   id in its channel is N — the hotline writes «Платформа обратной связи, сообщение № 318660389»; or
/// - their contents are near-identical: answers and operators' frames removed (``OperatorPhrasing``), at least
///   ``Settings/minimumCharacters`` long, character-shingle Jaccard ≥ ``Settings/similarity`` (``ShingleSet``),
///   received within ``Settings/windowDays`` of each other.
///
/// Linked records form groups (transitively); a group's earliest record (ties: the earlier one in the input) stands
/// for it in every count, and the group's channels are all listed. Candidate pairs for the text rule come from
/// MinHash banding (8 bands of 2 hashes of the shingles), so the cost grows with the records, not their pairs; each
/// record is compared with at most ``maximumComparisons`` others per band, nearest in time first.
struct CrossChannelLinker: Sendable {
    /// The rule's parameters (`Config/analysis.yaml`, `cross_channel_*`).
    typealias Settings = AnalysisConfiguration.CrossChannel

    /// Why two records were linked.
    enum Reason: String, Sendable {
        /// One names the other's number.
        case reference
        /// Near-identical text within the window.
        case text
    }

    /// Two linked records (indices into the input, `a < b`).
    struct Link: Sendable, Hashable {
        let a: Int
        let b: Int
        let reason: Reason
    }

    /// The groups of one batch of records.
    struct Groups: Sendable {
        /// For each record, the index of the record that stands for its group (itself when it stands for one).
        let representative: [Int]
        /// The links found.
        let links: [Link]

        /// Whether the record stands for its group (is counted).
        func isCounted(_ index: Int) -> Bool { representative[index] == index }

        /// Records folded into another one.
        var collapsedCount: Int { representative.indices.filter { !isCounted($0) }.count }

        /// The members of each group with more than one record, keyed by the representative.
        var members: [Int: [Int]] {
            var result: [Int: [Int]] = [:]
            for (index, root) in representative.enumerated() where root != index {
                result[root, default: [root]].append(index)
            }
            return result
        }
    }

    /// Comparisons per record and band at most (the nearest in time).
    static let maximumComparisons = 40
    private static let bands = 8
    private static let rowsPerBand = 2

    let settings: Settings
    private let phrasing = OperatorPhrasing()

    init(settings: Settings) {
        self.settings = settings
    }

    /// Links and groups the records of one region and quarter.
    ///
    /// - Parameters:
    ///   - records: The records.
    ///   - usesText: Whether the text rule applies (off: references only).
    ///   - usesReferences: Whether the reference rule applies (off: text only).
    /// - Returns: The groups and the links that made them.
    func groups(_ records: [FeedbackRecord], usesText: Bool = true, usesReferences: Bool = true) -> Groups {
        guard settings.isEnabled else {
            return Groups(representative: Array(records.indices), links: [])
        }
        var links = Set<Link>()
        if usesReferences { links.formUnion(referenceLinks(records)) }
        if usesText { links.formUnion(textLinks(records)) }
        var parent = Array(records.indices)
        func root(_ index: Int) -> Int {
            var node = index
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        func earlier(_ a: Int, _ b: Int) -> Bool {
            records[a].receivedAt != records[b].receivedAt ? records[a].receivedAt < records[b].receivedAt : a < b
        }
        for link in links.sorted(by: { ($0.a, $0.b) < ($1.a, $1.b) }) {
            let (x, y) = (root(link.a), root(link.b))
            guard x != y else { continue }
            if earlier(x, y) { parent[y] = x } else { parent[x] = y }
        }
        let representative = records.indices.map(root)
        return Groups(
            representative: representative,
            links: links.sorted { ($0.a, $0.b, $0.reason.rawValue) < ($1.a, $1.b, $1.reason.rawValue) }
        )
    }

    // MARK: References

    /// Pairs where one record's text or «Передано в» names the other's number in its channel.
    func referenceLinks(_ records: [FeedbackRecord]) -> [Link] {
        var byNumber: [String: [Int]] = [:]
        for (index, record) in records.enumerated() {
            if let id = record.sourceRecordID, id.allSatisfy(\.isNumber), id.count >= 5 {
                byNumber[id, default: []].append(index)
            }
        }
        guard !byNumber.isEmpty else { return [] }
        var links: [Link] = []
        for (index, record) in records.enumerated() {
            for number in Self.referencedNumbers(in: (record.organization ?? "") + " " + record.text) {
                for other in byNumber[number] ?? [] where other != index && records[other].source != record.source {
                    links.append(Link(a: min(index, other), b: max(index, other), reason: .reference))
                }
            }
        }
        return links
    }

    /// Numbers of five or more digits written after «№» or «номер», with at most one word between.
    static func referencedNumbers(in text: String) -> [String] {
        var result: [String] = []
        let characters = Array(text.lowercased())
        var index = 0
        while index < characters.count {
            var start: Int?
            if characters[index] == "№" {
                start = index + 1
            } else if index + 5 <= characters.count, String(characters[index..<(index + 5)]) == "номер" {
                start = index + 5
                while start.map({ $0 < characters.count && characters[$0].isLetter }) == true { start? += 1 }
            }
            guard var position = start else {
                index += 1
                continue
            }
            func skipSeparators() {
                while position < characters.count, " :".contains(characters[position]) { position += 1 }
            }
            skipSeparators()
            // «номер обращения: N», «№ сообщения N»: one word may stand between.
            if position < characters.count, characters[position].isLetter {
                while position < characters.count, characters[position].isLetter { position += 1 }
                skipSeparators()
            }
            var digits = ""
            while position < characters.count, characters[position].isASCII, characters[position].isNumber {
                digits.append(characters[position])
                position += 1
            }
            if digits.count >= 5 { result.append(digits) }
            index = max(position, index + 1)
        }
        return result
    }

    // MARK: Text

    /// Pairs from different channels with near-identical contents received within the window.
    func textLinks(_ records: [FeedbackRecord]) -> [Link] {
        let contents = records.map { phrasing.content(of: $0.text) }
        let shingles = contents.map { $0.count >= settings.minimumCharacters ? ShingleSet($0) : nil }
        let window = Double(settings.windowDays) * 86_400
        var links = Set<Link>()
        for band in 0..<Self.bands {
            var buckets: [UInt64: [Int]] = [:]
            for (index, set) in shingles.enumerated() {
                guard let set, !set.hashes.isEmpty else { continue }
                buckets[Self.bandKey(set, band: band), default: []].append(index)
            }
            for key in buckets.keys.sorted() {
                guard let members = buckets[key], members.count > 1 else { continue }
                let ordered = members.sorted {
                    records[$0].receivedAt != records[$1].receivedAt
                        ? records[$0].receivedAt < records[$1].receivedAt : $0 < $1
                }
                for (position, index) in ordered.enumerated() {
                    var compared = 0
                    for other in ordered[(position + 1)...] {
                        let gap = records[other].receivedAt.timeIntervalSince(records[index].receivedAt)
                        if gap > window || compared >= Self.maximumComparisons { break }
                        guard records[other].source != records[index].source else { continue }
                        compared += 1
                        let pair = Link(a: min(index, other), b: max(index, other), reason: .text)
                        guard !links.contains(pair), let x = shingles[index], let y = shingles[other] else { continue }
                        if x.jaccard(y) >= settings.similarity { links.insert(pair) }
                    }
                }
            }
        }
        return Array(links)
    }

    /// The band's key: its minimum hashes under `rowsPerBand` fixed mixes, combined.
    private static func bandKey(_ set: ShingleSet, band: Int) -> UInt64 {
        var key: UInt64 = 0x9e37_79b9_7f4a_7c15
        for row in 0..<rowsPerBand {
            let salt = UInt64(band * rowsPerBand + row + 1) &* 0xbf58_476d_1ce4_e5b9
            var minimum = UInt64.max
            for hash in set.hashes { minimum = min(minimum, mix(hash ^ salt)) }
            key = mix(key ^ minimum)
        }
        return key
    }

    /// SplitMix64's finalizer.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
