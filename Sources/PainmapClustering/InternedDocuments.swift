/// A batch of analyzed documents whose words are interned as `Int32` ids: the compact input of
/// ``ClusterEngine/cluster(_:documentID:quoteText:)``.
///
/// `[ClusterDocument]` holds two `String`s per token (≈ 32 bytes, plus reference counting); this holds
/// one `Int32` per token and each distinct word once, which matters at a million records. Documents are
/// numbered `0 ..< count` in the order they were appended; the engine reports them by that number.
/// Build one with ``Builder``, which guarantees every id is valid.
///
/// ```swift
/// var builder = InternedDocuments.Builder()
/// let queue = builder.word(surface: "очереди", stem: "очеред")
/// let kindergarten = builder.word(surface: "садик", stem: "садик")
/// builder.appendDocument(words: [queue, kindergarten])
/// let result = ClusterEngine().cluster(builder.documents)
/// ```
public struct InternedDocuments: Sendable {
    /// Distinct surface forms by surface id.
    public private(set) var surfaces: [String] = []
    /// Distinct stems by stem id.
    public private(set) var stems: [String] = []
    /// The surface id of each word id.
    public private(set) var surfaceOfWord: [Int32] = []
    /// The stem id of each word id.
    public private(set) var stemOfWord: [Int32] = []
    /// Word ids of all documents, concatenated in document order.
    public private(set) var words: [Int32] = []
    /// `words[wordOffsets[d] ..< wordOffsets[d + 1]]` are document `d`'s words in text order.
    public private(set) var wordOffsets: [Int] = [0]
    /// Raw records each document stands for (at least 1).
    public private(set) var weights: [Int] = []
    /// Optional group (source, region, channel) of each document, `-1` for none; quotes prefer
    /// documents of distinct groups.
    ///
    /// Empty when no document has a group.
    public private(set) var groups: [Int32] = []

    /// Creates an empty batch (use ``Builder`` to fill one).
    public init() {}

    /// Interns a list of documents (tokens with an empty stem left out), groups numbered by first appearance.
    init(_ documents: [ClusterDocument]) {
        var builder = Builder()
        var groupIDs: [String: Int32] = [:]
        var words: [Int32] = []
        for document in documents {
            words.removeAll(keepingCapacity: true)
            for token in document.tokens where !token.stem.isEmpty {
                words.append(builder.word(surface: token.surface, stem: token.stem))
            }
            let group = document.group.map { name in
                if let id = groupIDs[name] { return id }
                let id = Int32(groupIDs.count)
                groupIDs[name] = id
                return id
            }
            builder.appendDocument(words: words, weight: document.weight, group: group)
        }
        self = builder.documents
    }

    /// Number of documents.
    public var count: Int { weights.count }

    /// Number of distinct words.
    public var wordCount: Int { surfaceOfWord.count }

    /// The word ids of one document, in text order.
    ///
    /// - Parameter document: A document number, `0 ..< count`.
    /// - Returns: The ids, a slice of the shared word array.
    public func words(of document: Int) -> ArraySlice<Int32> {
        words[wordOffsets[document]..<wordOffsets[document + 1]]
    }

    /// The group of a document, or `-1` when it has none.
    func group(of document: Int) -> Int32 {
        groups.isEmpty ? -1 : groups[document]
    }

    /// The surface forms of a document joined by spaces (its default quote text).
    ///
    /// - Parameter document: A document number, `0 ..< count`.
    /// - Returns: The document's words as written, separated by spaces.
    public func joinedSurfaces(of document: Int) -> String {
        words(of: document).map { surfaces[Int(surfaceOfWord[Int($0)])] }.joined(separator: " ")
    }

    /// The given documents, in the given order, with this batch's word, stem and surface ids (so a vocabulary built
    /// on the subset applies to every document of the batch).
    ///
    /// - Parameter selection: Document numbers, `0 ..< count`.
    /// - Returns: A batch whose document `i` is document `selection[i]` of this one, with its weight and group.
    func subset(_ selection: [Int]) -> InternedDocuments {
        var result = InternedDocuments()
        result.surfaces = surfaces
        result.stems = stems
        result.surfaceOfWord = surfaceOfWord
        result.stemOfWord = stemOfWord
        result.wordOffsets.reserveCapacity(selection.count + 1)
        result.weights.reserveCapacity(selection.count)
        for document in selection {
            result.words.append(contentsOf: words(of: document))
            result.wordOffsets.append(result.words.count)
            result.weights.append(weights[document])
            if !groups.isEmpty { result.groups.append(groups[document]) }
        }
        return result
    }

    /// Builds an ``InternedDocuments`` word by word and document by document.
    ///
    /// Surfaces, stems and (surface, stem) words get ids in first-seen order, so the same calls in the
    /// same order always give the same ids. Interning hashes UTF-8 bytes (analyzer output is already
    /// normalized, so bytes decide equality).
    public struct Builder: Sendable {
        /// The documents built so far.
        public private(set) var documents = InternedDocuments()
        private var surfaceTable = StringInterner(minimumCapacity: 4_096)
        private var stemTable = StringInterner(minimumCapacity: 4_096)
        private var wordOfPair: [UInt64: Int32] = [:]
        private var hasGroups = false

        /// Creates an empty builder.
        public init() {}

        /// The id of a word (a surface form with its stem), adding it when new.
        ///
        /// - Parameters:
        ///   - surface: The normalized word form shown to analysts.
        ///   - stem: The stem clustering compares; an empty stem makes the word invisible to clustering.
        /// - Returns: The word id to pass to ``appendDocument(words:weight:group:)``.
        public mutating func word(surface: String, stem: String) -> Int32 {
            let surfaceID = surfaceTable.intern(surface)
            let stemID = stemTable.intern(stem)
            let key = UInt64(UInt32(bitPattern: surfaceID)) << 32 | UInt64(UInt32(bitPattern: stemID))
            if let known = wordOfPair[key] { return known }
            let id = Int32(documents.surfaceOfWord.count)
            wordOfPair[key] = id
            documents.surfaceOfWord.append(surfaceID)
            documents.stemOfWord.append(stemID)
            if Int(surfaceID) == documents.surfaces.count { documents.surfaces.append(surface) }
            if Int(stemID) == documents.stems.count { documents.stems.append(stem) }
            return id
        }

        /// Appends one document.
        ///
        /// - Parameters:
        ///   - words: Word ids from ``word(surface:stem:)`` in text order; an empty list makes the
        ///     document «без содержания».
        ///   - weight: Raw records the document stands for; values below 1 count as 1.
        ///   - group: An optional group number (for example an interned source or region) that quotes
        ///     spread across; `nil` or negative for none.
        /// - Returns: The document's number.
        @discardableResult
        public mutating func appendDocument(words: some Sequence<Int32>, weight: Int = 1, group: Int32? = nil) -> Int {
            let wordCount = Int32(documents.surfaceOfWord.count)
            for word in words {
                precondition(word >= 0 && word < wordCount, "word id \(word) was not issued by this builder")
                documents.words.append(word)
            }
            documents.wordOffsets.append(documents.words.count)
            documents.weights.append(max(1, weight))
            let group = max(group ?? -1, -1)
            if group >= 0, !hasGroups {
                hasGroups = true
                documents.groups = [Int32](repeating: -1, count: documents.weights.count - 1)
            }
            if hasGroups { documents.groups.append(group) }
            return documents.weights.count - 1
        }

        /// Adds raw records to an already appended document (a duplicate the caller collapsed).
        ///
        /// - Parameters:
        ///   - weight: Records to add (at least 0).
        ///   - document: A document number returned by ``appendDocument(words:weight:group:)``.
        public mutating func addWeight(_ weight: Int, toDocument document: Int) {
            documents.weights[document] += max(0, weight)
        }

        /// Whether an appended document consists of exactly these words, in this order.
        ///
        /// - Parameters:
        ///   - document: A document number returned by ``appendDocument(words:weight:group:)``.
        ///   - words: Word ids to compare with.
        /// - Returns: `true` when the document holds exactly `words`.
        public func document(_ document: Int, hasWords words: [Int32]) -> Bool {
            let start = documents.wordOffsets[document]
            guard documents.wordOffsets[document + 1] - start == words.count else { return false }
            for (offset, word) in words.enumerated() where documents.words[start + offset] != word { return false }
            return true
        }

        /// Reserves room for a number of documents and word occurrences.
        public mutating func reserveCapacity(documents documentCount: Int, words wordCount: Int) {
            documents.weights.reserveCapacity(documentCount)
            documents.wordOffsets.reserveCapacity(documentCount + 1)
            documents.words.reserveCapacity(wordCount)
        }
    }
}
