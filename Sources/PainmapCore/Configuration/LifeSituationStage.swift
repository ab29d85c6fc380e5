/// One journey stage (этап пути) of a life situation, with the words that point at it (DOMAIN.md §2.4).
///
/// `Config/life-situations.yaml` defines the six default stages once, in journey order; a situation uses them as they
/// are (`stages: default`) or lists its own subset, renaming a stage or replacing its keywords. Stage ids are shared
/// by every situation, so a report can put the stages of all situations in the same columns.
public struct LifeSituationStage: Sendable, Hashable, Codable {
    /// The stable id: `informing`, `booking`, `submission`, `review`, `result` or `appeal`.
    public var id: String
    /// The Russian name reports print, such as «Подача заявления и документов».
    public var name: String
    /// Words and phrases in citizens' language that place a record at this stage, matched on Snowball stems.
    public var keywords: [String]

    enum CodingKeys: String, CodingKey, CaseIterable { case id, name, keywords }

    /// Creates a stage.
    ///
    /// - Parameters:
    ///   - id: The stable id.
    ///   - name: The Russian name.
    ///   - keywords: Words and phrases that point at the stage.
    public init(id: String, name: String, keywords: [String]) {
        self.id = id
        self.name = name
        self.keywords = keywords
    }

    /// Decodes one entry of the top-level `stages:` list.
    ///
    /// - Throws: `DecodingError` on an unknown key or a missing `id`, `name` or `keywords`.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        id = try keys.decode(String.self, forKey: .id)
        name = try keys.decode(String.self, forKey: .name)
        keywords = try keys.decode([String].self, forKey: .keywords)
    }
}

/// How one situation picks its stages: the defaults as they are, or an explicit list.
///
/// In YAML, `stages: default`, or a list whose items are a default stage id (`- review`) or a mapping that overrides
/// parts of a default stage (`- {id: result, name: Зачисление, keywords: [...]}`).
public enum LifeSituationStageList: Sendable, Hashable, Codable {
    /// The default stages of the catalog, in their order.
    case `default`
    /// These stages, in this order; each names a default stage id.
    case explicit([Override])

    /// One item of an explicit stage list.
    public struct Override: Sendable, Hashable, Codable {
        /// The default stage this item refers to.
        public var id: String
        /// A name replacing the default stage's name, if given.
        public var name: String?
        /// Keywords replacing the default stage's keywords, if given.
        public var keywords: [String]?

        enum CodingKeys: String, CodingKey, CaseIterable { case id, name, keywords }

        /// Creates an override.
        ///
        /// - Parameters:
        ///   - id: The default stage id.
        ///   - name: A replacement name.
        ///   - keywords: Replacement keywords.
        public init(id: String, name: String? = nil, keywords: [String]? = nil) {
            self.id = id
            self.name = name
            self.keywords = keywords
        }

        /// Decodes a bare stage id or a `{id, name, keywords}` mapping.
        ///
        /// - Throws: `DecodingError` on an unknown key or a missing `id`.
        public init(from decoder: any Decoder) throws {
            if let id = try? decoder.singleValueContainer().decode(String.self) {
                self.init(id: id)
                return
            }
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let keys = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                id: try keys.decode(String.self, forKey: .id),
                name: try keys.decodeIfPresent(String.self, forKey: .name),
                keywords: try keys.decodeIfPresent([String].self, forKey: .keywords)
            )
        }
    }

    /// Decodes `default` or a list of overrides.
    ///
    /// - Throws: `DecodingError` when the value is another string or neither a string nor a list.
    public init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let word = try? single.decode(String.self) {
            guard word == "default" else {
                throw DecodingError.dataCorruptedError(
                    in: single,
                    debugDescription: "ожидается «default» или список этапов, найдено «\(word)»"
                )
            }
            self = .default
            return
        }
        self = .explicit(try single.decode([Override].self))
    }

    /// Encodes `default` or the list, the shape the decoder reads.
    ///
    /// - Throws: what the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        switch self {
        case .default: try single.encode("default")
        case .explicit(let items): try single.encode(items)
        }
    }
}
