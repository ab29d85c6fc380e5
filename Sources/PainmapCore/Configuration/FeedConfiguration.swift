/// One export layout: which files it covers, how they are encoded and how columns map onto a record.
///
/// Decoded from one entry of `feeds:` in `Config/feeds.yaml`.
public struct FeedConfiguration: Sendable, Decodable, Hashable {
    /// The file format of a feed.
    public enum Format: String, Codable, Sendable, CaseIterable {
        /// Delimited text.
        case csv
        /// Office Open XML workbook: the sheet named by `sheet`, else the first whose header matches the layout.
        case xlsx
        /// A JSON array of objects, or an object holding one under `content`.
        case json
        /// «Ваш контроль» rating XML.
        case xml
    }

    /// The layout's unique name (`pos-csv`).
    public var name: String
    /// The channel its records belong to.
    public var kind: SourceKind
    /// The file format.
    public var format: Format
    /// Glob patterns, relative to the configuration's root, of the files this layout reads.
    public var paths: [String]
    /// The CSV field separator.
    public var delimiter: UInt8
    /// The declared encoding: UTF-8 only, or Windows-1251 tried when a file's first non-ASCII row is not UTF-8.
    public var encoding: DeclaredEncoding
    /// How the region column is coded.
    public var regionCodeSystem: RegionCodeSystem
    /// A fixed region for exports that have no region column (a regional hotline's own log).
    public var fixedRegion: String?
    /// Date formats tried in order for date columns without their own format.
    public var dateFormats: [String]
    /// Canonical field → source column.
    public var columns: [RecordField: ColumnSpec]
    /// Canonical fields that must be present as columns and non-empty in every row.
    public var required: [RecordField]
    /// Columns that must never be stored (authors' names and phones).
    public var drop: [String]
    /// Values for fields that the export does not carry (channel `122` for a hotline log).
    public var constants: [RecordField: String]
    /// Raw status → normalized status.
    public var statusMap: [String: RecordStatus]
    /// The questionnaire id (survey feeds).
    public var questionnaire: String?
    /// The largest field accepted, in bytes; longer fields quarantine their row as `field_too_long`.
    public var maxFieldBytes: Int
    /// The worksheet to read (XLSX); `nil` to take the first sheet whose header matches the layout's columns.
    public var sheet: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, kind, format, paths, delimiter, encoding, required, drop, constants, questionnaire, columns, sheet
        case regionCodeSystem = "region_code_system"
        case fixedRegion = "region"
        case dateFormats = "date_formats"
        case statusMap = "status_map"
        case maxFieldBytes = "max_field_bytes"
    }

    /// Creates a layout in code (tests, `--source` defaults).
    public init(
        name: String,
        kind: SourceKind,
        format: Format,
        paths: [String] = [],
        delimiter: UInt8 = UInt8(ascii: ";"),
        encoding: DeclaredEncoding = .utf8,
        regionCodeSystem: RegionCodeSystem,
        fixedRegion: String? = nil,
        dateFormats: [String] = [],
        columns: [RecordField: ColumnSpec] = [:],
        required: [RecordField] = [],
        drop: [String] = [],
        constants: [RecordField: String] = [:],
        statusMap: [String: RecordStatus] = [:],
        questionnaire: String? = nil,
        maxFieldBytes: Int = 65_536,
        sheet: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.format = format
        self.paths = paths
        self.delimiter = delimiter
        self.encoding = encoding
        self.regionCodeSystem = regionCodeSystem
        self.fixedRegion = fixedRegion
        self.dateFormats = dateFormats
        self.columns = columns
        self.required = required
        self.drop = drop
        self.constants = constants
        self.statusMap = statusMap
        self.questionnaire = questionnaire
        self.maxFieldBytes = maxFieldBytes
        self.sheet = sheet
    }

    /// Decodes one `feeds:` entry, rejecting unknown keys.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        name = try keys.decode(String.self, forKey: .name)
        kind = try keys.decode(SourceKind.self, forKey: .kind)
        format = try keys.decode(Format.self, forKey: .format)
        paths = try keys.decodeIfPresent([String].self, forKey: .paths) ?? []
        let delimiterText = try keys.decodeIfPresent(String.self, forKey: .delimiter) ?? ";"
        let delimiterBytes = Array((delimiterText == "\\t" ? "\t" : delimiterText).utf8)
        guard delimiterBytes.count == 1, let delimiter = delimiterBytes.first, delimiter != UInt8(ascii: "\"") else {
            throw DecodingError.dataCorruptedError(
                forKey: .delimiter,
                in: keys,
                debugDescription: "разделитель должен быть одним ASCII-символом, например \";\" или \",\""
            )
        }
        self.delimiter = delimiter
        let declared = try keys.decodeIfPresent(String.self, forKey: .encoding)?.lowercased()
        switch declared {
        case nil, "utf-8", "utf8", "utf-8-bom": encoding = .utf8
        case "cp1251", "windows-1251": encoding = .cp1251
        case let other?:
            throw DecodingError.dataCorruptedError(
                forKey: .encoding,
                in: keys,
                debugDescription: "неизвестная кодировка «\(other)»; допустимые: utf-8, cp1251"
            )
        }
        regionCodeSystem = try keys.decode(RegionCodeSystem.self, forKey: .regionCodeSystem)
        fixedRegion = try keys.decodeIfPresent(String.self, forKey: .fixedRegion)
        dateFormats = try keys.decodeIfPresent([String].self, forKey: .dateFormats) ?? []
        let rawColumns = try keys.decodeIfPresent([String: ColumnSpec].self, forKey: .columns) ?? [:]
        columns = try FeedConfiguration.fields(rawColumns, keys: keys, key: .columns)
        let rawRequired = try keys.decodeIfPresent([String].self, forKey: .required) ?? []
        required = try rawRequired.map { name in
            guard let field = RecordField(rawValue: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .required,
                    in: keys,
                    debugDescription: RecordField.unknownMessage(name)
                )
            }
            return field
        }
        drop = try keys.decodeIfPresent([String].self, forKey: .drop) ?? []
        let rawConstants = try keys.decodeIfPresent([String: String].self, forKey: .constants) ?? [:]
        constants = try FeedConfiguration.fields(rawConstants, keys: keys, key: .constants)
        statusMap = try keys.decodeIfPresent([String: RecordStatus].self, forKey: .statusMap) ?? [:]
        questionnaire = try keys.decodeIfPresent(String.self, forKey: .questionnaire)
        maxFieldBytes = try keys.decodeIfPresent(Int.self, forKey: .maxFieldBytes) ?? 65_536
        sheet = try keys.decodeIfPresent(String.self, forKey: .sheet)
    }

    private static func fields<Value>(
        _ raw: [String: Value],
        keys: KeyedDecodingContainer<CodingKeys>,
        key: CodingKeys
    ) throws -> [RecordField: Value] {
        var result: [RecordField: Value] = [:]
        for (name, value) in raw {
            guard let field = RecordField(rawValue: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key,
                    in: keys,
                    debugDescription: RecordField.unknownMessage(name)
                )
            }
            result[field] = value
        }
        return result
    }
}

/// Where a canonical field comes from in an export: a column (header or JSON key) and an optional format.
public struct ColumnSpec: Sendable, Decodable, Hashable {
    /// The header text (CSV/XLSX) or key path (JSON, dotted).
    public var column: String
    /// A date format for this column, overriding the feed's `date_formats`.
    public var format: String?

    /// Creates a column reference.
    public init(column: String, format: String? = nil) {
        self.column = column
        self.format = format
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case column, format }

    /// Decodes either `"Header"` or `{column: "Header", format: "dd.MM.yyyy"}`.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer().decode(String.self) {
            column = single
            format = nil
            return
        }
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        column = try keys.decode(String.self, forKey: .column)
        format = try keys.decodeIfPresent(String.self, forKey: .format)
    }
}

/// The canonical record fields a column map can fill.
public enum RecordField: String, Sendable, CaseIterable, Codable, Hashable {
    case sourceRecordID = "source_record_id"
    case receivedAt = "received_at"
    case answeredAt = "answered_at"
    case deadlineAt = "deadline_at"
    case region
    case municipality
    case oktmo
    case categoryRaw = "category_raw"
    case subcategoryRaw = "subcategory_raw"
    case categoryCode = "category_code"
    case text
    case answerText = "answer_text"
    case statusRaw = "status_raw"
    case organization
    case organizationID = "organization_id"
    case authorityID = "authority_id"
    case serviceID = "service_id"
    case serviceName = "service_name"
    case channel
    case is59FZ = "is_59fz"
    case lifeSituation = "life_situation"

    static func unknownMessage(_ name: String) -> String {
        let known = allCases.map(\.rawValue)
        let nearest = known.min { editDistance($0, name) < editDistance($1, name) } ?? ""
        return "неизвестное поле записи «\(name)»; возможно, «\(nearest)»; допустимые: \(known.joined(separator: ", "))"
    }
}
