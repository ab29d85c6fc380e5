/// How `painmap run` groups one life situation's records into pains (`Config/analysis.yaml`).
///
/// A region-quarter gives a few hundred to a few thousand records per situation, far fewer than the ad-hoc
/// `painmap cluster` runs on, and analysts want a handful of broad pains per situation rather than dozens of
/// wordings of the same one. So reports merge k-means cells more readily (``mergeDistance``), and words that only
/// tell how a message was taken down — operators' «звонившая сообщает», «заявитель жалуется» — are dropped, or
/// hotline messages would form pains of their own.
///
/// ```yaml
/// merge_distance: 0.92
/// stop_words: [звонивший, сообщает, интересуется]
/// ```
public struct AnalysisConfiguration: Sendable, Hashable, Codable {
    /// Cells whose centroids are closer than this average cosine distance form one pain (default 0.92).
    public var mergeDistance: Double
    /// Records less similar than this to every pain go to «Прочее» (cosine, default 0.1).
    public var catchAllSimilarity: Double
    /// Words dropped before clustering, in addition to the Snowball stop list and the salutations.
    public var stopWords: [String]

    /// The built-in settings used when `Config/analysis.yaml` is absent.
    public static let builtIn = AnalysisConfiguration()

    /// Creates settings.
    public init(mergeDistance: Double = 0.92, catchAllSimilarity: Double = 0.1, stopWords: [String] = []) {
        self.mergeDistance = mergeDistance
        self.catchAllSimilarity = catchAllSimilarity
        self.stopWords = stopWords
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case mergeDistance = "merge_distance"
        case catchAllSimilarity = "catch_all_similarity"
        case stopWords = "stop_words"
    }

    /// Decodes the file; missing keys keep their defaults.
    ///
    /// - Throws: `DecodingError` on an unknown key or a value outside [0, 2) for the distance, [0, 1) for the similarity.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        mergeDistance = try keys.decodeIfPresent(Double.self, forKey: .mergeDistance) ?? 0.92
        catchAllSimilarity = try keys.decodeIfPresent(Double.self, forKey: .catchAllSimilarity) ?? 0.1
        stopWords = try keys.decodeIfPresent([String].self, forKey: .stopWords) ?? []
        guard (0..<2).contains(mergeDistance) else {
            throw DecodingError.dataCorruptedError(
                forKey: .mergeDistance, in: keys, debugDescription: "косинусное расстояние должно быть в [0; 2)")
        }
        guard (0..<1).contains(catchAllSimilarity) else {
            throw DecodingError.dataCorruptedError(forKey: .catchAllSimilarity, in: keys, debugDescription: "косинус должен быть в [0; 1)")
        }
    }
}
