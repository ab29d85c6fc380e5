/// Collects the manifest's facts from the corpus and the written files.
struct ManifestBuilder {
    var corpus: SampleCorpus
    var entries: [SampleManifest.File]
    var exactDuplicates: [SampleManifest.NamedCount]

    /// All records' labels, planted duplicates excluded, over every channel.
    private func uniqueLabels() -> [RecordLabel] {
        var labels: [RecordLabel] = []
        for quarter in SampleCorpus.quarters {
            for region in SampleRegion.all {
                let key = SampleCorpus.key(region, quarter)
                labels += (corpus.hotline[key] ?? []).map(\.label)
                labels += (corpus.site[key] ?? []).map(\.label)
                labels += (corpus.mkgu[key] ?? []).map(\.label)
            }
            labels += (corpus.pos[quarter] ?? []).map(\.label)
            labels += (corpus.survey[quarter] ?? []).map(\.label)
        }
        return labels.filter { !$0.isDuplicate }
    }

    func build() -> SampleManifest {
        let labels = uniqueLabels().filter { $0.painID != nil }
        var pains: [SampleManifest.PainCount] = []
        for region in SampleRegion.all {
            for situation in SituationDefinition.all {
                for pain in situation.pains {
                    let id = situation.painID(pain)
                    for quarter in SampleCorpus.quarters {
                        let count = labels.filter {
                            $0.painID == id && $0.regionKladr == region.kladr && $0.quarter == quarter
                        }.count
                        pains.append(
                            SampleManifest.PainCount(
                                painID: id,
                                title: pain.title,
                                region: region.kladr,
                                quarter: quarter.label,
                                records: count
                            )
                        )
                    }
                }
            }
        }
        func records(_ id: String, _ region: String, _ quarter: SampleQuarter) -> Int {
            pains.first { $0.painID == id && $0.region == region && $0.quarter == quarter.label }?.records ?? 0
        }
        var changes: [SampleManifest.PlantedChange] = []
        for entry in PlantedTrends.planted {
            guard let kind = entry.kind else { continue }
            let title =
                SituationDefinition.all.flatMap { situation in
                    situation.pains.filter { situation.painID($0) == entry.painID }.map(\.title)
                }.first ?? entry.painID
            changes.append(
                SampleManifest.PlantedChange(
                    kind: kind,
                    region: entry.regionKladr,
                    painID: entry.painID,
                    title: title,
                    q2Records: records(entry.painID, entry.regionKladr, .q2),
                    q3Records: records(entry.painID, entry.regionKladr, .q3)
                )
            )
        }
        var services: [SampleManifest.Service] = []
        for situation in SituationDefinition.all {
            for service in situation.services {
                services.append(
                    SampleManifest.Service(
                        situationID: situation.id,
                        situationName: situation.name,
                        frguID: service.frguID,
                        procedureID: service.procedureID,
                        name: service.name
                    )
                )
            }
        }
        let duplicates = SampleManifest.Duplicates(
            hotlineToPOSVerbatim: corpus.forwardsVerbatim,
            hotlineToPOSParaphrased: corpus.forwardsParaphrased,
            q2RecordsReexportedInQ3: SampleRegion.all.map {
                SampleManifest.NamedCount(name: $0.kladr, count: corpus.reexported[$0.kladr] ?? 0)
            },
            q3JSONAndCSVOverlap: corpus.posOverlapIDs.count,
            exactRowsInFile: exactDuplicates
        )
        return SampleManifest(
            seed: corpus.seed,
            scale: corpus.scale,
            files: entries,
            pains: pains,
            plantedChanges: changes,
            personalData: PersonalDataKind.allCases.map {
                SampleManifest.PersonalDataCount(kind: $0, planted: corpus.personalData[$0] ?? 0)
            },
            duplicates: duplicates,
            services: services
        )
    }
}
