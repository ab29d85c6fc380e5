/// Remembers the stem of every word seen, for analysing many texts on one thread.
///
/// Feedback repeats a small vocabulary (about 14 thousand distinct words in 100 thousand appeals), so each distinct
/// word is stemmed once and every later occurrence costs one hash-table lookup on its bytes, with no allocation.
/// The cache is a plain value with a `mutating` lookup, not a shared lock-protected object: give each task its own
/// cache, as in ``TextAnalyzer/analyze(_:cache:)``, and results cannot depend on thread timing.
///
/// ```swift
/// var cache = StemCache()
/// cache.stem("записаться")  // "записа", computed
/// cache.stem("записаться")  // "записа", remembered
/// ```
public struct StemCache: Sendable {
    private let stemmer: RussianStemmer
    /// Words seen so far; a word's id indexes ``surfaces`` and ``stems``.
    private var words: WordTable
    private var surfaces: [String] = []
    private var stems: [String] = []

    /// Creates an empty cache.
    ///
    /// - Parameters:
    ///   - stemmer: The stemmer that fills the cache.
    ///   - minimumCapacity: How many distinct words to make room for up front.
    public init(stemmer: RussianStemmer = RussianStemmer(), minimumCapacity: Int = 0) {
        self.stemmer = stemmer
        words = WordTable(capacity: minimumCapacity)
        surfaces.reserveCapacity(minimumCapacity)
        stems.reserveCapacity(minimumCapacity)
    }

    /// How many distinct words the cache holds.
    public var count: Int { words.count }

    /// Returns the stem of a lower-case word, computing it only the first time the word is seen.
    ///
    /// - Parameter word: One normalized word.
    /// - Returns: The same stem as ``RussianStemmer/stem(_:)``.
    public mutating func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { entry(utf8: $0, hash: WordTable.hash($0)).stem }
    }

    /// Returns the word as a `String` and its stem, both stored once per distinct word.
    ///
    /// A word seen before costs a hash and a byte comparison and allocates nothing; the returned strings share
    /// storage with the cache.
    /// - Parameters:
    ///   - word: The word's valid UTF-8 bytes.
    ///   - hash: ``WordTable/hash(_:)`` of `word`.
    /// - Returns: The word and its stem.
    mutating func entry(utf8 word: UnsafeBufferPointer<UInt8>, hash: Int) -> (surface: String, stem: String) {
        let id = wordID(utf8: word, hash: hash)
        return (surfaces[id], stems[id])
    }

    /// Returns the id of a word, stemming and storing it the first time it is seen.
    ///
    /// - Parameters:
    ///   - word: The word's valid UTF-8 bytes.
    ///   - hash: ``WordTable/hash(_:)`` of `word`.
    /// - Returns: The word's id in this cache, `0 ..< count` in first-seen order.
    mutating func wordID(utf8 word: UnsafeBufferPointer<UInt8>, hash: Int) -> Int {
        if let id = words.id(of: word, hash: hash) {
            return id
        }
        let surface = String(validating: word, as: UTF8.self) ?? ""
        surfaces.append(surface)
        stems.append(stemmer.stem(surface))
        return words.insert(word, hash: hash)
    }

    /// The normalized word with a given id.
    ///
    /// - Parameter id: An id from ``TextAnalyzer/appendWordIDs(of:cache:to:)`` with this cache, `0 ..< count`.
    /// - Returns: The word as normalized (the ``AnalyzedToken/surface``).
    public func surface(ofWord id: Int) -> String { surfaces[id] }

    /// The stem of the word with a given id.
    ///
    /// - Parameter id: An id from ``TextAnalyzer/appendWordIDs(of:cache:to:)`` with this cache, `0 ..< count`.
    /// - Returns: The word's stem (the ``AnalyzedToken/stem``).
    public func stem(ofWord id: Int) -> String { stems[id] }
}
