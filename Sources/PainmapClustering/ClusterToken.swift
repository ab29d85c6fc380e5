/// One analyzed token of a document: the stem that clustering compares and the surface form labels show.
///
/// Tokens come from the text analyzer already normalized (lowercase, ё folded) with stop words removed;
/// the engine does no further filtering, so whatever the analyzer keeps is a term candidate.
public struct ClusterToken: Sendable, Hashable {
    /// The stem, the unit of the vocabulary (for example «садик» for «садика»).
    public let stem: String
    /// The word as written (normalized), shown in keywords instead of the stem.
    public let surface: String

    /// Creates a token from its stem and surface form.
    ///
    /// - Parameters:
    ///   - stem: The stem used as the vocabulary key.
    ///   - surface: The normalized word form shown to analysts.
    public init(stem: String, surface: String) {
        self.stem = stem
        self.surface = surface
    }
}
