import PainmapText

/// Feeds bytes to the text pipeline clustering uses: `TextAnalyzer` (normalize → tokenize → stop words → stem)
/// on the lossy `String` of the bytes, and `RussianStemmer.stemPrefixLength` on the raw bytes.
///
/// Properties: no crash; the stem is a byte prefix of the word (0 ≤ length ≤ count); stemming a stem again never
/// makes it longer; every analyzed token's stem is a prefix of its surface form; the cached path
/// (`analyze(_:cache:)`, used for bulk work) gives exactly the tokens of the uncached one.
struct TextTarget: FuzzTarget {
    private let analyzer = TextAnalyzer()
    private let stemmer = RussianStemmer()

    func run(_ bytes: [UInt8]) {
        let length = bytes.withUnsafeBufferPointer { stemmer.stemPrefixLength(utf8: $0) }
        precondition(length >= 0 && length <= bytes.count, "stem length \(length) outside 0...\(bytes.count)")

        let text = String(decoding: bytes, as: UTF8.self)
        let stem = stemmer.stem(text)
        precondition(stem.utf8.count <= text.utf8.count, "stem longer than the word")
        precondition(stemmer.stem(stem).utf8.count <= stem.utf8.count, "re-stemming grew the stem")

        let tokens = analyzer.analyze(text)
        for token in tokens {
            precondition(token.surface.utf8.starts(with: token.stem.utf8), "stem is not a prefix of its surface form")
        }
        var cache = StemCache()
        precondition(analyzer.analyze(text, cache: &cache) == tokens, "cached analysis differs")
        precondition(analyzer.analyze(text, cache: &cache) == tokens, "warm-cache analysis differs")
    }
}
