import PainmapClustering
import PainmapCore
import PainmapText

/// The analyzed words of a region's texts as `Int32` ids, each distinct word's surface form and stem kept once.
///
/// A million records hold tens of millions of words but a few hundred thousand distinct ones: as `AnalyzedToken`s
/// (two `String`s each) they would take gigabytes, as ids 4 bytes a word. Texts are analyzed in parallel chunks, each
/// task with its own ``PainmapText/StemCache``; chunks merge in input order and a word gets its id at its first merged
/// occurrence, so the ids do not depend on the thread count.
struct AnalyzedTexts: Sendable {
    /// Surface form of each word id.
    private(set) var surfaces: [String] = []
    /// Stem of each word id.
    private(set) var stems: [String] = []
    /// Word ids of all texts, concatenated in text order.
    private(set) var words: [Int32] = []
    /// `words[offsets[t] ..< offsets[t + 1]]` are text `t`'s words.
    private(set) var offsets: [Int] = [0]

    /// Number of texts.
    var count: Int { offsets.count - 1 }

    /// The word ids of one text, in text order.
    func words(of text: Int) -> ArraySlice<Int32> {
        words[offsets[text]..<offsets[text + 1]]
    }

    /// Texts per analysis chunk.
    static let chunkSize = 2_048

    /// Analyzes texts in parallel chunks.
    ///
    /// - Parameters:
    ///   - count: Number of texts.
    ///   - text: The text of a number `0 ..< count` (called from several tasks).
    ///   - analyzer: The analyzer (stop words of `Config/analysis.yaml`).
    ///   - threadCount: At most this many tasks analyze at once.
    /// - Returns: The word ids of every text.
    static func analyze(
        count: Int,
        text: @escaping @Sendable (Int) -> String,
        analyzer: TextAnalyzer,
        threadCount: Int
    ) async -> AnalyzedTexts {
        var result = AnalyzedTexts()
        var idOfSurface: [String: Int32] = [:]
        var nextChunk = 0
        _ = await orderedParallelMap(
            width: max(1, threadCount),
            makeState: { _ in StemCache(minimumCapacity: 16_384) },
            next: { () -> Range<Int>? in
                guard nextChunk * chunkSize < count else { return nil }
                defer { nextChunk += 1 }
                return nextChunk * chunkSize..<min(count, (nextChunk + 1) * chunkSize)
            },
            transform: { (range: Range<Int>, cache: inout StemCache) -> Chunk in
                Chunk(range.map(text), analyzer: analyzer, cache: &cache)
            },
            consume: { chunk in
                var global: [Int32] = []
                global.reserveCapacity(chunk.surfaces.count)
                for (surface, stem) in zip(chunk.surfaces, chunk.stems) {
                    if let id = idOfSurface[surface] {
                        global.append(id)
                    } else {
                        let id = Int32(result.surfaces.count)
                        idOfSurface[surface] = id
                        result.surfaces.append(surface)
                        result.stems.append(stem)
                        global.append(id)
                    }
                }
                let base = result.words.count
                result.words.append(contentsOf: chunk.words.lazy.map { global[Int($0)] })
                result.offsets.append(contentsOf: chunk.ends.lazy.map { $0 + base })
                return true
            }
        )
        return result
    }

    /// One chunk's words, numbered in the chunk's own first-seen order.
    private struct Chunk: Sendable {
        var surfaces: [String] = []
        var stems: [String] = []
        var words: [Int32] = []
        var ends: [Int] = []

        init(_ texts: [String], analyzer: TextAnalyzer, cache: inout StemCache) {
            var cacheIDs: [Int32] = []
            var localOfCache: [Int32: Int32] = [:]
            ends.reserveCapacity(texts.count)
            for text in texts {
                cacheIDs.removeAll(keepingCapacity: true)
                analyzer.appendWordIDs(of: text, cache: &cache, to: &cacheIDs)
                for id in cacheIDs {
                    if let local = localOfCache[id] {
                        words.append(local)
                    } else {
                        let local = Int32(surfaces.count)
                        localOfCache[id] = local
                        surfaces.append(cache.surface(ofWord: Int(id)))
                        stems.append(cache.stem(ofWord: Int(id)))
                        words.append(local)
                    }
                }
                ends.append(words.count)
            }
        }
    }
}

extension InternedDocuments.Builder {
    /// Appends texts of a region as documents, interning their words in first-seen order — the ids, groups and
    /// documents ``PainmapClustering/ClusterDocument`` lists of the same tokens would give.
    ///
    /// - Parameters:
    ///   - texts: The region's analyzed texts.
    ///   - indices: The texts to append, in document order.
    ///   - localOfWord: The builder's id of each region word id, `-1` when not interned yet (grows as needed).
    ///   - group: The group number of a text (its channel, numbered by first appearance by the caller).
    mutating func append(
        _ texts: AnalyzedTexts,
        indices: [Int],
        localOfWord: inout [Int32],
        group: (Int) -> Int32
    ) {
        if localOfWord.count < texts.surfaces.count {
            localOfWord += repeatElement(-1, count: texts.surfaces.count - localOfWord.count)
        }
        var words: [Int32] = []
        for index in indices {
            words.removeAll(keepingCapacity: true)
            for word in texts.words(of: index) {
                let stem = texts.stems[Int(word)]
                guard !stem.isEmpty else { continue }
                var local = localOfWord[Int(word)]
                if local < 0 {
                    local = self.word(surface: texts.surfaces[Int(word)], stem: stem)
                    localOfWord[Int(word)] = local
                }
                words.append(local)
            }
            appendDocument(words: words, weight: 1, group: group(index))
        }
    }
}
