import Foundation
public import PainmapCore
import PainmapText

/// Finds one citizen's complaint sent through several channels (ПОС, an agency site, the hotline), so that it is
/// counted once.
///
/// Two records of one region and quarter from **different channels** are linked when either
/// - one names the other's number: its text or «Передано в» field holds «№ N» (or «номер N») and the other record's
///   id in its channel is N — the hotline writes «Платформа обратной связи, сообщение № 318660389»; or
/// - their contents (answers and operators' frames removed by ``OperatorPhrasing``, at least
///   ``Settings/minimumCharacters`` long, received within ``Settings/windowDays`` of each other) are near-identical
///   (character-shingle Jaccard ≥ ``Settings/similarity``, ``ShingleSet``) or a paraphrase anchored in the same
///   details (two shared numbers or names and a stem Jaccard ≥ ``Settings/paraphraseSimilarity`` within
///   ``Settings/windowDays``; when one of the shared details is a number of two digits or more,
///   ``paraphraseSimilarity(_:_:)`` — which
///   also counts a summary contained in a letter — within ``paraphraseWindowDays`` if every number of one is among
///   the other's), and their numbers and details do not mostly differ (see ``textLinks(_:)``).
///
/// Linked records form groups (transitively); a group's earliest record (ties: the earlier one in the input) stands
/// for it in every count, and the group's channels are all listed. Candidate pairs for near-identical text come from
/// MinHash banding (8 bands of 2 hashes of the shingles), those for paraphrases from shared details held by at most
/// ``maximumDetailRecords`` records, so the cost grows with the records, not their pairs; each record is compared
/// with at most ``maximumComparisons`` others per band, nearest in time first.
public struct CrossChannelLinker: Sendable {
    /// The rule's parameters (`Config/analysis.yaml`, `cross_channel_*`).
    public typealias Settings = AnalysisConfiguration.CrossChannel

    /// Why two records were linked.
    public enum Reason: String, Sendable {
        /// One names the other's number.
        case reference
        /// Near-identical text within the window.
        case text
    }

    /// Two linked records (indices into the input, `a < b`).
    public struct Link: Sendable, Hashable {
        /// The first record's index.
        public let a: Int
        /// The second record's index.
        public let b: Int
        /// Why they were linked.
        public let reason: Reason
    }

    /// The groups of one batch of records.
    public struct Groups: Sendable {
        /// For each record, the index of the record that stands for its group (itself when it stands for one).
        public let representative: [Int]
        /// The links found.
        public let links: [Link]

        /// Whether the record stands for its group (is counted).
        public func isCounted(_ index: Int) -> Bool { representative[index] == index }

        /// Records folded into another one.
        public var collapsedCount: Int { representative.indices.filter { !isCounted($0) }.count }

        /// The members of each group with more than one record, keyed by the representative.
        public var members: [Int: [Int]] {
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

    /// Creates a linker with the configured settings.
    public init(settings: Settings) {
        self.settings = settings
    }

    /// Links and groups the records of one region and quarter.
    ///
    /// - Parameters:
    ///   - records: The records.
    ///   - usesText: Whether the text rule applies (off: references only).
    ///   - usesReferences: Whether the reference rule applies (off: text only).
    /// - Returns: The groups and the links that made them.
    public func groups(_ records: [FeedbackRecord], usesText: Bool = true, usesReferences: Bool = true) -> Groups {
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
    ///
    /// A number is whatever follows «№» or «номер» (one word may stand between): digits, or an id such as
    /// «ОГ-СВО-04556/26». A record that cites another «по другому вопросу» is not the same complaint.
    func referenceLinks(_ records: [FeedbackRecord]) -> [Link] {
        var byNumber: [String: [Int]] = [:]
        for (index, record) in records.enumerated() {
            if let id = record.sourceRecordID?.lowercased(), id.count >= 5 { byNumber[id, default: []].append(index) }
        }
        guard !byNumber.isEmpty else { return [] }
        var links: [Link] = []
        for (index, record) in records.enumerated() {
            let text = (record.organization ?? "") + " " + record.text
            // Most texts cite no number: a scan of their scalars proves it before the character-level reading.
            guard Self.mayCiteNumber(text) else { continue }
            let ids = Self.referencedIDs(in: text)
            guard ids.contains(where: { byNumber[$0] != nil }) else { continue }
            let folded = text.lowercased()
            if Self.otherMatterCues.contains(where: folded.contains) { continue }
            for number in ids {
                for other in byNumber[number] ?? [] where other != index && records[other].source != record.source {
                    links.append(Link(a: min(index, other), b: max(index, other), reason: .reference))
                }
            }
        }
        return links
    }

    /// Phrases saying a cited record was about something else.
    static let otherMatterCues = ["по другому вопросу", "по иному вопросу", "другой вопрос", "не по этому вопросу"]

    /// Whether the text holds «№» or the letters «номер» in any case — the only starts ``referencedIDs(in:)``
    /// reads an id after.
    static func mayCiteNumber(_ text: String) -> Bool {
        let word: [UInt32] = [0x43D, 0x43E, 0x43C, 0x435, 0x440]  // н о м е р
        var matched = 0
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if value == 0x2116 { return true }  // №
            if (0x410...0x42F).contains(value) { value += 0x20 }  // А–Я to а–я
            if value == word[matched] {
                matched += 1
                if matched == word.count { return true }
            } else {
                matched = value == word[0] ? 1 : 0
            }
        }
        return false
    }

    /// Numbers of five or more digits written after «№» or «номер», with at most one word between.
    static func referencedNumbers(in text: String) -> [String] {
        referencedIDs(in: text).filter { $0.allSatisfy(\.isNumber) }
    }

    /// Ids of five characters or more, at least one a digit, written after «№» or «номер» (one word may stand
    /// between), lowercased: «№ 318660389», «№ ОГ-СВО-04556/26», «номер обращения: 301207862».
    static func referencedIDs(in text: String) -> [String] {
        var result: [String] = []
        let characters = Array(text.lowercased())
        var index = 0
        while index < characters.count {
            var start: Int?
            if characters[index] == "№" {
                start = index + 1
            } else if index + 5 <= characters.count, String(characters[index..<(index + 5)]) == "номер",
                index == 0 || !characters[index - 1].isLetter
            {
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
            var id = ""
            func readID() {
                id = ""
                while position < characters.count,
                    characters[position].isLetter || characters[position].isNumber
                        || "-/".contains(characters[position])
                {
                    id.append(characters[position])
                    position += 1
                }
            }
            readID()
            // «номер обращения: N», «№ сообщения N»: one word may stand between.
            if !id.contains(where: \.isNumber) {
                skipSeparators()
                readID()
            }
            while let last = id.last, "-/".contains(last) { id.removeLast() }
            if id.count >= 5, id.contains(where: \.isNumber) { result.append(id) }
            index = max(position, index + 1)
        }
        return result
    }

    // MARK: Text

    /// Pairs from different channels received within the window that say the same thing.
    ///
    /// Either the contents are near-identical (shingle Jaccard ≥ ``Settings/similarity``), or they are a paraphrase
    /// anchored in the same details: at least two details in common and a stem Jaccard ≥
    /// ``Settings/paraphraseSimilarity``. A detail is a number or a capitalised or quoted name inside the text
    /// («школа № 177», «УК «Наш дом»», «ул. Техническая»); either way, two records whose details are mostly
    /// different (detail Jaccard < 0.5) are two citizens using one template, not one complaint.
    func textLinks(_ records: [FeedbackRecord]) -> [Link] {
        let contents = records.map { phrasing.content(of: $0.text) }
        let eligible = contents.map { $0.count >= settings.minimumCharacters }
        let shingles = zip(contents, eligible).map { $1 ? ShingleSet($0) : nil }
        let details = contents.map(Self.details)
        let analyzer = TextAnalyzer()
        var stemCache: [Int: [String]] = [:]
        func stems(_ index: Int) -> [String] {
            if let cached = stemCache[index] { return cached }
            let value = Array(Set(analyzer.analyze(contents[index]).map(\.stem))).sorted()
            stemCache[index] = value
            return value
        }
        let window = Double(settings.windowDays) * 86_400
        let numbers = details.map { $0.filter { $0.allSatisfy(\.isNumber) } }
        let clockNumbers = contents.map(Self.clockNumbers)
        func consistent(_ x: Int, _ y: Int) -> Bool {
            if !numbers[x].isEmpty, !numbers[y].isEmpty, Self.jaccard(numbers[x], numbers[y]) < 0.5 { return false }
            guard !details[x].isEmpty, !details[y].isEmpty else { return true }
            return Self.jaccard(details[x], details[y]) >= 0.5
        }
        let paraphraseWindow = Double(max(settings.windowDays, Self.paraphraseWindowDays)) * 86_400
        func gap(_ x: Int, _ y: Int) -> Double {
            abs(records[x].receivedAt.timeIntervalSince(records[y].receivedAt))
        }
        func admissible(_ x: Int, _ y: Int) -> Bool {
            records[x].source != records[y].source && gap(x, y) <= paraphraseWindow
        }
        // Past the text window a paraphrase must keep its numbers: every number of the record with fewer numbers is
        // one of the other's (a summary drops details, it does not change them).
        func keepsNumbers(_ x: Int, _ y: Int) -> Bool {
            let (fewer, more) = numbers[x].count <= numbers[y].count ? (x, y) : (y, x)
            return Set(numbers[fewer]).isSubset(of: numbers[more])
        }
        var links = Set<Link>()
        // Near-identical text: MinHash bands over the shingles.
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
                        if x.jaccard(y) >= settings.similarity, consistent(index, other) { links.insert(pair) }
                    }
                }
            }
        }
        // Paraphrases: records sharing two details or more (details in many records are not specific).
        guard settings.paraphraseSimilarity < 1 else { return Array(links) }
        var byDetail: [String: [Int]] = [:]
        for (index, set) in details.enumerated() where eligible[index] {
            for detail in set { byDetail[detail, default: []].append(index) }
        }
        var shared: [Int64: Int] = [:]
        for detail in byDetail.keys.sorted() {
            guard let members = byDetail[detail], members.count > 1, members.count <= Self.maximumDetailRecords else {
                continue
            }
            for i in members.indices {
                for j in members.indices where j > i && admissible(members[i], members[j]) {
                    shared[Int64(members[i]) << 32 | Int64(members[j]), default: 0] += 1
                }
            }
        }
        for (key, count) in shared.sorted(by: { $0.key < $1.key }) where count >= 2 {
            let (x, y) = (Int(key >> 32), Int(key & 0xffff_ffff))
            let pair = Link(a: min(x, y), b: max(x, y), reason: .text)
            guard !links.contains(pair), consistent(x, y) else { continue }
            // A shared number of two digits or more (a house, a school, a sum; not a time of day) anchors a
            // paraphrase: then a summary's
            // containment counts and the longer window applies. Shared names, quotes or small counts alone
            // («Отправлено в ведомство», «3 года») are often a template's words, so they link only a close wording
            // within the text window.
            let anchored = numbers[x].contains {
                $0.count >= 2 && numbers[y].contains($0) && !clockNumbers[x].contains($0)
                    && !clockNumbers[y].contains($0)
            }
            guard gap(x, y) <= window || (anchored && keepsNumbers(x, y)) else { continue }
            let similarity =
                anchored ? Self.paraphraseSimilarity(stems(x), stems(y)) : Self.jaccard(stems(x), stems(y))
            if similarity >= settings.paraphraseSimilarity { links.insert(pair) }
        }
        return Array(links)
    }

    /// Records a detail may be shared by and still count as specific.
    static let maximumDetailRecords = 40

    /// A text's details, lowercased and sorted: numbers, and capitalised or quoted words not at a sentence start.
    static func details(_ text: String) -> [String] {
        var result = Set<String>()
        var word = ""
        var previous: Character = "."
        var wordStartsSentence = true
        var quoted = false
        func close() {
            defer { word = "" }
            guard !word.isEmpty else { return }
            if word.allSatisfy(\.isNumber) {
                result.insert(word)
            } else if let first = word.first, word.count >= 3,
                quoted || (first.isUppercase && !wordStartsSentence && word.dropFirst().contains(where: \.isLowercase))
            {
                result.insert(word.lowercased())
            }
        }
        for character in text {
            if character.isLetter || character.isNumber {
                if word.isEmpty { wordStartsSentence = ".!?\n".contains(previous) || previous == "." }
                word.append(character)
            } else {
                close()
                if character == "«" || character == "\"" { quoted = character == "«" ? true : !quoted }
                if character == "»" { quoted = false }
                if !character.isWhitespace { previous = character }
            }
            if character.isLetter || character.isNumber { previous = "a" }
        }
        close()
        return result.sorted()
    }

    /// The longest gap, in days, between a paraphrase and its original when they share two details or more, one of
    /// them a number of two digits or more, their details do not mostly differ and every number of one is among the other's: a shared
    /// house, school number or sum is the evidence there, so a citizen's rewrite or an operator's summary weeks later
    /// still links, while text without such a number keeps ``Settings/windowDays``.
    static let paraphraseWindowDays = 30

    /// How much two contents' stems say the same thing: their Jaccard overlap, or half the share of the shorter
    /// one's stems found in the longer one when that is higher.
    ///
    /// An operator's two-line summary of a long letter shares few of its stems (low Jaccard) but
    /// most of the summary's own; half the containment puts a summary whose stems are all in the letter at 0.5 and
    /// one with half its stems there at the default threshold 0.25.
    static func paraphraseSimilarity(_ a: [String], _ b: [String]) -> Double {
        let shared = Set(a).intersection(b).count
        let smaller = min(a.count, b.count)
        let containment = smaller == 0 ? 0 : Double(shared) / Double(smaller)
        return max(jaccard(a, b), containment / 2)
    }

    /// The hours and minutes of the times of day in a text («до 19:00» gives 19 and 00): opening hours and
    /// appointments are common to many messages, so they never anchor a paraphrase.
    static func clockNumbers(_ text: String) -> Set<String> {
        var result = Set<String>()
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index].isNumber else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end].isNumber { end += 1 }
            let hour = String(characters[index..<end])
            if end + 2 < characters.count, characters[end] == ":", hour.count <= 2,
                characters[end + 1].isNumber, characters[end + 2].isNumber,
                end + 3 == characters.count || !characters[end + 3].isNumber
            {
                result.insert(hour)
                result.insert(String(characters[(end + 1)...(end + 2)]))
            }
            index = end
        }
        return result
    }

    /// Jaccard overlap of two sorted, unique lists.
    static func jaccard(_ a: [String], _ b: [String]) -> Double {
        let shared = Set(a).intersection(b).count
        let union = a.count + b.count - shared
        return union == 0 ? 1 : Double(shared) / Double(union)
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
