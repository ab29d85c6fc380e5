import PainmapClustering
import PainmapCore
import PainmapIngest
import PainmapText

/// The rows of one CSV reduced to what clustering and the outputs need: ids, truth labels and distinct
/// analyzed texts.
///
/// Texts are analyzed in parallel chunks, each task with its own ``PainmapText/StemCache``, and merged
/// in input order, so the result does not depend on the number of threads. Rows whose analyzed words
/// (surface forms, in order) are identical share one distinct document whose weight counts them: the
/// collapse the engine makes on stems anyway, made earlier so duplicates never hold token arrays. Raw
/// texts are not kept at all; quotes are read again at the end
/// (``texts(ofRows:reader:columns:path:)``).
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
    /// The analyzed words of each distinct document.
    private(set) var tokens: [[ClusterToken]] = []
    /// The first data row (0-based) of each distinct document.
    private(set) var firstRow: [Int] = []
    /// How many data rows each distinct document stands for.
    private(set) var weights: [Int] = []

    private var truthIDs: [String: Int32] = [:]
    private var documentOfHash: [UInt64: Int32] = [:]
    /// Further documents whose word hash collided with the one in ``documentOfHash``.
    private var collisions: [UInt64: [Int32]] = [:]

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
        var caches = (0..<max(1, threadCount)).map { _ in StemCache(minimumCapacity: 16_384) }
        try await withThrowingTaskGroup(of: (AnalyzedChunk, StemCache).self) { group in
            var buffer = InOrderBuffer<AnalyzedChunk>()
            var chunkCount = 0
            func absorb(_ done: (chunk: AnalyzedChunk, cache: StemCache)) {
                caches.append(done.cache)
                let chunk = done.chunk
                for ready in buffer.add(chunk, at: chunk.index) {
                    input.merge(ready, firstRow: ready.index * chunkSize)
                }
            }
            while true {
                let texts = try input.readChunk(&reader, columns: columns, size: chunkSize)
                if texts.isEmpty { break }
                while caches.isEmpty, let done = try await group.next() { absorb(done) }
                let cache = caches.removeLast()
                let index = chunkCount
                chunkCount += 1
                group.addTask { Self.analyze(texts, index: index, cache: cache, analyzer: analyzer) }
            }
            while let done = try await group.next() { absorb(done) }
        }
        // The lookup tables are done with; dropping them leaves more room for the engine.
        input.truthIDs = [:]
        input.documentOfHash = [:]
        input.collisions = [:]
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
    private mutating func merge(_ chunk: AnalyzedChunk, firstRow: Int) {
        for (offset, words) in chunk.tokens.enumerated() {
            add(row: firstRow + offset, words: words, hash: chunk.hashes[offset])
        }
    }

    private mutating func add(row: Int, words: [ClusterToken], hash: UInt64) {
        guard !words.isEmpty else {
            documentOfRow.append(-1)
            return
        }
        if let document = documentOfHash[hash] {
            if Self.sameWords(tokens[Int(document)], words) {
                count(row: row, in: document)
                return
            }
            for candidate in collisions[hash, default: []] where Self.sameWords(tokens[Int(candidate)], words) {
                count(row: row, in: candidate)
                return
            }
            collisions[hash, default: []].append(newDocument(row: row, words: words))
        } else {
            documentOfHash[hash] = newDocument(row: row, words: words)
        }
    }

    private mutating func count(row: Int, in document: Int32) {
        weights[Int(document)] += 1
        documentOfRow.append(document)
    }

    private mutating func newDocument(row: Int, words: [ClusterToken]) -> Int32 {
        let document = Int32(tokens.count)
        tokens.append(words)
        firstRow.append(row)
        weights.append(1)
        documentOfRow.append(document)
        return document
    }

    /// Byte equality of surface forms: analyzer output is normalized, so bytes decide, and it avoids
    /// `String`'s Unicode-aware comparison.
    private static func sameWords(_ a: [ClusterToken], _ b: [ClusterToken]) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where !x.surface.utf8.elementsEqual(y.surface.utf8) { return false }
        return true
    }

    /// One chunk's analysis, tagged with its index so chunks merge in input order.
    private struct AnalyzedChunk: Sendable {
        var index: Int
        var tokens: [[ClusterToken]]
        /// FNV-1a 64 of each row's surface forms, `0xFF`-separated (a byte UTF-8 never contains).
        var hashes: [UInt64]
    }

    private static func analyze(
        _ texts: [String],
        index: Int,
        cache: StemCache,
        analyzer: TextAnalyzer
    ) -> (AnalyzedChunk, StemCache) {
        var cache = cache
        var tokens: [[ClusterToken]] = []
        var hashes: [UInt64] = []
        tokens.reserveCapacity(texts.count)
        hashes.reserveCapacity(texts.count)
        for text in texts {
            let analyzed = analyzer.analyze(text, cache: &cache)
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var words: [ClusterToken] = []
            words.reserveCapacity(analyzed.count)
            for token in analyzed {
                words.append(ClusterToken(stem: token.stem, surface: token.surface))
                for byte in token.surface.utf8 {
                    hash ^= UInt64(byte)
                    hash &*= 0x0000_0100_0000_01B3
                }
                hash ^= 0xFF
                hash &*= 0x0000_0100_0000_01B3
            }
            tokens.append(words)
            hashes.append(hash)
        }
        return (AnalyzedChunk(index: index, tokens: tokens, hashes: hashes), cache)
    }
}
