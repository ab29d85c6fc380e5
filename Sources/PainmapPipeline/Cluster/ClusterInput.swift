import PainmapClustering
import PainmapCore
import PainmapIngest
import PainmapText

/// The rows of one CSV reduced to what clustering and the outputs need: ids, truth labels and distinct
/// analyzed texts as interned word ids.
///
/// The file is cut into blocks of whole rows (``PainmapIngest/DelimitedTextReader/nextBlock(rowLimit:byteLimit:maxRowBytes:)``)
/// that parallel tasks parse, decode and analyze, each with its own ``PainmapText/StemCache``; chunks report
/// the cache's word ids and merge in input order into one ``PainmapClustering/InternedDocuments/Builder``,
/// which numbers words at their first occurrence in the file, so the result does not depend on the number
/// of threads. Rows whose analyzed words (in order) are identical share
/// one distinct document whose weight counts them: the collapse the engine makes on stems anyway, made
/// earlier so duplicates never hold token arrays. Tokens are `Int32` ids, never `String`s. Raw texts are not
/// kept at all; quotes are read again at the end from the positions of their rows (``texts(ofRows:open:columns:path:)``).
///
/// Cutting blocks only scans bytes; whether a block decoded its rows exactly as one reader going through
/// the file would have is checked in file order (the encoding is decided by the file's first non-ASCII row,
/// which may sit in any block). When that check fails, or a block meets a row it cannot read, the file is
/// read again row by row on one thread (parsing there, analysis still in parallel), which gives the exact
/// outcome — the same result, or the error of the first bad row with its line.
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
    /// Where the first row of each distinct document starts in the file.
    private(set) var firstRowPosition: [DelimitedTextReader.Position] = []
    /// The reader's encoding decision at the end of the file.
    private(set) var decoding: DelimitedTextReader.Decoding?
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
    ///   - open: Opens a reader positioned after the header (called a second time when the file must be
    ///     read row by row).
    ///   - columns: Where the id, text and truth columns are.
    ///   - threadCount: Analysis tasks running at once.
    ///   - chunkSize: Rows per analysis task, at most.
    ///   - blockBytes: Bytes per analysis task, at most (the row that crosses the limit ends the block): smaller
    ///     blocks for smaller files, so the last block does not keep one thread busy while the other waits.
    ///   - preparation: What the analyzer removes before counting words (markup, letter frames).
    /// - Returns: The collected input.
    /// - Throws: ``LocatedFailure`` for a row that cannot be read.
    static func read(
        open: () throws -> DelimitedTextReader,
        columns: Columns,
        threadCount: Int,
        chunkSize: Int,
        blockBytes: Int = .max,
        preparation: TextPreparation = .none
    ) async throws -> ClusterInput {
        var reader = try open()
        if let input = try await read(
            &reader,
            inBlocks: true,
            columns: columns,
            threadCount: threadCount,
            chunkSize: chunkSize,
            blockBytes: blockBytes,
            preparation: preparation
        ) {
            return input
        }
        var again = try open()
        let input = try await read(
            &again,
            inBlocks: false,
            columns: columns,
            threadCount: threadCount,
            chunkSize: chunkSize,
            preparation: preparation
        )
        // Row by row every problem is thrown, so `nil` (which only the block reader returns) cannot come back.
        guard let input else {
            throw LocatedFailure(.unreadableData, message: "файл не удалось прочитать построчно", status: .software)
        }
        return input
    }

    /// The longest row a block may hold; a longer one (a quote that never closes, a field past the cap)
    /// sends the file to the row-by-row reader, whose memory stays bounded and which names the exact error.
    static let maxBlockRowBytes = 4 << 20

    /// One pass over the rows after the header.
    ///
    /// - Parameters:
    ///   - reader: The reader, past the header.
    ///   - inBlocks: Whether tasks parse blocks cut from the file (then `nil` comes back when the file must be read
    ///     row by row), or this thread parses the rows and tasks only analyze them.
    ///   - columns: The columns to decode.
    ///   - threadCount: Analysis tasks at once.
    ///   - chunkSize: Rows per analysis task when reading row by row.
    ///   - blockBytes: The most bytes per block.
    ///   - preparation: What the analyzer removes before counting words.
    /// - Returns: The input, or `nil` when blocks cannot give the exact result and the file must be read row by row.
    /// - Throws: ``LocatedFailure`` for a row that cannot be read.
    static func read(
        _ reader: inout DelimitedTextReader,
        inBlocks: Bool,
        columns: Columns,
        threadCount: Int,
        chunkSize: Int,
        blockBytes: Int = .max,
        preparation: TextPreparation = .none
    ) async throws -> ClusterInput? {
        let chunkSize = max(1, chunkSize)
        let lanes = max(1, threadCount)
        var input = ClusterInput()
        let decoded = columns.decoded
        var decoding = reader.decoding
        input.cacheWords = [[(surface: String, stem: String)]](repeating: [], count: lanes)
        input.globalOfCacheWord = [[Int32]](repeating: [], count: lanes)
        var blockUnreadable = false
        var rowError: (any Error)?
        let merged = await orderedParallelMap(
            width: lanes,
            // One analyzer per lane as well: the analyzer's tables are reference-counted, and two threads counting
            // references on the same objects for every text contend for their cache lines. A cache only memoizes
            // stems, so which chunk gets which lane cannot change any token.
            makeState: { number in
                AnalysisLane(
                    number: number,
                    cache: StemCache(minimumCapacity: 16_384),
                    analyzer: TextAnalyzer(preparation: preparation)
                )
            },
            next: { () -> ChunkSource? in
                if inBlocks {
                    do {
                        return try reader.nextBlock(
                            rowLimit: chunkSize,
                            byteLimit: blockBytes,
                            maxRowBytes: Self.maxBlockRowBytes
                        ).map(ChunkSource.block)
                    } catch {
                        blockUnreadable = true
                        return nil
                    }
                }
                do {
                    let rows = try Self.readRows(&reader, decoded: decoded, columns: columns, size: chunkSize)
                    return rows.ids.isEmpty ? nil : .rows(rows)
                } catch {
                    rowError = error
                    return nil
                }
            },
            transform: { source, lane in Self.analyze(source, columns: columns, lane: &lane) },
            consume: { chunk in
                // Chunks arrive in file order; `false` when the file must be read row by row.
                if chunk.failed { return false }
                if let ended = chunk.decoding {
                    guard decoding.agrees(with: ended) else { return false }
                    decoding = decoding.adopting(ended)
                }
                input.merge(chunk)
                return true
            }
        )
        if let rowError { throw rowError }
        let complete = merged && !blockUnreadable
        guard complete else { return nil }
        input.decoding = inBlocks ? decoding : reader.decoding
        input.cacheWords = []
        input.globalOfCacheWord = []
        // The lookup tables are done with; dropping them leaves more room for the engine.
        input.truthIDs = [:]
        input.documentSlots = []
        input.documentHashes = []
        return input
    }

    /// The `(id, text)` of the given data rows, read again from the file at their positions.
    ///
    /// - Parameters:
    ///   - rows: 0-based data rows, each the first row of its distinct document.
    ///   - open: Opens a reader at a row's position with the first pass's encoding decision.
    ///   - columns: Where the id and text columns are.
    ///   - path: The input path as the user gave it, for messages.
    /// - Returns: The id and exact text of each requested row.
    /// - Throws: ``LocatedFailure`` with ``FailureCode/inputChanged`` when the file no
    ///   longer matches the first pass; the reader's error for an unreadable row.
    func texts(
        ofRows rows: Set<Int>,
        open: (DelimitedTextReader.Position, DelimitedTextReader.Decoding) throws -> DelimitedTextReader,
        columns: Columns,
        path: String
    ) throws -> [Int: (id: String, text: String)] {
        var found: [Int: (id: String, text: String)] = [:]
        guard let decoding else { return found }
        for row in rows.sorted() {
            let document = row < documentOfRow.count ? Int(documentOfRow[row]) : -1
            precondition(document >= 0 && firstRow[document] == row, "quotes are read from first rows of documents")
            let position = firstRowPosition[document]
            var reader = try open(position, decoding)
            let next = try reader.next(decoding: columns.decoded)
            guard let next, next.position == position, Self.field(next.fields, columns.id) == ids[row] else {
                throw CSVClusterJob.failure(
                    code: .inputChanged,
                    location: SourceLocation(path: path, line: position.line),
                    message: "файл изменился во время работы; дождитесь окончания выгрузки и повторите"
                )
            }
            found[row] = (ids[row], Self.field(next.fields, columns.text))
        }
        return found
    }

    /// Rows parsed on the reading thread, for a task to analyze; after analysis, without their texts.
    fileprivate struct ParsedRows: Sendable {
        var ids: [String] = []
        var texts: [String] = []
        var labels: [String] = []
        var positions: [DelimitedTextReader.Position] = []
    }

    /// What an analysis task gets: a block to parse itself, or rows parsed already.
    private enum ChunkSource: Sendable {
        case block(DelimitedTextReader.Block)
        case rows(ParsedRows)
    }

    /// Reads up to `size` rows on this thread.
    private static func readRows(
        _ reader: inout DelimitedTextReader,
        decoded: [Int],
        columns: Columns,
        size: Int
    ) throws -> ParsedRows {
        var rows = ParsedRows()
        rows.texts.reserveCapacity(size)
        while rows.ids.count < size, let row = try reader.next(decoding: decoded) {
            rows.append(row, columns: columns)
        }
        return rows
    }

    /// A field of a row, or `""` when the row is shorter than the header.
    fileprivate static func field(_ fields: [String], _ index: Int) -> String {
        index < fields.count ? fields[index] : ""
    }

    /// Adds one analyzed chunk whose first row is `firstRow`, in input order.
    ///
    /// Chunks speak in their task's cache ids. A cache serves its chunks one after another and chunks merge
    /// in index order, so each cache's new words arrive here in the order the cache numbered them. Global ids
    /// are given at a word's first merged occurrence, that is in input order, whichever cache saw it first.
    private mutating func merge(_ chunk: AnalyzedChunk) {
        let firstRow = rowCount
        ids.append(contentsOf: chunk.rows.ids)
        for label in chunk.rows.labels {
            if let id = truthIDs[label] {
                truth.append(id)
            } else {
                let id = Int32(truthIDs.count)
                truthIDs[label] = id
                truth.append(id)
            }
        }
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
            add(row: firstRow + offset, position: chunk.rows.positions[offset], words: words, hash: hash)
        }
    }

    private mutating func add(row: Int, position: DelimitedTextReader.Position, words: [Int32], hash: UInt64) {
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
        firstRowPosition.append(position)
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

    /// One chunk's analysis.
    private struct AnalyzedChunk: Sendable {
        /// The ids, truth labels and positions of the chunk's rows (their texts dropped once analyzed).
        var rows: ParsedRows
        /// The block's reader met a row it could not read: the file must be read row by row.
        var failed = false
        /// The block reader's encoding decision at its end (`nil` for rows parsed on the reading thread).
        var decoding: DelimitedTextReader.Decoding?
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

    /// What one analysis task works with: its stem cache and analyzer, and the cache's number.
    private struct AnalysisLane {
        let number: Int
        var cache: StemCache
        let analyzer: TextAnalyzer
    }

    private static func analyze(_ source: ChunkSource, columns: Columns, lane: inout AnalysisLane) -> AnalyzedChunk {
        let analyzer = lane.analyzer
        let firstNewWord = lane.cache.count
        var tokens: [Int32] = []
        var rowOffsets = [0]
        var rows: ParsedRows
        var failed = false
        var decoding: DelimitedTextReader.Decoding?
        switch source {
        case .rows(let parsed):
            rows = parsed
            rowOffsets.reserveCapacity(rows.texts.count + 1)
            tokens.reserveCapacity(16 * rows.texts.count)
            for text in rows.texts {
                analyzer.appendWordIDs(of: text, cache: &lane.cache, to: &tokens)
                rowOffsets.append(tokens.count)
            }
        case .block(let block):
            var reader = DelimitedTextReader(block: block)
            let decoded = columns.decoded
            rows = ParsedRows()
            rowOffsets.reserveCapacity(block.rowCount + 1)
            tokens.reserveCapacity(16 * block.rowCount)
            do {
                while let row = try reader.next(decoding: decoded) {
                    let text = rows.appendKeys(of: row, columns: columns)
                    analyzer.appendWordIDs(of: text, cache: &lane.cache, to: &tokens)
                    rowOffsets.append(tokens.count)
                }
            } catch {
                failed = true
            }
            decoding = reader.decoding
        }
        rows.texts = []
        let newWords = (firstNewWord..<lane.cache.count).map {
            (lane.cache.surface(ofWord: $0), lane.cache.stem(ofWord: $0))
        }
        return AnalyzedChunk(
            rows: rows,
            failed: failed,
            decoding: decoding,
            cacheNumber: lane.number,
            tokens: tokens,
            rowOffsets: rowOffsets,
            firstNewWord: firstNewWord,
            newWords: newWords
        )
    }
}

extension ClusterInput.ParsedRows {
    /// Keeps a row's id, text, truth label and position.
    fileprivate mutating func append(_ row: DelimitedTextReader.Row, columns: ClusterInput.Columns) {
        texts.append(appendKeys(of: row, columns: columns))
    }

    /// Keeps a row's id, truth label and position, and returns its text for analysis on the spot.
    fileprivate mutating func appendKeys(of row: DelimitedTextReader.Row, columns: ClusterInput.Columns) -> String {
        ids.append(ClusterInput.field(row.fields, columns.id))
        if let column = columns.truth { labels.append(ClusterInput.field(row.fields, column)) }
        positions.append(row.position)
        return ClusterInput.field(row.fields, columns.text)
    }
}
