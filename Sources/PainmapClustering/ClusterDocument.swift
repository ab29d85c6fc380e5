/// One record to cluster, already analyzed into tokens.
///
/// The engine never sees raw text: `tokens` carry stems and surface forms in text order (bigrams are
/// built from neighbours in this order), and `quoteText` is the already redacted text that may appear
/// as a title or quote.
///
/// ```swift
/// let document = ClusterDocument(
///     id: "pos-2026q2-00017",
///     tokens: [ClusterToken(stem: "очеред", surface: "очереди"), ClusterToken(stem: "садик", surface: "садик")],
///     quoteText: "Стоим в очереди в садик второй год"
/// )
/// ```
public struct ClusterDocument: Sendable {
    /// A caller-chosen identifier, returned in ``PainCluster/representativeDocumentIDs``.
    public let id: String
    /// The analyzed tokens in text order; an empty list makes the document «без содержания».
    public let tokens: [ClusterToken]
    /// The redacted text to show when this document becomes a cluster title or quote.
    public let quoteText: String
    /// How many raw records this document stands for (at least 1); sizes and volumes sum it.
    public let weight: Int
    /// The source, region or channel the record came from, if known; a pain's quotes prefer
    /// documents of distinct groups (`CLUSTERING.md` §2.10).
    ///
    /// Never affects clustering.
    public let group: String?

    /// Creates a document.
    ///
    /// - Parameters:
    ///   - id: The identifier reported back for representative documents.
    ///   - tokens: Analyzed tokens in text order.
    ///   - quoteText: Redacted display text; when `nil`, the surface forms joined by spaces.
    ///   - weight: Raw records this document represents; values below 1 count as 1.
    ///   - group: The record's source, region or channel, for spreading quotes; `nil` when unknown.
    public init(id: String, tokens: [ClusterToken], quoteText: String? = nil, weight: Int = 1, group: String? = nil) {
        self.id = id
        self.tokens = tokens
        self.quoteText = quoteText ?? tokens.map(\.surface).joined(separator: " ")
        self.weight = max(1, weight)
        self.group = group
    }
}
