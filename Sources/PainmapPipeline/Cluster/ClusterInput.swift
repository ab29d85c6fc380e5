import PainmapClustering
import PainmapCore
import PainmapIngest
import PainmapText

/// The rows of one CSV reduced to what clustering and the outputs need: ids, truth labels and distinct
/// analyzed texts as interned word ids.
///
/// Texts are analyzed in parallel chunks, each task with its own ``PainmapText/StemCache``; chunks report
/// the cache's word ids and merge in input order into one ``PainmapClustering/InternedDocuments/Builder``,
/// which numbers words at their first occurrence in the file, so the result does not depend on the number
/// of threads. Rows whose analyzed words (in order) are identical share
/// one distinct document whose weight counts them: the collapse the engine makes on stems anyway, made
/// earlier so duplicates never hold token arrays. Tokens are `Int32` ids, never `String`s. Raw texts are not
/// kept at all; quotes are read again at the end (``texts(ofRows:reader:columns:path:)``).
struct ClusterInput {
    /// The header positions of the columns the job reads.
    struct Columns {
        /// Position of the id column.
        var id: Int
        /// Position of the text column.
        var text: Int
        /// Position of the truth column, when one was asked for.
        var truth: Int?

        /// The positions to decode; the reader leaves every other field undecoded.
        var decoded: [Int] { [id, text] + (truth.map { [$0] } ?? []) }
    }

    /// The id of every data row, in input order.
    private(set) var ids: [String] = []
    /// The truth label of every data row as a small integer (empty without a truth column).
    private(set) var truth: [Int32] = []
    /// The distinct document of every data row, or `-1` when the row has no words.
    private(set) var documentOfRow: [Int32] = []
    /// The first data row (0-based) of each distinct document.
    private(set) var firstRow: [Int] = []
    /// The distinct documents, as the engine takes them.
    var documents: InternedDocuments { builder.documents }
    /// Number of distinct documents.
    var documentCount: Int { firstRow.count }

    private var builder = InternedDocuments.Builder()
    /// Per stem cache, the (surface, stem) of each of its word ids, as its chunks reported them.
    private var cacheWords: [[(surface: String, stem: String)]] = []
    /// Per stem cache, the global word id of each of its word ids, `-1` until first merged.
    private var globalOfCacheWord: [[Int32]] = []
    private var truthIDs: [String: Int32] = [:]
    /// Open addressing over distinct documents by a hash of their word ids: slot → document + 1 (0 = empty).
    private var documentSlots = [Int32](repeating: 0, count: 1 << 16)
    private var documentHashes: [UInt64] = []

    /// Number of data rows.
    var rowCount: Int { ids.count }

    /// Reads every data row after the header and analyzes the texts.
    ///
    /// - Parameters:
    ///   - reader: A reader positioned after the header.
    ///   - columns: Where the id, text and truth columns are.
    ///   - threadCount: Analysis tasks running at once.
    ///   - chunkSize: Rows per analysis task.
    /// - Returns: The collected input.
    /// - Throws: ``PainmapIngest/DelimitedTextReader/ReadError`` for a row that cannot be read.
    static func read(
        _ reader: inout DelimitedTextReader,
        columns: Columns,
        threadCount: Int,
        chunkSize: Int
    ) async throws -> ClusterInput {
        let chunkSize = max(1, chunkSize)
        var input = ClusterInput()
        let analyzer = TextAnalyzer()
        // One cache per running task; a cache only memoizes stems, so which chunk gets which cache
        // cannot change any token.
        var caches = (0..<max(1, threadCount)).map { (number: $0, cache: StemCache(minimumCapacity: 16_384)) }
        input.cacheWords = [[(surface: String, stem: String)]](repeating: [], count: caches.count)
        input.globalOfCacheWord = [[Int32]](repeating: [], count: caches.count)
        try await withThrowingTaskGroup(of: (AnalyzedChunk, StemCache).self) { group in
            var buffer = InOrderBuffer<AnalyzedChunk>()
            var chunkCount = 0
            func absorb(_ done: (chunk: AnalyzedChunk, cache: StemCache)) {
                let chunk = done.chunk
                caches.append((chunk.cacheNumber, done.cache))
                for ready in buffer.add(chunk, at: chunk.index) {
                    input.merge(ready, firstRow: ready.index * chunkSize)
                }
            }
            while true {
                let texts = try input.readChunk(&reader, columns: columns, size: chunkSize)
                if texts.isEmpty { break }
                while caches.isEmpty, let done = try await group.next() { absorb(done) }
                let (number, cache) = caches.removeLast()
                let index = chunkCount
                chunkCount += 1
                group.addTask {
                    Self.analyze(texts, index: index, cacheNumber: number, cache: cache, analyzer: analyzer)
                }
            }
            while let done = try await group.next() { absorb(done) }
        }
        input.cacheWords = []
        input.globalOfCacheWord = []
        // The lookup tables are done with; dropping them leaves more room for the engine.
        input.truthIDs = [:]
        input.documentSlots = []
        input.documentHashes = []
        return input
    }

    /// The `(id, text)` of the given data rows, read again from the file.
    ///
    /// - Parameters:
    ///   - rows: 0-based data rows.
    ///   - reader: A fresh reader over the same file, positioned after the header.
    ///   - columns: Where the id and text columns are.
    ///   - path: The input path as the user gave it, for messages.
    /// - Returns: The id and exact text of each requested row.
    /// - Throws: ``CSVClusterJob/Failure`` with ``CSVClusterJob/Failure/Code/inputChanged`` when the file no
    ///   longer matches the first pass; the reader's error for an unreadable row.
    func texts(
        ofRows rows: Set<Int>,
        reader: inout DelimitedTextReader,
        columns: Columns,
        path: String
    ) throws -> [Int: (id: String, text: String)] {
        var found: [Int: (id: String, text: String)] = [:]
        guard let last = rows.max() else { return found }
        var row = 0
        while row <= last {
            guard rows.contains(row) else {
                guard try reader.skip(decoding: columns.decoded) != nil else { break }
                row += 1
                continue
            }
            guard let next = try reader.next(decoding: columns.decoded) else { break }
            let id = Self.field(next.fields, columns.id)
            guard row < ids.count, id == ids[row] else {
                throw CSVClusterJob.Failure(
                    code: .inputChanged,
                    location: SourceLocation(path: path, line: next.line),
                    message: "файл изменился во время работы; дождитесь окончания выгрузки и повторите"
                )
            }
            found[row] = (id, Self.field(next.fields, columns.text))
            row += 1
        }
        guard found.count == rows.count else {
            throw CSVClusterJob.Failure(
                code: .inputChanged,
                location: SourceLocation(path: path),
                message: "файл изменился во время работы (строк стало меньше); дождитесь окончания выгрузки и повторите"
            )
        }
        return found
    }

    /// Reads up to `size` rows, keeping ids and truth labels and returning the texts.
    private mutating func readChunk(
        _ reader: inout DelimitedTextReader,
        columns: Columns,
        size: Int
    ) throws -> [String] {
        var texts: [String] = []
        texts.reserveCapacity(size)
        let decoded = columns.decoded
        while texts.count < size, let row = try reader.next(decoding: decoded) {
            ids.append(Self.field(row.fields, columns.id))
            texts.append(Self.field(row.fields, columns.text))
            if let column = columns.truth {
                let label = Self.field(row.fields, column)
                if let id = truthIDs[label] {
                    truth.append(id)
                } else {
                    let id = Int32(truthIDs.count)
                    truthIDs[label] = id
                    truth.append(id)
                }
            }
        }
        return texts
    }

    /// A field of a row, or `""` when the row is shorter than the header.
    private static func field(_ fields: [String], _ index: Int) -> String {
        index < fields.count ? fields[index] : ""
    }

    /// Adds one analyzed chunk whose first row is `firstRow`, in input order.
    ///
    /// Chunks speak in their task's cache ids. A cache serves its chunks one after another and chunks merge
    /// in index order, so each cache's new words arrive here in the order the cache numbered them. Global ids
    /// are given at a word's first merged occurrence, that is in input order, whichever cache saw it first.
    private mutating func merge(_ chunk: AnalyzedChunk, firstRow: Int) {
        let cache = chunk.cacheNumber
        precondition(cacheWords[cache].count == chunk.firstNewWord, "stem cache chunks merged out of order")
        cacheWords[cache].append(contentsOf: chunk.newWords)
        globalOfCacheWord[cache].append(contentsOf: repeatElement(-1, count: chunk.newWords.count))
        var words: [Int32] = []
        for offset in 0..<chunk.rowCount {
            words.removeAll(keepingCapacity: true)
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for cacheWord in chunk.tokens[chunk.rowOffsets[offset]..<chunk.rowOffsets[offset + 1]] {
                var word = globalOfCacheWord[cache][Int(cacheWord)]
                if word < 0 {
                    let entry = cacheWords[cache][Int(cacheWord)]
                    word = builder.word(surface: entry.surface, stem: entry.stem)
                    globalOfCacheWord[cache][Int(cacheWord)] = word
                }
                words.append(word)
                hash = (hash ^ UInt64(UInt32(bitPattern: word))) &* 0x0000_0100_0000_01B3
            }
            add(row: firstRow + offset, words: words, hash: hash)
        }
    }

    private mutating func add(row: Int, words: [Int32], hash: UInt64) {
        guard !words.isEmpty else {
            documentOfRow.append(-1)
            return
        }
        let mask = documentSlots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask
        while documentSlots[slot] != 0 {
            let document = Int(documentSlots[slot] - 1)
            if documentHashes[document] == hash, builder.document(document, hasWords: words) {
                builder.addWeight(1, toDocument: document)
                documentOfRow.append(Int32(document))
                return
            }
            slot = (slot + 1) & mask
        }
        let document = builder.appendDocument(words: words)
        documentSlots[slot] = Int32(document + 1)
        documentHashes.append(hash)
        firstRow.append(row)
        documentOfRow.append(Int32(document))
        if 2 * documentHashes.count > documentSlots.count { growDocumentSlots() }
    }

    private mutating func growDocumentSlots() {
        documentSlots = [Int32](repeating: 0, count: documentSlots.count * 2)
        let mask = documentSlots.count - 1
        for (document, hash) in documentHashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask
            while documentSlots[slot] != 0 { slot = (slot + 1) & mask }
            documentSlots[slot] = Int32(document + 1)
        }
    }

    /// One chunk's analysis, tagged with its index so chunks merge in input order.
    private struct AnalyzedChunk: Sendable {
        var index: Int
        /// The stem cache the chunk was analyzed with.
        var cacheNumber: Int
        /// That cache's word ids of all rows, concatenated.
        var tokens: [Int32]
        /// Row `r`'s ids are `tokens[rowOffsets[r] ..< rowOffsets[r + 1]]`.
        var rowOffsets: [Int]
        /// The cache's id of the first word it learned during this chunk.
        var firstNewWord: Int
        /// The words the cache learned during this chunk, in id order.
        var newWords: [(surface: String, stem: String)]

        var rowCount: Int { rowOffsets.count - 1 }
    }

    private static func analyze(
        _ texts: [String],
        index: Int,
        cacheNumber: Int,
        cache: StemCache,
        analyzer: TextAnalyzer
    ) -> (AnalyzedChunk, StemCache) {
        var cache = cache
        let firstNewWord = cache.count
        var tokens: [Int32] = []
        var rowOffsets = [0]
        rowOffsets.reserveCapacity(texts.count + 1)
        tokens.reserveCapacity(16 * texts.count)
        for text in texts {
            analyzer.appendWordIDs(of: text, cache: &cache, to: &tokens)
            rowOffsets.append(tokens.count)
        }
        let newWords = (firstNewWord..<cache.count).map { (cache.surface(ofWord: $0), cache.stem(ofWord: $0)) }
        let chunk = AnalyzedChunk(
            index: index,
            cacheNumber: cacheNumber,
            tokens: tokens,
            rowOffsets: rowOffsets,
            firstNewWord: firstNewWord,
            newWords: newWords
        )
        return (chunk, cache)
    }
}
