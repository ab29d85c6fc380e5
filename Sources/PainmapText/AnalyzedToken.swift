/// One kept word of a text: its normalized form and its stem.
///
/// ``TextAnalyzer`` produces these in text order, stop words already removed. Clustering counts ``stem``; reports
/// show the most frequent ``surface`` of a stem, because a stem such as «записа» is not a word a reader knows.
public struct AnalyzedToken: Sendable, Hashable {
    /// The word as normalized: lower case, `ё` as `е`, look-alike Latin letters replaced.
    public let surface: String
    /// The Snowball Russian stem of ``surface``.
    public let stem: String

    /// Creates a token from a normalized word and its stem.
    ///
    /// - Parameters:
    ///   - surface: The normalized word.
    ///   - stem: Its stem.
    public init(surface: String, stem: String) {
        self.surface = surface
        self.stem = stem
    }
}
