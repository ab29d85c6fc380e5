public import PainmapText

extension ClusterDocument {
    /// Creates a document from ``PainmapText/TextAnalyzer`` output.
    ///
    /// This is the only place the clustering target touches the text target: the engine itself works
    /// on ``ClusterToken`` values, so it can be tested and benchmarked with any analyzer.
    /// - Parameters:
    ///   - id: The identifier reported back for representative documents.
    ///   - analyzedTokens: The analyzer's tokens in text order.
    ///   - quoteText: Redacted display text.
    ///   - weight: Raw records this document represents; values below 1 count as 1.
    ///   - group: The record's channel or region, for spreading quotes; `nil` when unknown.
    public init(
        id: String,
        analyzedTokens: [AnalyzedToken],
        quoteText: String,
        weight: Int = 1,
        group: String? = nil
    ) {
        self.init(
            id: id,
            tokens: analyzedTokens.map { ClusterToken(stem: $0.stem, surface: $0.surface) },
            quoteText: quoteText,
            weight: weight,
            group: group
        )
    }
}
