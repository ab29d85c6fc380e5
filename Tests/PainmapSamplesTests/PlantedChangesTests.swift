import Foundation
import PainmapSamples
import Testing

@Suite struct PlantedChangesTests {
    @Test(arguments: ["54", "41"])
    func everyRegionHasAllFourKindsOfChange(_ region: String) throws {
        let changes = try SampleTreeFixture.tree().manifest.plantedChanges.filter { $0.region == region }
        for kind in PlantedChangeKind.allCases {
            #expect(changes.contains { $0.kind == kind }, "region \(region) lacks \(kind)")
        }
    }

    @Test func plantedChangesHoldInTheCounts() throws {
        for change in try SampleTreeFixture.tree().manifest.plantedChanges {
            switch change.kind {
            case .grows:
                #expect(
                    change.q2Records >= 5 && Double(change.q3Records) >= 2.5 * Double(change.q2Records),
                    "\(change)"
                )
            case .shrinks:
                #expect(
                    change.q2Records >= 10 && Double(change.q3Records) <= 0.4 * Double(change.q2Records),
                    "\(change)"
                )
            case .new: #expect(change.q2Records == 0 && change.q3Records >= 10, "\(change)")
            case .vanished: #expect(change.q2Records >= 10 && change.q3Records == 0, "\(change)")
            }
        }
    }

    @Test func manifestMarkdownNamesThePlantedFacts() throws {
        let tree = try SampleTreeFixture.tree()
        let markdown = try #require(String(data: try tree.bytes("MANIFEST.md"), encoding: .utf8))
        for change in tree.manifest.plantedChanges {
            #expect(markdown.contains("`\(change.painID)`"))
            #expect(markdown.contains(change.kind.title))
        }
        for service in tree.manifest.services {
            #expect(markdown.contains(service.frguID))
            #expect(service.frguID.count == 11 && service.frguID.allSatisfy(\.isNumber))
        }
        #expect(markdown.contains("## Персональные данные"))
    }

    @Test func manifestJSONDecodesToTheReturnedManifest() throws {
        let tree = try SampleTreeFixture.tree()
        let decoded = try JSONDecoder().decode(SampleManifest.self, from: try tree.bytes("manifest.json"))
        #expect(decoded == tree.manifest)
    }
}
