/// What ``SampleGenerator/writeSampleFeeds(to:)`` wrote: files with record counts, the planted
/// Q2 → Q3 changes, planted duplicates and personal data, and the ФРГУ services per situation.
///
/// The same facts are written to `SampleFeeds/MANIFEST.md` (for people) and
/// `SampleFeeds/manifest.json` (for tests).
public struct SampleManifest: Sendable, Codable, Equatable {
    /// One generated file.
    public struct File: Sendable, Codable, Equatable {
        /// Path relative to the SampleFeeds directory, such as `pos/pos_54_2026q2.csv`.
        public var path: String
        /// Source kind: `pos`, `site`, `hotline`, `portal`, `survey`, or `hostile`.
        public var source: String
        /// `csv`, `json`, `xml` or `xlsx`.
        public var format: String
        /// `UTF-8`, `UTF-8 с BOM`, `windows-1251`, or empty for XLSX.
        public var encoding: String
        /// КЛАДР codes of the regions in the file.
        public var regions: [String]
        /// Quarter label such as `2026Q2`; empty for hostile files.
        public var quarter: String
        /// Data rows (CSV/XLSX), elements of `content` (JSON) or forms (XML), duplicates included.
        public var records: Int
        /// Records per life situation id (noise excluded), in situation order.
        public var situations: [SituationCount]
    }

    /// A count of records for one life situation.
    public struct SituationCount: Sendable, Codable, Equatable {
        /// The situation id, such as `kindergarten`.
        public var situationID: String
        /// How many records carry it.
        public var records: Int
    }

    /// Records of one pain in one region and quarter, over all channels, planted duplicates excluded.
    public struct PainCount: Sendable, Codable, Equatable {
        /// `<situation>.<pain>`, such as `housing.heating`.
        public var painID: String
        /// The pain in citizens' words.
        public var title: String
        /// КЛАДР code.
        public var region: String
        /// `2026Q2` or `2026Q3`.
        public var quarter: String
        /// Number of records.
        public var records: Int
    }

    /// A planted change between 2026Q2 and 2026Q3.
    public struct PlantedChange: Sendable, Codable, Equatable {
        /// Grows, shrinks, new or vanished.
        public var kind: PlantedChangeKind
        /// КЛАДР code of the region.
        public var region: String
        /// `<situation>.<pain>`.
        public var painID: String
        /// The pain in citizens' words.
        public var title: String
        /// Records in 2026Q2 (all channels, duplicates excluded).
        public var q2Records: Int
        /// Records in 2026Q3.
        public var q3Records: Int
    }

    /// Planted personal data of one kind.
    public struct PersonalDataCount: Sendable, Codable, Equatable {
        /// The kind.
        public var kind: PersonalDataKind
        /// How many were planted in texts.
        public var planted: Int
    }

    /// A ФРГУ service of a life situation (ids invented for the sample).
    public struct Service: Sendable, Codable, Equatable {
        /// The situation id.
        public var situationID: String
        /// The situation's name.
        public var situationName: String
        /// 11-digit ФРГУ service id.
        public var frguID: String
        /// 11-digit procedure id.
        public var procedureID: String
        /// The service name.
        public var name: String
    }

    /// A count with a name (a КЛАДР code or a file path).
    public struct NamedCount: Sendable, Codable, Equatable {
        /// What is counted.
        public var name: String
        /// How many.
        public var count: Int
    }

    /// Planted duplicates.
    public struct Duplicates: Sendable, Codable, Equatable {
        /// 122 calls registered in ПОС whose ПОС text is the operator summary verbatim.
        public var hotlineToPOSVerbatim: Int
        /// 122 calls registered in ПОС with a lightly paraphrased text.
        public var hotlineToPOSParaphrased: Int
        /// 2026Q2 ПОС records repeated in the 2026Q3 CSV exports with a changed status, per КЛАДР code.
        public var q2RecordsReexportedInQ3: [NamedCount]
        /// 2026Q3 ПОС records present in both the JSON and a CSV export.
        public var q3JSONAndCSVOverlap: Int
        /// Rows repeated verbatim inside one file, per file path.
        public var exactRowsInFile: [NamedCount]
    }

    /// The seed the files were generated with.
    public var seed: UInt64
    /// The volume multiplier.
    public var scale: Double
    /// Every file written, in tree order.
    public var files: [File]
    /// Pain × region × quarter counts.
    public var pains: [PainCount]
    /// The planted Q2 → Q3 changes.
    public var plantedChanges: [PlantedChange]
    /// Personal data planted in texts.
    public var personalData: [PersonalDataCount]
    /// Planted duplicates.
    public var duplicates: Duplicates
    /// ФРГУ services per life situation.
    public var services: [Service]

    /// The number of records in the file at `path` (relative to SampleFeeds), if it was written.
    ///
    /// - Parameter path: A path such as `hotline/hotline122_54_2026q2.csv`.
    /// - Returns: The file's record count, or `nil` for an unknown path.
    public func records(inFile path: String) -> Int? {
        files.first { $0.path == path }?.records
    }

    /// Records in all non-hostile files, duplicates included.
    public var totalRecords: Int {
        files.filter { $0.source != "hostile" }.reduce(0) { $0 + $1.records }
    }
}
