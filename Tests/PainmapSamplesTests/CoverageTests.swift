import Foundation
import PainmapSamples
import Testing

@Suite struct CoverageTests {
    private static let situations = [
        "kindergarten", "extracurricular", "housing", "disability", "targeted_help", "job_search", "large_family",
    ]

    @Test func everySituationInEveryChannelRegionAndQuarter() throws {
        let manifest = try SampleTreeFixture.tree().manifest
        for source in ["pos", "site", "hotline", "portal", "survey"] {
            for region in ["54", "41"] {
                for quarter in ["2026Q2", "2026Q3"] {
                    let files = manifest.files.filter {
                        $0.source == source && $0.quarter == quarter && $0.regions.contains(region)
                    }
                    #expect(!files.isEmpty, "no \(source) file for \(region) \(quarter)")
                    // Multi-region files (JSON, surveys) count both regions together; the survey check below splits them.
                    for situation in Self.situations {
                        let count = files.flatMap(\.situations).filter { $0.situationID == situation }
                            .reduce(0) { $0 + $1.records }
                        #expect(count > 0, "\(situation) missing in \(source) \(region) \(quarter)")
                    }
                }
            }
        }
    }

    @Test(arguments: ["54", "41"])
    func everyServiceSituationInEveryMKGUFile(_ region: String) throws {
        let tree = try SampleTreeFixture.tree()
        for quarter in ["2026q2", "2026q3"] {
            let xml = try #require(
                String(data: try tree.bytes("portal/mkgu_\(region)_\(quarter).xml"), encoding: .utf8)
            )
            for situation in Self.situations {
                let ids = tree.manifest.services.filter { $0.situationID == situation }.map(\.frguID)
                #expect(
                    ids.contains { xml.contains("<mkgu:service id=\"\($0)\"") },
                    "\(situation) in \(region) \(quarter)"
                )
            }
            #expect(xml.contains("<mkgu:okato>\(region == "54" ? "50" : "30")"))
        }
    }

    @Test func surveyCSVHasEverySituationForBothRegions() throws {
        let tree = try SampleTreeFixture.tree()
        let text = try #require(String(data: try tree.bytes("survey/survey_2026q2.csv"), encoding: .windowsCP1251))
        let rows = text.components(separatedBy: "\r\n").dropFirst().map { $0.components(separatedBy: ";") }
        for name in [
            "Оформление в детский сад", "Внешкольная занятость детей", "Управление многоквартирным домом",
            "Установление инвалидности", "Целевая помощь малоимущим", "Поиск работы", "Многодетная семья",
        ] {
            for region in ["54", "41"] {
                #expect(rows.contains { $0.count > 4 && $0[2] == region && $0[4] == name }, "\(name) \(region)")
            }
        }
    }

    @Test func volumesAreInTheAgreedRange() throws {
        let manifest = try SampleTreeFixture.tree().manifest
        #expect((3_000...5_000).contains(manifest.totalRecords), "\(manifest.totalRecords)")
        func total(_ source: String) -> Int {
            manifest.files.filter { $0.source == source }.reduce(0) { $0 + $1.records }
        }
        #expect(total("pos") > total("hotline"))
        #expect(total("hotline") > total("site"))
        #expect(total("site") > total("portal"))
        #expect(total("portal") > total("survey"))
    }
}
