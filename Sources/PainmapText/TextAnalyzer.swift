/// Turns a citizen's text into the stemmed content words that clustering counts.
///
/// The steps are ``TextNormalizer`` (NFKC, case, `ё`, look-alikes; URLs, e-mails, digits and redaction placeholders
/// out), ``Tokenizer`` (words of two or more characters), ``StopWords`` (function words and salutations out) and
/// ``RussianStemmer``; a ``TextPreparation`` may first remove markup and skip a letter's frame. The analyzer holds no mutable state, so one instance serves every task; for bulk work pass
/// each task's own ``StemCache`` to ``analyze(_:cache:)``.
///
/// ```swift
/// let analyzer = TextAnalyzer()
/// analyzer.analyze("Здравствуйте! Не могу записаться к врачу").map(\.stem)  // ["мог", "записа", "врач"]
/// ```
public struct TextAnalyzer: Sendable {
    /// The words dropped before stemming.
    public var stopWords: StopWords { parts.stopWords }
    /// What is removed before counting words: markup, a letter's frame (default: nothing).
    public var preparation: TextPreparation { parts.preparation }
    private var normalizer: TextNormalizer { parts.normalizer }
    private var tokenizer: Tokenizer { parts.tokenizer }
    private var stemmer: RussianStemmer { parts.stemmer }
    private var stripper: MarkupStripper { parts.stripper }
    private var frames: LetterFrames { parts.frames }
    private var placeNames: PlaceNames { parts.placeNames }
    /// Every table the analyzer reads, behind one reference: the per-text closures capture the analyzer, and a copy
    /// then costs one retain instead of one per table (those retains were a quarter of `painmap cluster`'s CPU).
    private let parts: Parts

    private final class Parts: Sendable {
        let stopWords: StopWords
        let preparation: TextPreparation
        let normalizer = TextNormalizer()
        let tokenizer = Tokenizer()
        let stemmer = RussianStemmer()
        let stripper = MarkupStripper()
        let frames: LetterFrames
        let placeNames = PlaceNames()

        init(stopWords: StopWords, preparation: TextPreparation) {
            self.stopWords = stopWords
            self.preparation = preparation
            frames = LetterFrames(includesFormulae: preparation.dropsRequestFormulae)
        }
    }

    /// Creates an analyzer with a stop-word set.
    ///
    /// - Parameters:
    ///   - stopWords: The words to drop; by default the Snowball list and the salutations.
    ///   - preparation: What to remove before counting words; by default nothing (``TextPreparation/none``).
    public init(stopWords: StopWords = StopWords(), preparation: TextPreparation = .none) {
        parts = Parts(stopWords: stopWords, preparation: preparation)
    }

    /// Normalizes a text after ``preparation`` and calls `body` with the normalized bytes and the byte range of every
    /// token outside a letter's frame, in order.
    private func forEachToken(
        of text: String,
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
    ) {
        var source = preparation.stripsMarkup ? stripper.strip(text) : text
        if preparation.dropsPlaceNames { source = placeNames.strip(source) }
        normalizer.withNormalizedUTF8(of: source) { bytes in
            guard preparation.dropsLetterFrames else {
                tokenizer.forEachToken(in: bytes) { body(bytes, $0) }
                return
            }
            let excluded = frames.excludedRanges(in: bytes)
            var next = 0  // the first excluded range that may still hold a later token
            tokenizer.forEachToken(in: bytes) { range in
                while next < excluded.count, excluded[next].upperBound <= range.lowerBound { next += 1 }
                if next < excluded.count, excluded[next].contains(range.lowerBound) { return }
                body(bytes, range)
            }
        }
    }

    /// Returns the content words of a text with their stems, in text order.
    ///
    /// - Parameter text: Any text, as a citizen wrote it.
    /// - Returns: One token per kept word; empty when nothing is left (a text of greetings, digits or links only).
    public func analyze(_ text: String) -> [AnalyzedToken] {
        var tokens: [AnalyzedToken] = []
        forEachToken(of: text) { bytes, range in
            let word = UnsafeBufferPointer(rebasing: bytes[range])
            guard !stopWords.contains(utf8: word, hash: WordTable.hash(word)),
                let surface = String(validating: word, as: UTF8.self)
            else {
                return
            }
            // Normalized text holds no ё, so the stem is exactly a byte prefix of the word.
            let stemLength = stemmer.stemPrefixLength(utf8: word)
            let stem =
                stemLength == word.count
                ? surface
                : String(validating: UnsafeBufferPointer(rebasing: word[..<stemLength]), as: UTF8.self) ?? surface
            tokens.append(AnalyzedToken(surface: surface, stem: stem))
        }
        return tokens
    }

    /// Returns the content words of a text with their stems, looking words up in a cache first.
    ///
    /// Gives the same tokens as ``analyze(_:)``. A word seen before costs one hash and allocates nothing, so use
    /// this variant when analysing many texts.
    /// - Parameters:
    ///   - text: Any text, as a citizen wrote it.
    ///   - cache: The calling task's own cache; it learns the stems of new words.
    /// - Returns: One token per kept word, in text order.
    public func analyze(_ text: String, cache: inout StemCache) -> [AnalyzedToken] {
        var tokens: [AnalyzedToken] = []
        forEachToken(of: text) { bytes, range in
            let word = UnsafeBufferPointer(rebasing: bytes[range])
            let hash = WordTable.hash(word)  // one hash serves both tables
            guard !stopWords.contains(utf8: word, hash: hash) else { return }
            let entry = cache.entry(utf8: word, hash: hash)
            tokens.append(AnalyzedToken(surface: entry.surface, stem: entry.stem))
        }
        return tokens
    }

    /// Appends the ids, in `cache`, of a text's content words, in text order: the allocation-free form of
    /// ``analyze(_:cache:)``.
    ///
    /// Id `i` stands for the token `AnalyzedToken(surface: cache.surface(ofWord: i), stem: cache.stem(ofWord: i))`,
    /// so the appended ids describe exactly the tokens ``analyze(_:cache:)`` returns. A word seen before costs one
    /// hash and allocates nothing, and no `String` is retained per token.
    /// - Parameters:
    ///   - text: Any text, as a citizen wrote it.
    ///   - cache: The calling task's own cache; ids are valid in this cache only.
    ///   - ids: Receives one id per kept word.
    public func appendWordIDs(of text: String, cache: inout StemCache, to ids: inout [Int32]) {
        forEachToken(of: text) { bytes, range in
            let word = UnsafeBufferPointer(rebasing: bytes[range])
            let hash = WordTable.hash(word)
            guard !stopWords.contains(utf8: word, hash: hash) else { return }
            ids.append(Int32(truncatingIfNeeded: cache.wordID(utf8: word, hash: hash)))
        }
    }

    /// Appends the ids, in `cache`, of a text's content words and of its negations, in text order.
    ///
    /// The same ids as ``appendWordIDs(of:cache:to:)``, except that the negations «не», «нет», «ни» and «без», which
    /// the stop list drops, are kept: keyword matching needs them so that «не сообщили» is not «сообщили».
    /// - Parameters:
    ///   - text: Any text, as a citizen wrote it.
    ///   - cache: The calling task's own cache; ids are valid in this cache only.
    ///   - ids: Receives one id per kept word or negation.
    public func appendWordIDsKeepingNegations(of text: String, cache: inout StemCache, to ids: inout [Int32]) {
        forEachToken(of: text) { bytes, range in
            let word = UnsafeBufferPointer(rebasing: bytes[range])
            let hash = WordTable.hash(word)
            guard Self.isNegation(word) || !stopWords.contains(utf8: word, hash: hash) else { return }
            ids.append(Int32(truncatingIfNeeded: cache.wordID(utf8: word, hash: hash)))
        }
    }

    /// The negations ``appendWordIDsKeepingNegations(of:cache:to:)`` keeps: «не», «нет», «ни», «без».
    public static let negations: Set<String> = ["не", "нет", "ни", "без"]

    /// Whether normalized bytes spell one of ``negations`` (compared as bytes: this runs once per token).
    @inline(__always)
    private static func isNegation(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        // не D0 BD D0 B5 · нет D0 BD D0 B5 D1 82 · ни D0 BD D0 B8 · без D0 B1 D0 B5 D0 B7
        switch word.count {
        case 4:
            return word[0] == 0xD0 && word[1] == 0xBD && word[2] == 0xD0 && (word[3] == 0xB5 || word[3] == 0xB8)
        case 6:
            return word[0] == 0xD0 && word[2] == 0xD0 && word[3] == 0xB5
                && ((word[1] == 0xBD && word[4] == 0xD1 && word[5] == 0x82)
                    || (word[1] == 0xB1 && word[4] == 0xD0 && word[5] == 0xB7))
        default:
            return false
        }
    }
}
