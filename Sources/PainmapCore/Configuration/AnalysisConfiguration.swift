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
    /// The most stray records a pain may have in the other quarter and still count as new (or vanished).
    ///
    /// The pain must also stay within ``noiseShare``.
    public var noiseRecords: Int
    /// The largest share of its records, in the quarter where it is present, that those strays may be (default 0.1).
    public var noiseShare: Double
    /// When records of different channels are one complaint, counted once.
    public var crossChannel: CrossChannel
    /// Above this many distinct texts in one situation's batch (both quarters), clustering runs on a sample of this
    /// many and places every other record in the nearest pain (default 100,000; `0` always clusters the whole batch).
    ///
    /// Bounds the memory and keeps the time linear for a region-quarter of a million records; below it nothing changes.
    public var clusterSampleAbove: Int

    /// The built-in settings used when `Config/analysis.yaml` is absent.
    public static let builtIn = AnalysisConfiguration()

    /// Creates settings.
    public init(
        mergeDistance: Double = 0.92,
        catchAllSimilarity: Double = 0.1,
        stopWords: [String] = [],
        noiseRecords: Int = 2,
        noiseShare: Double = 0.1,
        crossChannel: CrossChannel = CrossChannel(),
        clusterSampleAbove: Int = AnalysisConfiguration.defaultClusterSampleAbove
    ) {
        self.mergeDistance = mergeDistance
        self.catchAllSimilarity = catchAllSimilarity
        self.stopWords = stopWords
        self.noiseRecords = noiseRecords
        self.noiseShare = noiseShare
        self.crossChannel = crossChannel
        self.clusterSampleAbove = clusterSampleAbove
    }

    /// The default of ``clusterSampleAbove``.
    public static let defaultClusterSampleAbove = 100_000

    /// Whether `other` records in one quarter are only noise next to `count` in the other: then a pain with `count`
    /// now and `other` before is new, and one with `other` now and `count` before has vanished.
    public func isNoise(_ other: Int, against count: Int) -> Bool {
        other <= noiseRecords && Double(other) <= noiseShare * Double(count)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case mergeDistance = "merge_distance"
        case catchAllSimilarity = "catch_all_similarity"
        case stopWords = "stop_words"
        case noiseRecords = "noise_records"
        case noiseShare = "noise_share"
        case crossChannel = "cross_channel"
        case clusterSampleAbove = "cluster_sample_above"
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
        noiseRecords = try keys.decodeIfPresent(Int.self, forKey: .noiseRecords) ?? 2
        noiseShare = try keys.decodeIfPresent(Double.self, forKey: .noiseShare) ?? 0.1
        crossChannel = try keys.decodeIfPresent(CrossChannel.self, forKey: .crossChannel) ?? CrossChannel()
        clusterSampleAbove =
            try keys.decodeIfPresent(Int.self, forKey: .clusterSampleAbove) ?? Self.defaultClusterSampleAbove
        guard clusterSampleAbove == 0 || clusterSampleAbove >= 1_000 else {
            throw DecodingError.dataCorruptedError(
                forKey: .clusterSampleAbove,
                in: keys,
                debugDescription: "0 (без выборки) или не меньше 1000 различных текстов"
            )
        }
        guard noiseRecords >= 0, (0..<1).contains(noiseShare) else {
            throw DecodingError.dataCorruptedError(
                forKey: .noiseShare,
                in: keys,
                debugDescription: "noise_records ≥ 0, noise_share в [0; 1)"
            )
        }
        guard (0..<2).contains(mergeDistance) else {
            throw DecodingError.dataCorruptedError(
                forKey: .mergeDistance,
                in: keys,
                debugDescription: "косинусное расстояние должно быть в [0; 2)"
            )
        }
        guard (0..<1).contains(catchAllSimilarity) else {
            throw DecodingError.dataCorruptedError(
                forKey: .catchAllSimilarity,
                in: keys,
                debugDescription: "косинус должен быть в [0; 1)"
            )
        }
    }
}

extension AnalysisConfiguration {
    /// When records of different channels are one citizen's complaint (`cross_channel` in `Config/analysis.yaml`).
    ///
    /// Two records of one region and quarter from different channels are one complaint when one names the other's
    /// number («Передано в: … сообщение № 318660389»), or when their contents (answers and operators' frames left
    /// out) are at least ``minimumCharacters`` long, share at least ``similarity`` of their character 4-grams and
    /// were received at most ``windowDays`` apart.
    ///
    /// ```yaml
    /// cross_channel:
    ///   {enabled: true, window_days: 7, similarity: 0.6, min_characters: 40, paraphrase_similarity: 0.25}
    /// ```
    public struct CrossChannel: Sendable, Hashable, Codable {
        /// Whether complaints are collapsed at all (default `true`).
        public var isEnabled: Bool
        /// The longest gap between the two records, in days (default 7).
        public var windowDays: Int
        /// The least shingle Jaccard of the two contents (default 0.6).
        public var similarity: Double
        /// Contents shorter than this never link by text: «нет мест» from two people is not one complaint (default 40).
        public var minimumCharacters: Int
        /// The least stem Jaccard of a paraphrase that shares two details or more (default 0.25; 1 turns it off).
        public var paraphraseSimilarity: Double

        /// Creates settings.
        public init(
            isEnabled: Bool = true,
            windowDays: Int = 7,
            similarity: Double = 0.6,
            minimumCharacters: Int = 40,
            paraphraseSimilarity: Double = 0.25
        ) {
            self.isEnabled = isEnabled
            self.windowDays = windowDays
            self.similarity = similarity
            self.minimumCharacters = minimumCharacters
            self.paraphraseSimilarity = paraphraseSimilarity
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case isEnabled = "enabled"
            case windowDays = "window_days"
            case similarity
            case minimumCharacters = "min_characters"
            case paraphraseSimilarity = "paraphrase_similarity"
        }

        /// Decodes the settings; missing keys keep their defaults.
        ///
        /// - Throws: `DecodingError` on an unknown key, a negative window or length, a similarity outside (0; 1].
        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let keys = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = CrossChannel()
            isEnabled = try keys.decodeIfPresent(Bool.self, forKey: .isEnabled) ?? defaults.isEnabled
            windowDays = try keys.decodeIfPresent(Int.self, forKey: .windowDays) ?? defaults.windowDays
            similarity = try keys.decodeIfPresent(Double.self, forKey: .similarity) ?? defaults.similarity
            minimumCharacters =
                try keys.decodeIfPresent(Int.self, forKey: .minimumCharacters) ?? defaults.minimumCharacters
            paraphraseSimilarity =
                try keys.decodeIfPresent(Double.self, forKey: .paraphraseSimilarity) ?? defaults.paraphraseSimilarity
            guard windowDays >= 0, minimumCharacters >= 0 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .windowDays,
                    in: keys,
                    debugDescription: "window_days и min_characters не могут быть отрицательными"
                )
            }
            guard similarity > 0, similarity <= 1 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .similarity,
                    in: keys,
                    debugDescription: "доля общих 4-грамм должна быть в (0; 1]"
                )
            }
        }
    }
}
