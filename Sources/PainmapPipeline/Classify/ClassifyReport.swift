import Foundation
public import PainmapClustering
public import PainmapCore

/// What `painmap classify` prints: per region × quarter, records per life situation × stage and the unassigned share.
///
/// The JSON field names are a contract: `config_digest`, `classified` (records classified in this run), `slices`
/// with `region`, `region_name`, `quarter`, `records`, `unassigned`, `unassigned_share` (0…1), `not_classified`
/// (never classified, or stale), `by_rule` and `by_situation` (`id`, which is `null` for «Не определена», `name`,
/// `records`, `by_stage` keyed by stage id); `rule_shares` (each rule's share of the selected slices' classified
/// records, 0…1) and `model` (the learned model: `features`, `training_records`, `training_by_class` keyed by
/// situation id and `other`, `digest`).
public struct ClassifyReport: Sendable {
    /// The digest of the configuration the records were classified with.
    public var configDigest: String
    /// Records classified in this run.
    public var classified: Int
    /// The slices, by region and quarter.
    public var slices: [SliceSummary]
    /// The stages, in journey order, as the columns of the table.
    public var stages: [LifeSituationStage]
    /// The learned model the records were classified with.
    public var model: ModelSummary?
    /// Whether this run trained the learned models; `false` when it found every record classified under the models
    /// the store remembers (`ClassifyJob.run(reusingCurrentModels:)`) and ``model`` is then `nil`.
    public var trainedModels = true

    /// The learned model's size and training counts.
    public struct ModelSummary: Sendable, Hashable {
        /// Features (stems and stem pairs) kept.
        public var features: Int
        /// Training records per class: situation ids in catalog order, then `other`.
        public var trainingByClass: [(id: String, records: Int)]
        /// The model's digest.
        public var digest: String
        /// The stage model's training records per stage id.
        public var stageTrainingByStage: [(id: String, records: Int)] = []

        /// All training records.
        public var trainingRecords: Int { trainingByClass.reduce(0) { $0 + $1.records } }

        public static func == (lhs: ModelSummary, rhs: ModelSummary) -> Bool {
            lhs.features == rhs.features && lhs.digest == rhs.digest
                && lhs.stageTrainingByStage.elementsEqual(rhs.stageTrainingByStage) {
                    $0.id == $1.id && $0.records == $1.records
                }
                && lhs.trainingByClass.elementsEqual(rhs.trainingByClass) { $0.id == $1.id && $0.records == $1.records }
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(digest)
        }
    }

    /// Each rule's share of the classified records of all selected slices, 0…1.
    public var ruleShares: [ClassificationRule: Double] {
        var counts: [ClassificationRule: Int] = [:]
        for slice in slices {
            for (rule, count) in slice.byRule { counts[rule, default: 0] += count }
        }
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return [:] }
        return counts.mapValues { Double($0) / Double(total) }
    }

    /// The counts of one region × quarter.
    public struct SliceSummary: Sendable, Hashable {
        /// The 2-digit region code.
        public var region: String
        /// The region's full name, when the region table knows it.
        public var regionName: String?
        /// The quarter.
        public var quarter: Quarter
        /// All records of the slice.
        public var records: Int
        /// Records classified as «Не определена».
        public var unassigned: Int
        /// Records never classified, or classified under another configuration or before they changed.
        public var notClassified: Int
        /// Records per rule.
        public var byRule: [ClassificationRule: Int]
        /// Rows per situation in catalog order, then «Не определена» (id `nil`); situations without records omitted.
        public var bySituation: [SituationRow]

        /// The unassigned share of the classified records, 0 when none are.
        public var unassignedShare: Double {
            let classified = records - notClassified
            return classified == 0 ? 0 : Double(unassigned) / Double(classified)
        }
    }

    /// One situation's records of a slice, per stage.
    public struct SituationRow: Sendable, Hashable {
        /// The situation id, `nil` for «Не определена».
        public var id: String?
        /// The Russian name.
        public var name: String
        /// Records per stage id.
        public var byStage: [String: Int]
        /// All records of the row.
        public var records: Int { byStage.values.reduce(0, +) }
    }

    /// Builds the report from the store's counts.
    ///
    /// - Parameters:
    ///   - configDigest: The digest classified with.
    ///   - classified: Records classified in this run.
    ///   - counts: The store's counts for the selected slices.
    ///   - catalog: Gives situation and stage names and orders.
    ///   - regions: Gives region names.
    ///   - model: The learned model classified with, if any.
    ///   - stageModel: The learned stage model classified with, if any.
    public init(
        configDigest: String,
        classified: Int,
        counts: [ClassificationCount],
        catalog: LifeSituationCatalog,
        regions: RegionDirectory,
        model: LearnedSituationModel? = nil,
        stageModel: LearnedSituationModel? = nil
    ) {
        self.configDigest = configDigest
        self.classified = classified
        stages = catalog.stages
        self.model = model.map { model in
            ModelSummary(
                features: model.featureCount,
                trainingByClass: (catalog.situations.map(\.id) + ["other"]).enumerated().map {
                    ($0.element, $0.offset < model.documents.count ? model.documents[$0.offset] : 0)
                },
                digest: model.digest,
                stageTrainingByStage: catalog.stages.enumerated().map {
                    (
                        $0.element.id,
                        $0.offset < (stageModel?.documents.count ?? 0) ? stageModel?.documents[$0.offset] ?? 0 : 0
                    )
                }
            )
        }
        let keys = Set(counts.map { "\($0.region)|\($0.quarter)" })
        var slices: [SliceSummary] = []
        for key in keys.sorted() {
            let items = counts.filter { "\($0.region)|\($0.quarter)" == key }
            guard let first = items.first else { continue }
            var summary = SliceSummary(
                region: first.region,
                regionName: regions.region(code: first.region)?.fullName,
                quarter: first.quarter,
                records: items.reduce(0) { $0 + $1.count },
                unassigned: 0,
                notClassified: 0,
                byRule: [:],
                bySituation: []
            )
            var rows: [String?: [String: Int]] = [:]
            for item in items {
                guard let stage = item.stage, let rule = item.rule, !item.isStale else {
                    summary.notClassified += item.count
                    continue
                }
                summary.byRule[rule, default: 0] += item.count
                if item.lifeSituation == nil { summary.unassigned += item.count }
                rows[item.lifeSituation, default: [:]][stage, default: 0] += item.count
            }
            let configured = catalog.situations.compactMap { situation -> SituationRow? in
                rows[situation.id].map { SituationRow(id: situation.id, name: situation.name, byStage: $0) }
            }
            // Situations no longer in the catalog (classified before an edit) keep their id as name.
            let unknown = rows.keys.compactMap { $0 }.filter { catalog.situation(id: $0) == nil }.sorted().compactMap {
                id in
                rows[id].map { SituationRow(id: id, name: id, byStage: $0) }
            }
            let unassigned = rows[nil].map { [SituationRow(id: nil, name: "Не определена", byStage: $0)] } ?? []
            summary.bySituation = configured + unknown + unassigned
            slices.append(summary)
        }
        self.slices = slices
    }

    /// The Russian text tables, one per region × quarter, with the stages numbered in a legend.
    public var table: String {
        var out = "Классифицировано записей сейчас: \(classified); версия конфигурации \(configDigest.prefix(12))\n"
        out +=
            "Этапы: " + stages.enumerated().map { "\($0.offset + 1) \($0.element.name)" }.joined(separator: " · ")
            + "\n"
        if let model {
            out += "Обученная модель: признаков \(model.features), обучающих записей \(model.trainingRecords) ("
            out += model.trainingByClass.map { "\($0.id == "other" ? "вне ситуаций" : $0.id) \($0.records)" }
                .joined(separator: ", ")
            out += ")\n"
            out += "Модель этапов: обучающих записей "
            out += "\(model.stageTrainingByStage.reduce(0) { $0 + $1.records }) ("
            out += model.stageTrainingByStage.map { "\($0.id) \($0.records)" }.joined(separator: ", ") + ")\n"
        }
        let shares = ruleShares
        if !shares.isEmpty {
            out += "Доли правил: "
            out += ClassificationRule.allCases.map { "\($0.russianName) \(Self.percent(shares[$0] ?? 0))" }.joined(
                separator: " · "
            )
            out += "\n"
        }
        if slices.isEmpty {
            out += "\nЗаписей нет: проверьте --region и --quarter или сначала выполните painmap ingest\n"
        }
        for slice in slices {
            let name = slice.regionName.map { " \($0)" } ?? ""
            out += "\n\(slice.region)\(name), \(slice.quarter): записей \(slice.records), не определена "
            out += "\(slice.unassigned) (\(Self.percent(slice.unassignedShare)))"
            if slice.notClassified > 0 { out += ", не классифицировано \(slice.notClassified)" }
            out += "\n"
            var rows: [[String]] = [["ситуация"] + stages.indices.map { "\($0 + 1)" } + ["всего"]]
            var totals = [Int](repeating: 0, count: stages.count)
            for row in slice.bySituation {
                let cells = stages.map { row.byStage[$0.id] ?? 0 }
                for (index, cell) in cells.enumerated() { totals[index] += cell }
                rows.append([row.name] + cells.map(String.init) + ["\(row.records)"])
            }
            rows.append(["итого"] + totals.map(String.init) + ["\(totals.reduce(0, +))"])
            out += TextTable.render(rows)
            let rules = ClassificationRule.allCases.map { "\($0.russianName) \(slice.byRule[$0] ?? 0)" }.joined(
                separator: " · "
            )
            out += "по правилам: \(rules)\n"
        }
        return out
    }

    /// The report as pretty, key-sorted JSON (see the type's documentation for the fields).
    public var json: String {
        let shares = ruleShares
        let document = Document(
            configDigest: configDigest,
            classified: classified,
            ruleShares: Dictionary(
                uniqueKeysWithValues: ClassificationRule.allCases.map {
                    ($0.rawValue, ((shares[$0] ?? 0) * 10_000).rounded() / 10_000)
                }
            ),
            model: model.map { model in
                Document.Model(
                    features: model.features,
                    trainingRecords: model.trainingRecords,
                    trainingByClass: Dictionary(
                        model.trainingByClass.map { ($0.id, $0.records) },
                        uniquingKeysWith: { $0 + $1 }
                    ),
                    digest: model.digest,
                    stageTrainingByStage: Dictionary(
                        model.stageTrainingByStage.map { ($0.id, $0.records) },
                        uniquingKeysWith: { $0 + $1 }
                    )
                )
            },
            slices: slices.map { slice in
                Document.Slice(
                    region: slice.region,
                    regionName: slice.regionName,
                    quarter: slice.quarter.description,
                    records: slice.records,
                    unassigned: slice.unassigned,
                    unassignedShare: (slice.unassignedShare * 10_000).rounded() / 10_000,
                    notClassified: slice.notClassified,
                    byRule: Dictionary(
                        uniqueKeysWithValues: ClassificationRule.allCases.map { ($0.rawValue, slice.byRule[$0] ?? 0) }
                    ),
                    bySituation: slice.bySituation.map { row in
                        Document.Row(
                            id: row.id,
                            name: row.name,
                            records: row.records,
                            byStage: Dictionary(uniqueKeysWithValues: stages.map { ($0.id, row.byStage[$0.id] ?? 0) })
                        )
                    }
                )
            }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else {
            return "{}\n"
        }
        return text + "\n"
    }

    /// `3,2 %`.
    private static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10),\(tenths % 10) %"
    }

    private struct Document: Encodable {
        struct Row: Encodable {
            var id: String?
            var name: String
            var records: Int
            var byStage: [String: Int]
            enum CodingKeys: String, CodingKey {
                case id, name, records
                case byStage = "by_stage"
            }
            func encode(to encoder: any Encoder) throws {
                var keys = encoder.container(keyedBy: CodingKeys.self)
                try keys.encode(id, forKey: .id)  // null for «Не определена», not omitted
                try keys.encode(name, forKey: .name)
                try keys.encode(records, forKey: .records)
                try keys.encode(byStage, forKey: .byStage)
            }
        }
        struct Slice: Encodable {
            var region: String
            var regionName: String?
            var quarter: String
            var records: Int
            var unassigned: Int
            var unassignedShare: Double
            var notClassified: Int
            var byRule: [String: Int]
            var bySituation: [Row]
            enum CodingKeys: String, CodingKey {
                case region, quarter, records, unassigned
                case regionName = "region_name"
                case unassignedShare = "unassigned_share"
                case notClassified = "not_classified"
                case byRule = "by_rule"
                case bySituation = "by_situation"
            }
        }
        struct Model: Encodable {
            var features: Int
            var trainingRecords: Int
            var trainingByClass: [String: Int]
            var digest: String
            var stageTrainingByStage: [String: Int]
            enum CodingKeys: String, CodingKey {
                case features, digest
                case stageTrainingByStage = "stage_training_by_stage"
                case trainingRecords = "training_records"
                case trainingByClass = "training_by_class"
            }
        }
        var configDigest: String
        var classified: Int
        var ruleShares: [String: Double]
        var model: Model?
        var slices: [Slice]
        enum CodingKeys: String, CodingKey {
            case classified, slices, model
            case configDigest = "config_digest"
            case ruleShares = "rule_shares"
        }
    }
}
