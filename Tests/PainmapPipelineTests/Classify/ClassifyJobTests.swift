import Foundation
import Logging
import PainmapClustering
import PainmapCore
import PainmapPipeline
import PainmapSQLite
import PainmapTestSupport
import Testing

private let root = RepositoryRoot.url

/// The parts of `SampleFeeds/manifest.json` the checks use: per file, records per planted situation; per service, its situation.
private struct Manifest: Decodable {
    struct File: Decodable {
        struct Count: Decodable {
            var situationID: String
            var records: Int
        }
        var path: String
        var source: String
        var format: String
        var quarter: String
        var regions: [String]
        var records: Int
        var situations: [Count]
    }
    struct Service: Decodable {
        var frguID: String
        var situationID: String
        var situationName: String
    }
    var files: [File]
    var services: [Service]

    static func load() throws -> Manifest {
        try JSONDecoder().decode(
            Manifest.self,
            from: Data(contentsOf: root.appendingPathComponent("SampleFeeds/manifest.json"))
        )
    }
}

/// Categories the sample generator files its off-topic messages under (roads, lighting, transport, waste): no life
/// situation of the catalog covers them.
private let offTopicCategories: Set<String> = [
    "Прочее", "Дороги", "Благоустройство", "Транспорт", "Благоустройство территории", "Дорожное хозяйство",
    "Транспортное обслуживание",
]

/// Logs nowhere: the suite reads counts from the job's report, not from its log.
private let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

private func loadConfiguration() throws -> PainmapConfiguration {
    try ConfigurationLoader().load(directory: root.appendingPathComponent("Config"))
}

private func ingestedSampleStore(_ configuration: PainmapConfiguration) async throws -> SQLiteFeedbackStore {
    let directory = TemporaryDirectory.url("classify")
    let store = try SQLiteFeedbackStore(url: directory.appendingPathComponent("s.sqlite"))
    let resolutions = try FeedResolver(configuration: configuration).resolve(
        paths: [root.appendingPathComponent("SampleFeeds").path],
        source: nil
    )
    let report = try await IngestJob(configuration: configuration, store: store, logger: quietLogger).run(resolutions)
    #expect(!report.hasFailures)
    return store
}

/// The manifest file a stored record came from: same source, format (from the feed layout's name), quarter and region.
private func file(of record: FeedbackRecord, in manifest: Manifest) -> Manifest.File? {
    let format = record.feed.split(separator: "-").last.map(String.init) ?? ""
    return manifest.files.first { file in
        file.source == record.source.rawValue && file.quarter == record.quarter.description
            && file.regions.contains(record.region)
            && (file.format == format || (file.format == "xml" && format == "mkgu"))
    }
}

@Suite(.serialized) struct ClassifyJobTests {
    @Test func everySampleRecordGetsAStageARuleAndEvidence() async throws {
        let configuration = try loadConfiguration()
        let store = try await ingestedSampleStore(configuration)
        let report = try await ClassifyJob(configuration: configuration, store: store, logger: quietLogger).run()
        let stored = try await store.records(region: nil, quarter: nil)
        let classified = try await store.classifiedRecords(region: nil, quarter: nil)
        #expect(report.classified == stored.count)
        #expect(classified.count == stored.count)
        let stageIDs = Set(configuration.lifeSituations.stages.map(\.id))
        let situationIDs = Set(configuration.lifeSituations.situations.map(\.id))
        let digest = report.configDigest
        for item in classified {
            let c = item.classification
            #expect(stageIDs.contains(c.stage))
            #expect(!c.evidence.isEmpty && !c.stageEvidence.isEmpty)
            #expect((c.rule == .unassigned) == (c.lifeSituation == nil))
            #expect(c.lifeSituation.map(situationIDs.contains) ?? true)
            #expect(item.configDigest == digest)
            #expect(c.evidence.count <= 160, "evidence stays short: \(c.evidence)")
        }
        // The report counts every record once, per region × quarter.
        #expect(report.slices.map(\.records).reduce(0, +) == stored.count)
        #expect(report.slices.allSatisfy { $0.notClassified == 0 })
        #expect(report.slices.count == 4)
    }

    @Test func assignmentsAgreeWithWhatTheGeneratorPlanted() async throws {
        let configuration = try loadConfiguration()
        let manifest = try Manifest.load()
        let store = try await ingestedSampleStore(configuration)
        _ = try await ClassifyJob(configuration: configuration, store: store, logger: quietLogger).run()
        let classified = try await store.classifiedRecords(region: nil, quarter: nil)

        // Portal records carry the ФРГУ service id the generator planted: the planted situation is known per record.
        let plantedByService = Dictionary(uniqueKeysWithValues: manifest.services.map { ($0.frguID, $0.situationID) })
        let portal = classified.filter { $0.record.source == .portal }
        let portalAgree = portal.filter {
            $0.classification.lifeSituation == $0.record.serviceID.flatMap { plantedByService[$0] }
        }
        // Surveys name the situation the respondent chose.
        let plantedByName = Dictionary(
            manifest.services.map { ($0.situationName, $0.situationID) },
            uniquingKeysWith: { a, _ in a }
        )
        let surveys = classified.filter { $0.record.source == .survey }
        let surveyAgree = surveys.filter {
            $0.classification.lifeSituation == $0.record.lifeSituationHint.flatMap { plantedByName[$0] }
        }

        // Per file: records per situation against the manifest's planted counts (they include in-file duplicates
        // and re-exports the store collapses, so "close", not equal). Agreement = Σ min(got, planted) / Σ planted.
        var got: [String: [String: Int]] = [:]
        var unmatched = 0
        for item in classified {
            guard let file = file(of: item.record, in: manifest) else {
                unmatched += 1
                continue
            }
            got[file.path, default: [:]][item.classification.lifeSituation ?? "—", default: 0] += 1
        }
        var overlap = 0
        var planted = 0
        var lines: [String] = []
        for file in manifest.files where !file.situations.isEmpty {
            let counts = got[file.path] ?? [:]
            let fileOverlap = file.situations.reduce(0) { $0 + min(counts[$1.situationID] ?? 0, $1.records) }
            let filePlanted = file.situations.reduce(0) { $0 + $1.records }
            overlap += fileOverlap
            planted += filePlanted
            let agreement = Double(fileOverlap) / Double(filePlanted)
            lines.append(
                "\(file.path): \(String(format: "%.3f", agreement)) (unassigned \(counts["—"] ?? 0), noise planted \(file.records - filePlanted))"
            )
            #expect(agreement >= 0.9, "\(file.path)")
        }
        let overall = Double(overlap) / Double(planted)
        print("classification agreement per file vs manifest:\n  " + lines.joined(separator: "\n  "))
        print(
            "overall \(String(format: "%.3f", overall)); portal \(portalAgree.count)/\(portal.count); surveys \(surveyAgree.count)/\(surveys.count)"
        )
        #expect(unmatched == 0)
        #expect(portal.count > 400 && portalAgree.count == portal.count)
        #expect(surveys.count == 250 && surveyAgree.count == surveys.count)
        #expect(overall >= 0.95)
    }

    @Test func offTopicMessagesMostlyStayUnassigned() async throws {
        let configuration = try loadConfiguration()
        let store = try await ingestedSampleStore(configuration)
        _ = try await ClassifyJob(configuration: configuration, store: store, logger: quietLogger).run()
        let noise = try await store.classifiedRecords(region: nil, quarter: nil).filter { item in
            item.record.categoryRaw.map(offTopicCategories.contains) ?? false
        }
        let unassigned = noise.filter { $0.classification.lifeSituation == nil }
        let share = Double(unassigned.count) / Double(max(noise.count, 1))
        print("off-topic messages unassigned: \(unassigned.count)/\(noise.count) (\(String(format: "%.3f", share)))")
        #expect(noise.count > 100)
        #expect(share >= 0.9)
    }

    /// The keyword rule alone, on the text only.
    ///
    /// Category, service and survey hints are removed from records whose planted situation the category rule
    /// established. This measures the keywords, which real exports depend on whenever a rubric is generic or missing.
    @Test func keywordsAloneFindThePlantedSituationForMostTexts() async throws {
        let configuration = try loadConfiguration()
        let store = try await ingestedSampleStore(configuration)
        _ = try await ClassifyJob(configuration: configuration, store: store, logger: quietLogger).run()
        let labelled = try await store.classifiedRecords(region: nil, quarter: nil).filter {
            $0.classification.rule == .category
        }
        let classifier = LifeSituationClassifier(catalog: configuration.lifeSituations)
        var agree = 0
        var wrong = 0
        var bySource: [SourceKind: (agree: Int, total: Int)] = [:]
        for item in labelled {
            var bare = item.record
            bare.categoryRaw = nil
            bare.subcategoryRaw = nil
            bare.categoryCode = nil
            bare.serviceID = nil
            bare.serviceName = nil
            bare.lifeSituationHint = nil
            let result = classifier.classify(bare)
            let hit = result.lifeSituation == item.classification.lifeSituation
            if hit { agree += 1 } else if result.lifeSituation != nil { wrong += 1 }
            bySource[bare.source, default: (0, 0)].agree += hit ? 1 : 0
            bySource[bare.source, default: (0, 0)].total += 1
        }
        let share = Double(agree) / Double(labelled.count)
        let wrongShare = Double(wrong) / Double(labelled.count)
        let perSource = bySource.sorted { $0.key < $1.key }.map {
            "\($0.key.rawValue) \($0.value.agree)/\($0.value.total)"
        }
        print(
            "keywords only: \(agree)/\(labelled.count) = \(String(format: "%.3f", share)) right, \(String(format: "%.3f", wrongShare)) wrong; \(perSource.joined(separator: ", "))"
        )
        #expect(labelled.count > 2500)
        #expect(share >= 0.85)
        #expect(wrongShare <= 0.05)
    }

    @Test func onlyNewChangedOrStaleRecordsAreClassifiedAgain() async throws {
        let configuration = try loadConfiguration()
        let store = try await ingestedSampleStore(configuration)
        let job = ClassifyJob(configuration: configuration, store: store, logger: quietLogger)
        let first = try await job.run()
        #expect(first.classified > 3000)
        #expect(try await job.run().classified == 0)
        let quarter = try #require(Quarter("2026Q3"))
        #expect(
            try await job.run(region: "41", quarter: quarter, all: true).classified
                == first.slices.first { $0.region == "41" && $0.quarter == quarter }?.records
        )
        // An edited catalog has another digest: everything is stale and classified again.
        var edited = configuration
        edited.lifeSituations.situations[0].keywords.append("ясельки")
        let stale = try await ClassifyJob(configuration: edited, store: store, logger: quietLogger).run(all: false)
        #expect(stale.classified == first.classified)
        #expect(
            try await job.run(region: "54").classified
                == first.slices.filter { $0.region == "54" }.map(\.records).reduce(0, +)
        )
    }

    @Test func newCertainRecordsRetrainTheModelAndReclassify() async throws {
        let configuration = try loadConfiguration()
        let store = try await ingestedSampleStore(configuration)
        let job = ClassifyJob(configuration: configuration, store: store, logger: quietLogger)
        let first = try await job.run()
        let model = try #require(first.model)
        #expect(model.trainingRecords > 3000)
        #expect(model.trainingByClass.first { $0.id == "other" }.map { $0.records > 100 } == true)
        // A hotline export with a rubric adds certain records: the model and the digest change, every record is
        // classified again (bare-text records may now be decided differently).
        let temporary = try TemporaryDirectory("retrain")
        let directory = temporary.url
        let hotline = directory.appendingPathComponent("hotline")
        try FileManager.default.createDirectory(at: hotline, withIntermediateDirectories: true)
        let csv = """
            Номер звонка;Дата звонка;Субъект РФ;Район;Тема;Подтема;Краткое содержание;Результат;Передано в
            122-T-1;15.08.2026 10:00;Новосибирская область;;ЖКХ;;Во дворе дома сломана детская горка;Консультация оказана;
            122-T-2;15.08.2026 11:00;Новосибирская область;;ЖКХ;;Во дворе дома сломаны качели;Консультация оказана;

            """
        try Data(csv.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(
            to: hotline.appendingPathComponent("extra.csv")
        )
        let resolutions = try FeedResolver(configuration: configuration).resolve(paths: [hotline.path], source: nil)
        _ = try await IngestJob(configuration: configuration, store: store, logger: quietLogger).run(resolutions)
        let second = try await job.run()
        #expect(second.configDigest != first.configDigest)
        #expect(second.classified == first.classified + 2)
        #expect(second.model.map(\.trainingRecords) == model.trainingRecords + 2)
        #expect(try await job.run().classified == 0)
    }

    @Test func oneAndTwoThreadsGiveTheSameClassification() async throws {
        let configuration = try loadConfiguration()
        var results: [[RecordClassification]] = []
        for threads in [1, 2] {
            let store = try await ingestedSampleStore(configuration)
            _ = try await ClassifyJob(
                configuration: configuration,
                store: store,
                logger: quietLogger,
                threadCount: threads
            ).run()
            results.append(try await store.classifiedRecords(region: nil, quarter: nil).map(\.classification))
        }
        #expect(results[0].count > 3000)
        #expect(results[0] == results[1])
    }

    @Test func theTableAndJSONCountPerRegionAndQuarter() async throws {
        let configuration = try loadConfiguration()
        let store = try await ingestedSampleStore(configuration)
        let quarter = try #require(Quarter("2026Q3"))
        let report = try await ClassifyJob(configuration: configuration, store: store, logger: quietLogger).run(
            region: "54",
            quarter: quarter
        )
        let slice = try #require(report.slices.first)
        #expect(report.slices.count == 1 && slice.region == "54" && slice.quarter == quarter)
        #expect(slice.bySituation.last?.id == nil && slice.bySituation.last?.name == "Не определена")
        #expect(slice.unassignedShare > 0 && slice.unassignedShare < 0.1)
        #expect(
            report.table.contains(
                "54 Новосибирская область, 2026Q3: записей \(slice.records), не определена \(slice.unassigned)"
            )
        )
        #expect(report.table.contains("Оформление в детский сад"))
        #expect(report.table.contains("Обученная модель: признаков "))
        #expect(report.table.contains("Доли правил: ответ анкеты "))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        let slices = try #require(json["slices"] as? [[String: Any]])
        #expect(slices.first?["records"] as? Int == slice.records)
        let rows = try #require(slices.first?["by_situation"] as? [[String: Any]])
        #expect(rows.last?["id"] is NSNull)
        let model = try #require(json["model"] as? [String: Any])
        #expect((model["training_records"] as? Int).map { $0 > 3000 } == true)
        #expect((model["training_by_class"] as? [String: Int])?["housing"].map { $0 > 500 } == true)
        let shares = try #require(json["rule_shares"] as? [String: Double])
        #expect(Set(shares.keys) == Set(ClassificationRule.allCases.map(\.rawValue)))
        #expect(abs(shares.values.reduce(0, +) - 1) < 0.001)
        #expect((rows.first?["by_stage"] as? [String: Int])?.count == 6)
        // Only the asked slice was classified.
        #expect(try await store.classifiedRecords(region: "41", quarter: nil).isEmpty)
    }

    @Test func aConfigurationWithoutLifeSituationsIsAConfigurationError() async throws {
        var configuration = try loadConfiguration()
        configuration.lifeSituations = .empty
        let store = try await ingestedSampleStore(configuration)
        let error = await #expect(throws: LocatedFailure.self) {
            _ = try await ClassifyJob(configuration: configuration, store: store, logger: quietLogger).run()
        }
        #expect(error?.code == .configuration)
        #expect(error?.exitStatus == .configError)
    }
}
